import { Alert, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MailFailures as MailFailuresSchema } from '@domain/notification-schemas.js';
import { errorText, get } from '../../api';
import { formatDateTime } from '../../format';

/** Accounts whose e-mail address refused notifications: the administrator corrects the address. */
export function MailFailures() {
  const failures = useQuery({
    queryKey: ['mail-failures'],
    queryFn: () => get<z.infer<typeof MailFailuresSchema>>('/mail-failures'),
  });
  if (failures.error) return <Alert type="error" showIcon title={errorText(failures.error)} style={{ marginTop: 16 }} />;
  const items = failures.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="mail-failures-title" style={{ marginTop: 20 }}>
      <Typography.Title level={5} id="mail-failures-title" style={{ marginBottom: 4 }}>
        Địa chỉ thư điện tử không nhận được thư ({items.length})
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Thư thông báo gửi đến các địa chỉ này bị từ chối. Sửa địa chỉ trong tài khoản để người dùng nhận lại thư.
      </Typography.Paragraph>
      <List
        bordered
        size="small"
        dataSource={items}
        renderItem={(f) => (
          <List.Item>
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <div style={{ fontWeight: 600 }}>
                {f.fullName} <span style={{ fontWeight: 400, color: '#595959' }}>({f.username})</span>
              </div>
              <div>{f.email ?? 'Chưa có địa chỉ'}</div>
              <div style={{ color: '#666', fontSize: 13 }}>
                Lần lỗi gần nhất: {formatDateTime(f.failedAt)}
                {f.error ? ` · ${f.error}` : ''}
              </div>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}
