import { Tag, Typography } from 'antd';
import type { User } from '@domain/schemas.js';

export function UserStatus({ user }: { user: User }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {user.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>}
      {user.mustChangePassword && <Tag color="orange">Chờ đổi mật khẩu</Tag>}
    </div>
  );
}

/** "Nhập liệu: …" and "Xem: …", the two scopes of an account. */
export function UserScopes({ user }: { user: User }) {
  return (
    <div style={{ lineHeight: 1.5 }}>
      <div>
        <Typography.Text type="secondary">Nhập liệu: </Typography.Text>
        {user.entryScope?.name ?? <i>không (chỉ xem)</i>}
      </div>
      <div>
        <Typography.Text type="secondary">Xem: </Typography.Text>
        {user.viewScope.name}
      </div>
    </div>
  );
}
