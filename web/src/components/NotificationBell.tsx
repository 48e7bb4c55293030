import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { NotificationCount } from '@domain/notification-schemas.js';
import { get } from '../api';

/** The bell in the header: unread notifications, asked of the server every 15 s and when the window regains focus. */
export function NotificationBell() {
  const navigate = useNavigate();
  const count = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => get<z.infer<typeof NotificationCount>>('/notifications/count'),
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const unread = count.data?.unread ?? 0;
  return (
    <Button
      type="text"
      aria-label={unread ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
      data-testid="notification-bell"
      style={{ width: 44, height: 44, flexShrink: 0 }}
      onClick={() => navigate('/thong-bao')}
      icon={
        <Badge count={unread} overflowCount={99} size="small" offset={[2, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 22 }} />
        </Badge>
      }
    />
  );
}
