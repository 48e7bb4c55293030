import { useState, type CSSProperties } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { TransitionBody, type Registration } from '@domain/movement-schemas.js';
import { MIN_REASON_LENGTH, TRANSITIONS } from '@domain/workflow.js';
import { get, post } from '../../api';
import { formatNumber } from '../../format';
import { maxRule } from '../../components/limits';
import { useAction } from '../../components/useAction';
import { ModalTitle } from '../../components/ModalTitle';
import { matchFolded } from '../../components/selectFilter';
import { useFormSubmit } from '../../components/useFormSubmit';

interface Base {
  registration: Registration;
  onClose: () => void;
  onStale: () => void;
}

const REASON_COPY = {
  return: { ok: 'Trả lại', done: 'Đã trả lại hồ sơ để đơn vị chỉnh sửa.', hint: 'Nêu rõ nội dung cần sửa để đơn vị chỉnh lại.' },
  reject: { ok: 'Không chấp thuận', done: 'Đã ghi nhận không chấp thuận.', hint: 'Nêu lý do không chấp thuận.' },
  discontinue: { ok: 'Dừng thực hiện', done: 'Đã ghi nhận dừng thực hiện.', hint: 'Nêu lý do dừng thực hiện mô hình.' },
} as const;

export function ReasonModal({
  registration,
  action,
  onClose,
  onDone,
  onStale,
}: Base & { action: 'return' | 'reject' | 'discontinue'; onDone: (r: Registration, text: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const copy = REASON_COPY[action];
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) =>
      post<Registration>(`/registrations/${registration.id}/${action}`, { version: registration.version, reason: v.reason.trim() }, opts),
    { onStale, onSuccess: (next) => onDone(next, copy.done) },
  );
  return (
    <Modal
      open
      title={<ModalTitle main={TRANSITIONS[action].label} sub={registration.title} />}
      okText={copy.ok}
      cancelText="Hủy"
      okButtonProps={{ danger: action !== 'return' }}
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name={`reason-${action}`}>
        <Form.Item
          label="Lý do"
          name="reason"
          extra={copy.hint}
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nêu lý do' },
            { min: MIN_REASON_LENGTH, message: `Lý do cần ít nhất ${MIN_REASON_LENGTH} ký tự` },
            maxRule(TransitionBody.shape.reason, (n) => `Tối đa ${formatNumber(n)} ký tự`),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Candidate {
  id: string;
  fullName: string;
  position: string | null;
  unitName: string;
}

/** The officers who may support the registration, by name and position, searchable without diacritics. */
function SupporterSelect(props: {
  registrationId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  placeholder: string;
  allowClear?: boolean;
  style?: CSSProperties;
}) {
  const { registrationId, value, onChange, ...rest } = props;
  const candidates = useQuery({
    queryKey: ['supporter-candidates', registrationId],
    queryFn: () => get<Candidate[]>(`/registrations/${registrationId}/supporter-candidates`),
  });
  return (
    <Select
      {...rest}
      aria-label="Cán bộ hỗ trợ"
      loading={candidates.isPending}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.fullName}${c.position ? ` – ${c.position}` : ''}` }))}
      showSearch={{ filterOption: matchFolded }}
      optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
    />
  );
}

export function AcceptModal({ registration, onClose, onDone, onStale }: Base & { onDone: (r: Registration) => void }) {
  const [supporterId, setSupporterId] = useState<string | null>(null);
  const accept = useAction(
    (_: void, opts) => post<Registration>(`/registrations/${registration.id}/accept`, { version: registration.version, supporterId }, opts),
    { onStale, onSuccess: onDone },
  );
  const { busy, error } = accept;
  const ok = () => accept.run();
  return (
    <Modal
      open
      title={<ModalTitle main={TRANSITIONS.accept.label} sub={registration.title} />}
      okText="Chấp thuận"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <p>Hồ sơ sẽ chuyển sang “Đã chấp thuận, đang thực hiện”.</p>
      <Form layout="vertical">
        <Form.Item label="Cán bộ hỗ trợ, theo dõi" extra="Không bắt buộc; có thể phân công sau.">
          <SupporterSelect
            allowClear
            registrationId={registration.id}
            value={supporterId}
            onChange={setSupporterId}
            placeholder="Chọn cán bộ (không bắt buộc)"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SupporterModal({ registration, onClose, onDone, onStale }: Base & { onDone: (r: Registration) => void }) {
  const [supporterId, setSupporterId] = useState<string | null>(registration.supporter?.id ?? null);
  const assign = useAction(
    (picked: string, opts) =>
      post<Registration>(`/registrations/${registration.id}/supporter`, { version: registration.version, supporterId: picked }, opts),
    { onStale, onSuccess: onDone },
  );
  const { busy, error } = assign;
  const ok = () => (supporterId ? assign.run(supporterId) : assign.setError('Vui lòng chọn cán bộ hỗ trợ.'));
  return (
    <Modal
      open
      title={<ModalTitle main="Phân công cán bộ hỗ trợ" sub={registration.title} />}
      okText="Phân công"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <SupporterSelect
        registrationId={registration.id}
        value={supporterId}
        onChange={setSupporterId}
        placeholder="Chọn cán bộ"
        style={{ width: '100%' }}
      />
    </Modal>
  );
}
