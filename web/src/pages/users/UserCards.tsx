import { Empty, List, Pagination, Spin, Typography } from 'antd';
import type { User } from '@domain/schemas.js';
import { ROLE_LABELS } from '@domain/roles.js';
import { formatDateTime, formatNumber } from '../../format';
import { UserActions, type UserHandlers } from './UserActions';
import { UserScopes, UserStatus } from './UserStatus';

interface Props {
  users: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (p: number) => void;
  handlers: UserHandlers;
}

/** Accounts as a list of cards: the phone's version of the users table. */
export function UserCards({ users, total, page, pageSize, loading, onPage, handlers }: Props) {
  if (loading)
    return (
      <div style={{ padding: 24, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (users.length === 0) return <Empty description="Không có người dùng phù hợp" />;
  return (
    <>
      <List
        dataSource={users}
        renderItem={(u) => (
          <List.Item style={{ display: 'block', padding: '12px 4px' }}>
            <div style={{ fontSize: 16, fontWeight: 600 }}>{u.fullName}</div>
            <Typography.Text type="secondary">
              {u.username}
              {u.position ? ` · ${u.position}` : ''}
            </Typography.Text>
            <div style={{ marginTop: 6 }}>
              {ROLE_LABELS[u.role]} – {u.unit.name}
            </div>
            <UserScopes user={u} />
            <div style={{ margin: '6px 0' }}>
              <UserStatus user={u} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              Đăng nhập gần nhất: {formatDateTime(u.lastLoginAt)}
            </Typography.Text>
            <div style={{ marginTop: 8 }}>
              <UserActions user={u} handlers={handlers} block />
            </div>
          </List.Item>
        )}
      />
      {total > pageSize && (
        <div style={{ textAlign: 'center', marginTop: 8 }}>
          <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
        </div>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 4 }}>
        {formatNumber(total)} người dùng
      </Typography.Text>
    </>
  );
}
