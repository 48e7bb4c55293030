import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Registration } from '@domain/movement-schemas.js';
import { TRANSITIONS } from '@domain/workflow.js';
import { ApiError, errorText, get, post } from '../../api';
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

export function ReasonModal({ registration, action, onClose, onDone, onStale }: Base & { action: 'return' | 'reject' | 'discontinue'; onDone: (r: Registration, text: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const copy = REASON_COPY[action];
  const { submit: ok, busy, error } = useFormSubmit(
    form,
    async (v) => {
      const next = await post<Registration>(`/registrations/${registration.id}/${action}`, { version: registration.version, reason: v.reason.trim() });
      onDone(next, copy.done);
    },
    (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') onStale();
    },
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
            { min: 5, message: 'Lý do cần ít nhất 5 ký tự' },
            { max: 2000, message: 'Tối đa 2.000 ký tự' },
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

function useSupporterCandidates(id: string) {
  return useQuery({ queryKey: ['supporter-candidates', id], queryFn: () => get<Candidate[]>(`/registrations/${id}/supporter-candidates`) });
}
const candidateOptions = (list: Candidate[] | undefined) =>
  (list ?? []).map((c) => ({ value: c.id, label: `${c.fullName}${c.position ? ` – ${c.position}` : ''}` }));

export function AcceptModal({ registration, onClose, onDone, onStale }: Base & { onDone: (r: Registration) => void }) {
  const [supporterId, setSupporterId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = useSupporterCandidates(registration.id);
  async function ok() {
    setBusy(true);
    setError(null);
    try {
      const next = await post<Registration>(`/registrations/${registration.id}/accept`, { version: registration.version, supporterId });
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') onStale();
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
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
          <Select
            allowClear
            aria-label="Cán bộ hỗ trợ"
            loading={candidates.isPending}
            value={supporterId ?? undefined}
            onChange={(v) => setSupporterId(v ?? null)}
            options={candidateOptions(candidates.data)}
            showSearch={{ filterOption: matchFolded }}
            placeholder="Chọn cán bộ (không bắt buộc)"
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SupporterModal({ registration, onClose, onDone, onStale }: Base & { onDone: (r: Registration) => void }) {
  const [supporterId, setSupporterId] = useState<string | null>(registration.supporter?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = useSupporterCandidates(registration.id);
  async function ok() {
    if (!supporterId) return setError('Vui lòng chọn cán bộ hỗ trợ.');
    setBusy(true);
    setError(null);
    try {
      onDone(await post<Registration>(`/registrations/${registration.id}/supporter`, { version: registration.version, supporterId }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') onStale();
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={<ModalTitle main="Phân công cán bộ hỗ trợ" sub={registration.title} />} okText="Phân công" cancelText="Hủy" onOk={ok} confirmLoading={busy} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Select
        aria-label="Cán bộ hỗ trợ"
        style={{ width: '100%' }}
        loading={candidates.isPending}
        value={supporterId ?? undefined}
        onChange={(v) => setSupporterId(v ?? null)}
        options={candidateOptions(candidates.data)}
        showSearch={{ filterOption: matchFolded }}
        placeholder="Chọn cán bộ"
        optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
      />
    </Modal>
  );
}
