import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UserListQuery, type User } from '@domain/schemas.js';
import { USER_SORTS, type SortValue } from '@domain/list-sort.js';
import { SortSelect, sortableColumn, tableSortChange } from '../../components/ListSort';
import { useListParams } from '../../components/useListParams';
import { MailFailures } from './MailFailures';
import { ROLE_LABELS } from '@domain/roles.js';
import { errorText, get, patch, qs } from '../../api';
import { formatDateTime, formatNumber } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { XlsxButton } from '../../components/XlsxButton';
import { useAction } from '../../components/useAction';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserActions, type UserHandlers } from './UserActions';
import { UserCards } from './UserCards';
import { UserFormModal } from './UserFormModal';
import { UserScopes, UserStatus } from './UserStatus';

const PAGE_SIZE = 20;
const SORT_OPTIONS: { value: SortValue<(typeof USER_SORTS)[number]>; label: string }[] = [
  { value: 'username', label: 'Tên đăng nhập A → Z' },
  { value: 'name', label: 'Họ tên A → Z' },
  { value: 'unit', label: 'Đơn vị A → Z' },
  { value: 'role', label: 'Vai trò' },
];

export default function UsersPage() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  // The search, the page and the order live in the address (reload, back, a shared link).
  const list$ = useListParams({ shape: UserListQuery.shape, filters: ['q'], sorts: USER_SORTS, defaultSort: 'username' });
  const { page, setPage, sort, update } = list$;
  const q = list$.values.q ?? '';
  const [text, setText] = useState(q);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const users = useQuery({
    queryKey: ['users', q, page, sort],
    queryFn: () =>
      get<{ items: User[]; total: number }>(`/users${qs({ q, page, pageSize: PAGE_SIZE, sort: sort === 'username' ? undefined : sort })}`),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  // Search as one types, a moment after the last key.
  useEffect(() => {
    const t = setTimeout(() => {
      if (text.trim() !== q) update({ q: text.trim() }, { replace: true });
    }, 300);
    return () => clearTimeout(t);
  }, [text, q, update]);

  const lock = useAction((u: User, opts) => patch(`/users/${u.id}`, { version: u.version, active: !u.active }, opts), {
    showError: 'modal',
    onSuccess: (_, u) => message.success(u.active ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.'),
  });

  const handlers: UserHandlers = {
    onEdit: setEditing,
    onResetPassword: setResetFor,
    onToggleLock: (u) =>
      modal.confirm({
        title: u.active ? `Khóa tài khoản của ${u.fullName}?` : `Mở khóa tài khoản của ${u.fullName}?`,
        content: u.active
          ? 'Người dùng bị đăng xuất ngay và không đăng nhập được cho đến khi mở khóa. Dữ liệu họ đã nhập vẫn được giữ nguyên.'
          : 'Người dùng đăng nhập lại được bằng mật khẩu hiện có.',
        okText: u.active ? 'Khóa tài khoản' : 'Mở khóa',
        cancelText: 'Hủy',
        okButtonProps: { danger: u.active },
        onOk: async () => {
          await lock.run(u);
          await reload();
        },
      }),
  };

  const columns: ColumnsType<User> = [
    {
      title: 'Người dùng, trạng thái',
      ...sortableColumn(sort, 'name'),
      render: (_, u) => (
        <div>
          <div style={{ fontWeight: 600 }}>{u.fullName}</div>
          <Typography.Text type="secondary">Tên đăng nhập: {u.username}</Typography.Text>
          {u.position && <div style={{ fontSize: 13, color: '#595959' }}>{u.position}</div>}
          <div style={{ marginTop: 4 }}>
            <UserStatus user={u} />
          </div>
        </div>
      ),
    },
    {
      title: 'Vai trò, đơn vị công tác',
      ...sortableColumn(sort, 'role'),
      render: (_, u) => (
        <div>
          <div>{ROLE_LABELS[u.role]}</div>
          <Typography.Text type="secondary">{u.unit.name}</Typography.Text>
        </div>
      ),
    },
    { title: 'Phạm vi', key: 'scope', render: (_, u) => <UserScopes user={u} /> },
    { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', width: 116, render: (v: string | null) => formatDateTime(v) },
    { title: 'Thao tác', key: 'actions', width: 168, render: (_, u) => <UserActions user={u} handlers={handlers} /> },
  ];

  const items = users.data?.items ?? [];
  const total = users.data?.total ?? 0;

  return (
    <Card
      title="Người dùng"
      extra={
        <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          {!mobile && <XlsxButton path="/users/xlsx" params={{ q }} />}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Thêm người dùng
          </Button>
        </span>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Input.Search
        placeholder="Tìm theo tên đăng nhập hoặc họ tên…"
        aria-label="Tìm người dùng"
        allowClear
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setText(v)}
        style={{ maxWidth: mobile ? undefined : 440, marginBottom: 12 }}
      />
      {users.error && <Typography.Paragraph type="danger">{errorText(users.error)}</Typography.Paragraph>}
      {mobile && (
        <div style={{ marginBottom: 8 }}>
          <SortSelect value={sort} onChange={list$.setSort} options={SORT_OPTIONS} />
        </div>
      )}
      {mobile ? (
        <UserCards
          users={items}
          total={total}
          page={page}
          pageSize={PAGE_SIZE}
          loading={users.isPending}
          onPage={setPage}
          handlers={handlers}
        />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          loading={users.isPending}
          dataSource={items}
          scroll={{ x: 900 }}
          rowClassName={(u) => (u.active ? '' : 'user-locked')}
          onChange={tableSortChange(list$.setSort)}
          locale={{ emptyText: 'Không có người dùng phù hợp' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: false,
            showTotal: (t) => `${formatNumber(t)} người dùng`,
          }}
          columns={columns}
        />
      )}
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            message.success(editing === 'new' ? `Đã tạo tài khoản ${saved.username}.` : 'Đã lưu thay đổi.');
            setEditing(null);
            await reload();
          }}
        />
      )}
      <MailFailures />
      {resetFor && <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />}
    </Card>
  );
}
