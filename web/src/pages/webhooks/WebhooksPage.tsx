import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreatedWebhook, Webhook, WebhookDeliveries, WebhookList } from '@domain/webhook-schemas.js';
import { errorText, get, post, put } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { UnitPicker } from '../../components/UnitPicker';
import { useAction } from '../../components/useAction';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';

type Hook = z.infer<typeof Webhook>;

/** Webhooks of the user's scope: add one (its secret shown once), turn it off or on again. */
export default function WebhooksPage() {
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<z.infer<typeof CreatedWebhook> | null>(null);
  const list = useQuery({ queryKey: ['webhooks'], queryFn: () => get<z.infer<typeof WebhookList>>('/webhooks') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  const toggling = useAction((h: Hook, opts) => put(`/webhooks/${h.id}/active`, { active: !h.active }, opts), {
    onSuccess: async (_r, h) => {
      message.success(h.active ? 'Đã tắt webhook.' : 'Đã bật lại webhook.');
      await refresh();
    },
  });

  return (
    <Card
      title={<h2 style={{ fontSize: 20, margin: '10px 0', whiteSpace: 'normal' }}>Webhook – gửi sự kiện sang hệ thống khác</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} size={mobile ? 'large' : 'middle'} onClick={() => setCreating(true)}>
          {mobile ? 'Thêm' : 'Thêm webhook'}
        </Button>
      }
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      <Typography.Paragraph type="secondary">
        Mỗi sự kiện trong phạm vi đơn vị (gửi hồ sơ, trả lại, chấp nhận, công nhận, khen thưởng, phát động, nhắc hạn…) được gửi đến địa chỉ
        đã đăng ký, có chữ ký HMAC-SHA256 bằng khóa bí mật. Hướng dẫn kiểm tra chữ ký: <a href="/api/v1/docs">tài liệu API</a>, mục Webhook.
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      <List
        bordered
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: 'Chưa có webhook nào' }}
        renderItem={(h) => (
          <List.Item
            actions={[
              <Button key="toggle" size={mobile ? 'large' : 'middle'} danger={h.active} onClick={() => toggling.run(h)}>
                {h.active ? 'Tắt' : 'Bật lại'}
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={<ApiOutlined style={{ fontSize: 20, color: h.active ? '#1677ff' : '#bfbfbf' }} />}
              title={<span style={{ overflowWrap: 'anywhere' }}>{h.url}</span>}
              description={
                <div>
                  <div>
                    {h.unit.name} · tạo lúc {formatDateTime(h.createdAt)}
                  </div>
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
                    {h.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã tắt</Tag>}
                    {h.failedDeliveries > 0 && <Tag color="red">{h.failedDeliveries} lần gửi thất bại</Tag>}
                  </div>
                  <Collapse
                    ghost
                    size="small"
                    destroyOnHidden
                    items={[{ key: 'd', label: 'Các lần gửi gần nhất', children: <Deliveries id={h.id} /> }]}
                    style={{ marginInlineStart: -16 }}
                  />
                </div>
              }
            />
          </List.Item>
        )}
      />
      {creating && (
        <CreateWebhookModal
          onClose={() => setCreating(false)}
          onCreated={async (w) => {
            setCreating(false);
            setCreated(w);
            await refresh();
          }}
        />
      )}
      {created && (
        <Modal
          open
          title={<ModalTitle main="Đã thêm webhook" sub={created.url} />}
          okText="Tôi đã lưu khóa"
          cancelButtonProps={{ style: { display: 'none' } }}
          onOk={() => setCreated(null)}
          onCancel={() => setCreated(null)}
          maskClosable={false}
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="Khóa bí mật chỉ hiện một lần này. Hãy sao chép và lưu vào hệ thống nhận sự kiện để kiểm tra chữ ký."
          />
          <Typography.Paragraph copyable={{ text: created.secret, tooltips: ['Sao chép', 'Đã sao chép'] }}>
            <code style={{ overflowWrap: 'anywhere' }}>{created.secret}</code>
          </Typography.Paragraph>
        </Modal>
      )}
    </Card>
  );
}

function CreateWebhookModal({ onClose, onCreated }: { onClose: () => void; onCreated: (w: z.infer<typeof CreatedWebhook>) => void }) {
  const me = useSession();
  const scope = me.user.entryScope;
  const [form] = Form.useForm<{ unitId: string; url: string }>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(form, (v, opts) => post<z.infer<typeof CreatedWebhook>>('/webhooks', { unitId: v.unitId, url: v.url.trim() }, opts), {
    onSuccess: onCreated,
  });
  return (
    <Modal
      open
      title={<ModalTitle main="Thêm webhook" />}
      okText="Thêm"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="webhook-form" initialValues={{ unitId: scope?.id }}>
        <Form.Item
          label="Nhận sự kiện của đơn vị"
          name="unitId"
          extra="Gồm cả các đơn vị trực thuộc"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
        >
          <UnitPicker initialLabel={scope?.name} />
        </Form.Item>
        <Form.Item
          label="Địa chỉ nhận (URL)"
          name="url"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập địa chỉ' },
            { type: 'url', message: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://' },
            { max: 500 },
          ]}
        >
          <Input inputMode="url" placeholder="https://he-thong-khac.vinhlong.gov.vn/dvk-su-kien" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const DELIVERY_STATE: Record<string, { color: string; label: string }> = {
  pending: { color: 'default', label: 'Chờ gửi' },
  sending: { color: 'blue', label: 'Đang gửi' },
  sent: { color: 'green', label: 'Đã nhận' },
  failed: { color: 'red', label: 'Thất bại' },
};

/** The webhook's last deliveries: event, when, state, tries and the receiver's last answer. */
function Deliveries({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['webhooks', id, 'deliveries'],
    queryFn: () => get<z.infer<typeof WebhookDeliveries>>(`/webhooks/${id}/deliveries`),
  });
  if (q.error) return <Alert type="error" showIcon title={errorText(q.error)} />;
  if (q.isPending) return <span>Đang tải…</span>;
  if (!q.data.items.length) return <span>Chưa có sự kiện nào được gửi.</span>;
  return (
    <ul style={{ paddingInlineStart: 18, margin: 0 }}>
      {q.data.items.map((d) => (
        <li key={d.id} style={{ marginBottom: 6, overflowWrap: 'anywhere' }}>
          <Tag color={DELIVERY_STATE[d.state]?.color}>{DELIVERY_STATE[d.state]?.label ?? d.state}</Tag>
          {d.title} <span style={{ color: '#666' }}>({d.event})</span>
          <div style={{ color: '#666', fontSize: 13 }}>
            {formatDateTime(d.occurredAt)} · {d.attempts} lần gửi
            {d.lastStatus ? ` · mã trả lời ${d.lastStatus}` : ''}
            {d.lastError ? ` · ${d.lastError}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
