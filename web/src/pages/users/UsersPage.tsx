import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '@domain/schemas.js';
import { ROLE_LABELS } from '@domain/roles.js';
import { ApiError, get, patch, post, qs } from '../../api';
import { formatDateTime } from '../../format';
import { UserFormModal } from './UserFormModal';

export default function UsersPage() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [resetForm] = Form.useForm();
  const users = useQuery({
    queryKey: ['users', q, page],
    queryFn: () => get<{ items: User[]; total: number }>(`/users${qs({ q, page, pageSize: 20 })}`),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const toggleLock = (u: User) =>
    modal.confirm({
      title: u.active ? `Khóa tài khoản ${u.username}?` : `Mở khóa tài khoản ${u.username}?`,
      content: u.active ? 'Người dùng sẽ bị đăng xuất ngay và không đăng nhập được cho đến khi mở khóa.' : undefined,
      okText: u.active ? 'Khóa' : 'Mở khóa',
      cancelText: 'Hủy',
      okButtonProps: { danger: u.active },
      onOk: async () => {
        try {
          await patch(`/users/${u.id}`, { version: u.version, active: !u.active });
          message.success(u.active ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.');
          await reload();
        } catch (e) {
          modal.error({ title: 'Chưa thực hiện được', content: e instanceof ApiError ? e.message : String(e) });
        }
      },
    });

  async function resetPassword() {
    const v = await resetForm.validateFields();
    try {
      await post(`/users/${resetFor!.id}/reset-password`, { newPassword: v.newPassword });
      message.success('Đã đặt lại mật khẩu. Người dùng sẽ phải đổi mật khẩu khi đăng nhập.');
      setResetFor(null);
    } catch (e) {
      resetForm.setFields([{ name: 'newPassword', errors: [e instanceof ApiError ? e.message : String(e)] }]);
    }
  }

  return (
    <Card
      title="Người dùng"
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>Thêm người dùng</Button>}
      styles={{ body: { padding: 12 } }}
    >
      <Input.Search placeholder="Tìm theo tên đăng nhập hoặc họ tên…" allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ maxWidth: 420, marginBottom: 12 }} />
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: users.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `${t} người dùng` }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username', fixed: 'left' },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Vai trò', dataIndex: 'role', render: (r: User['role']) => ROLE_LABELS[r] },
          { title: 'Đơn vị', render: (_, u) => u.unit.name },
          { title: 'Phạm vi nhập liệu', render: (_, u) => u.entryScope?.name ?? <Tag>Chỉ xem</Tag> },
          { title: 'Phạm vi xem', render: (_, u) => u.viewScope.name },
          { title: 'Trạng thái', render: (_, u) => (u.active ? <Tag color="green">Hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>) },
          { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: 'Thao tác',
            render: (_, u) => (
              <Space size={4} wrap>
                {u.actions.includes('update') && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>Sửa</Button>}
                {u.actions.includes('update') && (
                  <Button size="small" icon={u.active ? <LockOutlined /> : <UnlockOutlined />} onClick={() => toggleLock(u)}>{u.active ? 'Khóa' : 'Mở khóa'}</Button>
                )}
                {u.actions.includes('reset_password') && (
                  <Button size="small" icon={<KeyOutlined />} onClick={() => { resetForm.resetFields(); setResetFor(u); }}>Đặt lại mật khẩu</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            message.success(editing === 'new' ? 'Đã tạo tài khoản.' : 'Đã lưu thay đổi.');
            setEditing(null);
            await reload();
          }}
        />
      )}
      <Modal open={resetFor !== null} title={`Đặt lại mật khẩu cho ${resetFor?.username ?? ''}`} okText="Đặt lại" cancelText="Hủy" onOk={resetPassword} onCancel={() => setResetFor(null)} destroyOnHidden>
        <Form form={resetForm} layout="vertical">
          <Form.Item label="Mật khẩu mới" name="newPassword" extra="Ít nhất 8 ký tự, gồm chữ và số. Hãy báo mật khẩu này cho người dùng một cách an toàn." rules={[{ required: true, message: 'Vui lòng nhập mật khẩu mới' }, { min: 8, message: 'Ít nhất 8 ký tự' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
