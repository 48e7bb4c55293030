import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, PoweroffOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Unit, UnitListItem } from '@domain/schemas.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';
import { ApiError, get, post, qs } from '../../api';
import { formatDate, formatNumber } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitFormModal } from './UnitFormModal';

interface Props {
  id: string;
  onOpen: (id: string) => void;
  /** A unit's list of children changed (created, moved, deactivated). */
  onChildrenChanged: (parentId: string) => void;
}

export function UnitDetail({ id, onOpen, onChildrenChanged }: Props) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  const [form, setForm] = useState<'create' | 'edit' | 'move' | null>(null);
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => get<Unit>(`/units/${id}`) });
  const children = useQuery({
    queryKey: ['unit-children', id],
    queryFn: () => get<{ items: UnitListItem[]; total: number }>(`/units${qs({ parentId: id, includeInactive: 'true', pageSize: 200 })}`),
  });

  if (unit.error) {
    return <Card><Typography.Text type="danger">{unit.error instanceof ApiError ? unit.error.message : 'Không tải được đơn vị.'}</Typography.Text></Card>;
  }
  if (!unit.data) return <Card loading />;
  const u = unit.data;
  const can = (a: string) => u.actions.includes(a);

  const refresh = async (parentIds: (string | null)[]) => {
    await queryClient.invalidateQueries({ queryKey: ['unit'] });
    await queryClient.invalidateQueries({ queryKey: ['unit-children'] });
    for (const p of parentIds) if (p) onChildrenChanged(p);
  };

  const toggleActive = () => {
    const deactivate = u.active;
    modal.confirm({
      title: deactivate ? `Ngừng hoạt động ${u.name}?` : `Khôi phục hoạt động ${u.name}?`,
      content: deactivate
        ? 'Đơn vị vẫn được giữ lại trong lịch sử và số liệu các kỳ trước, nhưng không nhận đơn vị trực thuộc mới.'
        : 'Đơn vị sẽ hoạt động trở lại từ hôm nay.',
      okText: deactivate ? 'Ngừng hoạt động' : 'Khôi phục',
      cancelText: 'Hủy',
      okButtonProps: { danger: deactivate },
      onOk: async () => {
        try {
          await post(`/units/${u.id}/${deactivate ? 'deactivate' : 'reactivate'}`, { version: u.version });
          message.success(deactivate ? 'Đã ngừng hoạt động đơn vị.' : 'Đã khôi phục hoạt động.');
          await refresh([u.parentId]);
        } catch (e) {
          modal.error({ title: 'Chưa thực hiện được', content: e instanceof ApiError ? e.message : String(e) });
        }
      },
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={
          <div style={{ whiteSpace: 'normal', lineHeight: 1.3, padding: '8px 0' }}>
            {u.ancestors.length > 0 && (
              <Breadcrumb
                style={{ fontSize: 13, marginBottom: 4 }}
                items={u.ancestors.map((a) => ({ title: <a onClick={() => onOpen(a.id)}>{a.name}</a> }))}
              />
            )}
            <span style={{ fontSize: 18 }}>{u.name}</span>{' '}
            {u.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Ngừng hoạt động</Tag>}
          </div>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          {can('create_child') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('create')}>Thêm đơn vị trực thuộc</Button>}
          {can('update') && <Button icon={<EditOutlined />} onClick={() => setForm('edit')}>Sửa</Button>}
          {can('move') && <Button icon={<SwapOutlined />} onClick={() => setForm('move')}>Chuyển đơn vị</Button>}
          {can('deactivate') && <Button danger icon={<PoweroffOutlined />} onClick={toggleActive}>Ngừng hoạt động</Button>}
          {can('reactivate') && <Button icon={<UndoOutlined />} onClick={toggleActive}>Khôi phục hoạt động</Button>}
        </Space>
        <Descriptions column={mobile ? 1 : 2} size="small" bordered>
          <Descriptions.Item label="Mã đơn vị">{u.code}</Descriptions.Item>
          <Descriptions.Item label="Loại hình">{UNIT_KIND_LABELS[u.kind]}</Descriptions.Item>
          <Descriptions.Item label="Cấp">{UNIT_LEVEL_LABELS[u.level]}</Descriptions.Item>
          <Descriptions.Item label="Hiệu lực">
            từ {formatDate(u.validFrom)}{u.validTo ? ` đến ${formatDate(u.validTo)}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Địa chỉ">{u.address || '—'}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị trực thuộc">{formatNumber(u.childCount)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`Đơn vị trực thuộc (${formatNumber(children.data?.total ?? 0)})`} styles={{ body: { padding: mobile ? 0 : undefined } }}>
        <Table<UnitListItem>
          rowKey="id"
          size="small"
          loading={children.isPending}
          dataSource={children.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: 'Chưa có đơn vị trực thuộc' }}
          onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
          columns={
            mobile
              ? [{
                  title: 'Tên đơn vị, loại hình',
                  dataIndex: 'name',
                  render: (name: string, r) => (
                    <div>
                      <a>{name}</a>{!r.active && <Typography.Text type="secondary"> (ngừng)</Typography.Text>}
                      <div style={{ fontSize: 13, color: '#8c8c8c' }}>{UNIT_KIND_LABELS[r.kind]}</div>
                    </div>
                  ),
                }]
              : [
                  { title: 'Tên đơn vị', dataIndex: 'name', render: (name: string, r) => <a>{name}{!r.active && <Typography.Text type="secondary"> (ngừng)</Typography.Text>}</a> },
                  { title: 'Mã', dataIndex: 'code' },
                  { title: 'Loại hình', dataIndex: 'kind', render: (k: UnitListItem['kind']) => UNIT_KIND_LABELS[k] },
                  { title: 'Trực thuộc', dataIndex: 'childCount', align: 'right' as const, render: (n: number) => formatNumber(n) },
                ]
          }
        />
      </Card>
      {form === 'create' || form === 'edit' ? (
        <UnitFormModal
          open
          mode={form === 'create' ? { kind: 'create', parent: u } : { kind: 'edit', unit: u }}
          onClose={() => setForm(null)}
          onSaved={async (saved) => {
            setForm(null);
            message.success(form === 'create' ? `Đã thêm ${saved.name}.` : 'Đã lưu thay đổi.');
            await refresh([saved.parentId]);
            if (form === 'create') onOpen(saved.id);
          }}
        />
      ) : null}
      {form === 'move' && (
        <MoveUnitModal
          unit={u}
          open
          onClose={() => setForm(null)}
          onMoved={async (moved) => {
            setForm(null);
            message.success(`Đã chuyển ${moved.name}.`);
            await refresh([u.parentId, moved.parentId]);
          }}
        />
      )}
    </Space>
  );
}
