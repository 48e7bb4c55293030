import { Button } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { FamilyAction } from '@domain/policy.js';
import type { User } from '@domain/schemas.js';

export interface UserHandlers {
  onEdit: (u: User) => void;
  onToggleLock: (u: User) => void;
  onResetPassword: (u: User) => void;
}

/** The buttons the server allows for this account (its `actions`), nothing more. */
export function UserActions({ user, handlers, block }: { user: User; handlers: UserHandlers; block?: boolean }) {
  const can = (a: FamilyAction<'user'>) => user.actions.includes(a);
  const style = block ? undefined : { paddingInline: 4, height: 28 };
  const type = block ? 'default' : 'link';
  return (
    <div
      style={{ display: 'flex', flexDirection: block ? 'row' : 'column', flexWrap: 'wrap', alignItems: 'flex-start', gap: block ? 8 : 0 }}
    >
      {can('update') && (
        <Button type={type} style={style} icon={<EditOutlined />} onClick={() => handlers.onEdit(user)}>
          Sửa
        </Button>
      )}
      {can('update') && (
        <Button
          type={type}
          style={style}
          danger={user.active}
          icon={user.active ? <LockOutlined /> : <UnlockOutlined />}
          onClick={() => handlers.onToggleLock(user)}
        >
          {user.active ? 'Khóa' : 'Mở khóa'}
        </Button>
      )}
      {can('reset_password') && (
        <Button type={type} style={style} icon={<KeyOutlined />} onClick={() => handlers.onResetPassword(user)}>
          Đặt lại mật khẩu
        </Button>
      )}
    </div>
  );
}
