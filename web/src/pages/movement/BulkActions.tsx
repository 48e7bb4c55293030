/**
 * Bulk work on the registrations list: the bar that sticks to the bottom of the screen while rows
 * are selected ("Tiếp nhận", "Trả lại" with one reason, "Đưa vào đợt xét"), its dialogs, and the
 * answer record by record. Each record is done or left as it was; the answer says which and why.
 */
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { BULK_ACTION_LABELS, type BulkAction, type BulkResult } from '@domain/bulk-schemas.js';
import type { RoundList } from '@domain/recognition-schemas.js';
import { MIN_REASON_LENGTH } from '@domain/workflow.js';
import { get, post } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { useAction } from '../../components/useAction';

type RoundItem = z.infer<typeof RoundList>['items'][number];

export function BulkBar({
  count,
  canRound,
  busy,
  onAction,
  onClear,
}: {
  count: number;
  canRound: boolean;
  busy: boolean;
  onAction: (a: BulkAction) => void;
  onClear: () => void;
}) {
  return (
    <div className="bulk-bar" role="region" aria-label="Thao tác với các hồ sơ đã chọn">
      <span className="bulk-bar-count">Đã chọn {count} hồ sơ</span>
      <div className="bulk-bar-buttons">
        <Button type="primary" disabled={busy} onClick={() => onAction('accept')}>
          {BULK_ACTION_LABELS.accept}
        </Button>
        <Button disabled={busy} onClick={() => onAction('return')}>
          {BULK_ACTION_LABELS.return}
        </Button>
        {canRound && (
          <Button disabled={busy} onClick={() => onAction('add_to_round')}>
            {BULK_ACTION_LABELS.add_to_round}
          </Button>
        )}
        <Button type="link" disabled={busy} onClick={onClear}>
          Bỏ chọn
        </Button>
      </div>
    </div>
  );
}

/** The dialog of one bulk action: a confirmation, the one reason, or the round to add to. */
export function BulkDialog({
  action,
  ids,
  onClose,
  onDone,
}: {
  action: BulkAction;
  ids: string[];
  onClose: () => void;
  onDone: (r: BulkResult) => void;
}) {
  const [form] = Form.useForm<{ reason?: string; roundId?: string }>();
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: () => get<{ items: RoundItem[] }>('/recognition-rounds'),
    enabled: action === 'add_to_round',
  });
  const open = (rounds.data?.items ?? []).filter((r) => r.state === 'open' && r.actions.includes('add_candidate'));
  const send = useAction(
    (v: { reason?: string; roundId?: string }, opts) =>
      post<BulkResult>('/registrations/bulk', { action, ids, reason: v.reason?.trim() || null, roundId: v.roundId ?? null }, opts),
    { onSuccess: (r) => onDone(r) },
  );
  const ok = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) await send.run(v);
  };
  const label = BULK_ACTION_LABELS[action];
  return (
    <Modal
      open
      title={<ModalTitle main={label} sub={`${ids.length} hồ sơ đã chọn`} />}
      okText={label}
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={send.busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {send.error && <Alert type="error" showIcon title={send.error} style={{ marginBottom: 12 }} />}
      <p style={{ marginTop: 0 }}>
        Mỗi hồ sơ được kiểm tra và xử lý riêng: hồ sơ nào không đủ điều kiện thì giữ nguyên, kết quả ghi rõ lý do.
      </p>
      <Form form={form} layout="vertical" name={`bulk-${action}`}>
        {action === 'return' && (
          <Form.Item
            label="Lý do trả lại (chung cho các hồ sơ)"
            name="reason"
            rules={[
              { required: true, message: 'Vui lòng ghi lý do trả lại.' },
              { min: MIN_REASON_LENGTH, message: `Lý do cần ít nhất ${MIN_REASON_LENGTH} ký tự.` },
              { max: 2000, message: 'Lý do tối đa 2.000 ký tự.' },
            ]}
          >
            <Input.TextArea rows={4} placeholder="Nêu rõ nội dung cần sửa để đơn vị chỉnh lại." />
          </Form.Item>
        )}
        {action === 'add_to_round' && (
          <Form.Item label="Đợt xét công nhận" name="roundId" rules={[{ required: true, message: 'Vui lòng chọn đợt xét.' }]}>
            <Select
              aria-label="Đợt xét công nhận"
              loading={rounds.isLoading}
              placeholder="Chọn đợt xét đang mở"
              options={open.map((r) => ({ value: r.id, label: `${r.title} (${r.unit.name})` }))}
              notFoundContent="Không có đợt xét nào đang mở"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** What a bulk action did, record by record: how many were done, and why the others were not. */
export function BulkOutcome({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  const failed = result.results.filter((r) => !r.ok);
  const label = BULK_ACTION_LABELS[result.action];
  return (
    <Alert
      type={failed.length === 0 ? 'success' : result.done === 0 ? 'error' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      title={`${label}: đã thực hiện ${result.done}/${result.results.length} hồ sơ.`}
      description={
        failed.length > 0 && (
          <div>
            <div>Các hồ sơ sau chưa thực hiện được và giữ nguyên:</div>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} aria-label="Hồ sơ chưa thực hiện được">
              {failed.map((r) => (
                <li key={r.id}>
                  <b>{r.title ?? 'Hồ sơ không tìm thấy'}</b>: {r.error?.message}
                </li>
              ))}
            </ul>
          </div>
        )
      }
    />
  );
}
