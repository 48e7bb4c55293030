import { Alert, Descriptions, Form, Input, Modal, Select } from 'antd';
import { DateField, dateRules } from '../../../components/DateField';
import { MIN_REASON_LENGTH } from '@domain/workflow.js';
import type { Dayjs } from 'dayjs';
import { DecideBody, type Candidate, type Round } from '@domain/recognition-schemas.js';
import { post } from '../../../api';
import { maxRule } from '../../../components/limits';
import { ModalTitle } from '../../../components/ModalTitle';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { LEVEL_OPTIONS } from '../shared';

interface DecideValues {
  result: 'recognised' | 'not_recognised';
  level?: string;
  decisionNo?: string;
  decisionDate?: Dayjs;
  issuer?: string;
  reasons?: string;
}

const D = DecideBody.shape;

const decideRequest = (v: DecideValues) =>
  v.result === 'recognised'
    ? {
        result: v.result,
        level: v.level,
        decisionNo: v.decisionNo?.trim(),
        decisionDate: v.decisionDate?.format('YYYY-MM-DD'),
        issuer: v.issuer?.trim(),
      }
    : { result: v.result, reasons: v.reasons?.trim() };

/**
 * 4. The decision on a candidate, the one its button chose: recognised with the decision's level,
 * number, date and issuer (offered only once the candidate is ready), or not, with the reasons.
 */
export function DecideModal({
  c,
  base,
  result,
  onClose,
  onDecided,
}: {
  c: Candidate;
  base: string;
  result: DecideValues['result'];
  onClose: () => void;
  onDecided: (r: Round) => void;
}) {
  const [form] = Form.useForm<DecideValues>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(form, (v, opts) => post<Round>(`${base}/decide`, decideRequest({ ...v, result }), opts), { onSuccess: onDecided });
  return (
    <Modal
      open
      title={<ModalTitle main={result === 'recognised' ? 'Quyết định công nhận' : 'Không công nhận'} sub={c.registration.title} />}
      okText="Ghi quyết định"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="Biểu quyết">
          Tán thành {c.tally.for} · Không tán thành {c.tally.against} · Không biểu quyết {c.tally.abstain}
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" requiredMark="optional" name="decide-form" initialValues={{ level: 'province' }}>
        {result === 'recognised' ? (
          <>
            <Form.Item label="Cấp công nhận" name="level" rules={[{ required: true, message: 'Vui lòng chọn cấp' }]}>
              <Select options={LEVEL_OPTIONS} />
            </Form.Item>
            <Form.Item
              label="Số quyết định"
              name="decisionNo"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định' }, maxRule(D.decisionNo)]}
            >
              <Input placeholder="Ví dụ: 125-QĐ/BCĐ" />
            </Form.Item>
            <Form.Item label="Ngày quyết định" name="decisionDate" rules={dateRules('Vui lòng nhập ngày quyết định')}>
              <DateField />
            </Form.Item>
            <Form.Item
              label="Cơ quan ban hành"
              name="issuer"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập cơ quan ban hành' }, maxRule(D.issuer)]}
            >
              <Input placeholder="Ví dụ: Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            label="Lý do không công nhận"
            name="reasons"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nêu lý do' },
              { min: MIN_REASON_LENGTH, message: `Cần ít nhất ${MIN_REASON_LENGTH} ký tự` },
              maxRule(D.reasons),
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
