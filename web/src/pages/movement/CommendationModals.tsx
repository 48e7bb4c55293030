import { Alert, Form, Input, Modal, Select } from 'antd';
import { DateField, dateRules } from '../../components/DateField';
import type { Dayjs } from 'dayjs';
import type { Registration } from '@domain/movement-schemas.js';
import { CommendationInput, ProposalInput } from '@domain/commendation-schemas.js';
import { maxRule, minLengthOf } from '../../components/limits';
import { get, post } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { useQuery } from '@tanstack/react-query';
import { useCommendationForms } from './shared';
import { useFormSubmit } from '../../components/useFormSubmit';

const C = CommendationInput.shape;
const P = ProposalInput.shape;
const REASON_MIN = minLengthOf(P.reason);

interface Props {
  registration: Registration;
  onClose: () => void;
  onDone: () => void;
}

export function CommendationFields({ withForm = true }: { withForm?: boolean }) {
  const forms = useCommendationForms();
  return (
    <>
      {withForm && (
        <Form.Item label="Hình thức khen thưởng" name="formCode" rules={[{ required: true, message: 'Vui lòng chọn hình thức' }]}>
          <Select
            placeholder="Chọn hình thức"
            options={(forms.data ?? []).filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }))}
          />
        </Form.Item>
      )}
      <Form.Item
        label="Cơ quan ban hành"
        name="issuer"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập cơ quan ban hành' }, maxRule(C.issuer)]}
      >
        <Input placeholder="Ví dụ: Ban Thường vụ Tỉnh ủy Vĩnh Long" />
      </Form.Item>
      <Form.Item
        label="Số quyết định"
        name="decisionNo"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định' }, maxRule(C.decisionNo)]}
      >
        <Input placeholder="Ví dụ: 125-QĐ/TU" />
      </Form.Item>
      <Form.Item label="Ngày quyết định" name="decisionDate" rules={dateRules('Vui lòng nhập ngày quyết định')}>
        <DateField />
      </Form.Item>
      <Form.Item label="Ghi chú" name="note" rules={[maxRule(C.note)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}

export interface CommendationValues {
  formCode: string;
  issuer: string;
  decisionNo: string;
  decisionDate: Dayjs;
  note?: string;
}
export const commendationBody = (v: CommendationValues) => ({
  issuer: v.issuer.trim(),
  decisionNo: v.decisionNo.trim(),
  decisionDate: v.decisionDate.format('YYYY-MM-DD'),
  note: v.note?.trim() || null,
});

export function CommendationModal({ registration, onClose, onDone }: Props) {
  const [form] = Form.useForm<CommendationValues>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) => post(`/registrations/${registration.id}/commendations`, { formCode: v.formCode, ...commendationBody(v) }, opts),
    { onSuccess: onDone },
  );
  return (
    <Modal
      open
      title={<ModalTitle main="Ghi nhận biểu dương, khen thưởng" sub={registration.title} />}
      okText="Lưu"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="commendation-form">
        <CommendationFields />
      </Form>
    </Modal>
  );
}

export function ProposalModal({ registration, onClose, onDone }: Props) {
  const forms = useCommendationForms();
  // The levels above the user's own, nearest first: the usual target is the first one.
  const targets = useQuery({ queryKey: ['proposal-targets'], queryFn: () => get<{ id: string; name: string }[]>('/proposal-targets') });
  const [form] = Form.useForm<{ toUnitId: string; formCode: string; reason: string }>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) =>
      post(`/registrations/${registration.id}/proposals`, { toUnitId: v.toUnitId, formCode: v.formCode, reason: v.reason.trim() }, opts),
    { onSuccess: onDone },
  );
  return (
    <Modal
      open
      title={<ModalTitle main="Đề nghị cấp trên khen thưởng" sub={registration.title} />}
      okText="Gửi đề nghị"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="proposal-form">
        <Form.Item label="Gửi đến cấp trên" name="toUnitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị cấp trên' }]}>
          <Select
            placeholder="Chọn đơn vị cấp trên"
            loading={targets.isPending}
            options={(targets.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            notFoundContent="Không có đơn vị cấp trên"
          />
        </Form.Item>
        <Form.Item label="Hình thức đề nghị" name="formCode" rules={[{ required: true, message: 'Vui lòng chọn hình thức' }]}>
          <Select
            placeholder="Chọn hình thức"
            options={(forms.data ?? []).filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }))}
          />
        </Form.Item>
        <Form.Item
          label="Lý do, thành tích"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nêu lý do' },
            { min: REASON_MIN, message: `Cần ít nhất ${REASON_MIN} ký tự` },
            maxRule(P.reason),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
