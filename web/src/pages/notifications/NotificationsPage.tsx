import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, List, Radio, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { MAIL_MODE_LABELS, MAIL_MODES, type MailSettings, type NotificationList } from '@domain/notification-schemas.js';
import { errorText, get, post, put, qs } from '../../api';
import { formatDateTime } from '../../format';
import { useListParams } from '../../components/useListParams';

type Item = z.infer<typeof NotificationList>['items'][number];

/** "Thông báo": the user's notifications (unread first to see), each opening its record; mail settings below. */
export default function NotificationsPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  // The tab and the page live in the address (reload, back); the newest first, always.
  const list$ = useListParams({ shape: { show: z.enum(['unread']) }, filters: ['show'], sorts: ['at'], defaultSort: '-at' });
  const { page, setPage } = list$;
  const filter: 'all' | 'unread' = list$.values.show === 'unread' ? 'unread' : 'all';
  const list = useQuery({
    queryKey: ['notifications', 'list', filter, page],
    queryFn: () =>
      get<z.infer<typeof NotificationList>>(
        `/notifications${qs({ page, pageSize: 20, unread: filter === 'unread' ? 'true' : undefined })}`,
      ),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });

  async function open(n: Item) {
    try {
      if (!n.read) await post(`/notifications/${n.id}/read`);
      await refresh();
      navigate(n.link);
    } catch (e) {
      message.error(errorText(e));
    }
  }
  /** A link followed (here, in a new tab or window): the notification is read. */
  function followed(n: Item) {
    if (!n.read) void post(`/notifications/${n.id}/read`).then(refresh, () => {});
  }
  async function readAll() {
    try {
      await post('/notifications/read-all');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`Thông báo${list.data ? ` (${list.data.unread} chưa đọc)` : ''}`}
        extra={
          <Space wrap>
            <Segmented
              value={filter}
              onChange={(v) => list$.update({ show: v === 'unread' ? 'unread' : null })}
              options={[
                { value: 'all', label: 'Tất cả' },
                { value: 'unread', label: 'Chưa đọc' },
              ]}
            />
            <Button onClick={() => void readAll()} disabled={!list.data?.unread}>
              Đánh dấu tất cả đã đọc
            </Button>
          </Space>
        }
      >
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: 'Chưa có thông báo nào.' }}
          pagination={(list.data?.total ?? 0) > 20 ? { current: page, pageSize: 20, total: list.data?.total, onChange: setPage } : false}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              style={{ cursor: 'pointer', background: n.read ? undefined : '#fff7f7', paddingInline: 12 }}
              // The title is the link; a click elsewhere on the item opens the record too.
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a')) void open(n);
              }}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {!n.read && <Tag color="red">Mới</Tag>}
                    <Link to={n.link} onClick={() => followed(n)} onAuxClick={() => followed(n)} style={{ fontWeight: n.read ? 400 : 600 }}>
                      {n.title}
                    </Link>
                  </Space>
                }
                description={
                  <>
                    {n.text && <div>{n.text}</div>}
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <MailSettingsCard />
    </Space>
  );
}

function MailSettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<z.infer<typeof MailSettings>>();
  const settings = useQuery({ queryKey: ['profile', 'mail'], queryFn: () => get<z.infer<typeof MailSettings>>('/profile/mail') });
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  async function save(v: z.infer<typeof MailSettings>) {
    setSaving(true);
    try {
      await put('/profile/mail', { email: v.email?.trim() || null, mailMode: v.mailMode });
      message.success('Đã lưu cách nhận thư thông báo.');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="Nhận thông báo qua thư điện tử">
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 520 }}>
        <Form.Item label="Địa chỉ thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử chưa đúng.' }]}>
          <Input placeholder="ten@vinhlong.gov.vn" autoComplete="email" />
        </Form.Item>
        <Form.Item label="Cách nhận thư" name="mailMode" initialValue="immediate">
          <Radio.Group options={MAIL_MODES.map((m) => ({ value: m, label: MAIL_MODE_LABELS[m] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          Lưu
        </Button>
      </Form>
    </Card>
  );
}
