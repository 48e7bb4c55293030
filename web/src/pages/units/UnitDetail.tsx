import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Tag } from 'antd';
import { EditOutlined, PlusOutlined, PoweroffOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FamilyAction } from '@domain/policy.js';
import type { Unit } from '@domain/schemas.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';
import { errorText, get, post } from '../../api';
import { useAction } from '../../components/useAction';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitChildren } from './UnitChildren';
import { UnitFormModal } from './UnitFormModal';
import { UnitHistory } from './UnitHistory';
import { unitName } from '../reorganisations/labels';

interface Props {
  id: string;
  onOpen: (id: string) => void;
  /** A unit's list of children changed (created, renamed, moved, deactivated). */
  onChildrenChanged: (parentId: string) => void;
}

export function UnitDetail({ id, onOpen, onChildrenChanged }: Props) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  const [form, setForm] = useState<'create' | 'edit' | 'move' | null>(null);
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => get<Unit>(`/units/${id}`) });
  const refresh = async (parentIds: (string | null)[]) => {
    await queryClient.invalidateQueries({ queryKey: ['unit'] });
    await queryClient.invalidateQueries({ queryKey: ['unit-children'] });
    for (const p of parentIds) if (p) onChildrenChanged(p);
  };

  const setActive = useAction(
    ({ deactivate, version }: { deactivate: boolean; version: number }, opts) =>
      post(`/units/${id}/${deactivate ? 'deactivate' : 'reactivate'}`, { version }, opts),
    {
      showError: 'modal',
      onStale: () => unit.refetch(),
      onSuccess: async (_, { deactivate }) => {
        const u = unit.data!;
        message.success(deactivate ? `Đã ngừng hoạt động “${u.name}”.` : `Đã khôi phục hoạt động “${u.name}”.`);
        await refresh([u.parentId]);
      },
    },
  );

  if (unit.error) {
    return <Alert type="error" showIcon title={errorText(unit.error, 'Không tải được đơn vị.')} />;
  }
  if (!unit.data) return <Card loading />;
  const u = unit.data;
  const can = (a: FamilyAction<'unit'>) => u.actions.includes(a);
  const size = mobile ? 'large' : 'middle';

  const toggleActive = () => {
    const deactivate = u.active;
    modal.confirm({
      title: deactivate ? `Ngừng hoạt động “${u.name}”?` : `Khôi phục hoạt động “${u.name}”?`,
      content: deactivate
        ? 'Đơn vị vẫn được giữ trong lịch sử và số liệu các kỳ trước, nhưng không nhận thêm đơn vị trực thuộc. Có thể khôi phục lại sau.'
        : 'Đơn vị sẽ hoạt động trở lại.',
      okText: deactivate ? 'Ngừng hoạt động' : 'Khôi phục',
      cancelText: 'Hủy',
      okButtonProps: { danger: deactivate },
      onOk: () => setActive.run({ deactivate, version: u.version }),
    });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card
        styles={{ body: { padding: mobile ? 12 : 20 } }}
        title={
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '10px 0' }}>
            {u.ancestors.length > 0 && (
              <Breadcrumb
                style={{ fontSize: 14, marginBottom: 4, fontWeight: 400 }}
                items={u.ancestors.map((a) => ({ title: <Link to={`/don-vi/${a.id}`}>{a.name}</Link> }))}
              />
            )}
            <h2 style={{ fontSize: 20, margin: 0, display: 'inline', marginInlineEnd: 8 }}>{unitName(u)}</h2>
            {u.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="default">Ngừng hoạt động</Tag>}
          </div>
        }
      >
        {u.actions.length > 0 && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
            {can('create_child') && (
              <Button size={size} type="primary" icon={<PlusOutlined />} onClick={() => setForm('create')}>
                Thêm đơn vị trực thuộc
              </Button>
            )}
            {can('update') && (
              <Button size={size} icon={<EditOutlined />} onClick={() => setForm('edit')}>
                Sửa
              </Button>
            )}
            {can('move') && (
              <Button size={size} icon={<SwapOutlined />} onClick={() => setForm('move')}>
                Chuyển đơn vị
              </Button>
            )}
            {can('deactivate') && (
              <Button size={size} danger icon={<PoweroffOutlined />} onClick={toggleActive}>
                Ngừng hoạt động
              </Button>
            )}
            {can('reactivate') && (
              <Button size={size} icon={<UndoOutlined />} onClick={toggleActive}>
                Khôi phục hoạt động
              </Button>
            )}
          </div>
        )}
        <Descriptions column={mobile ? 1 : 2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="Mã đơn vị">{u.code}</Descriptions.Item>
          <Descriptions.Item label="Loại hình">{UNIT_KIND_LABELS[u.kind]}</Descriptions.Item>
          <Descriptions.Item label="Cấp">{UNIT_LEVEL_LABELS[u.level]}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">{u.active ? 'Đang hoạt động' : 'Ngừng hoạt động'}</Descriptions.Item>
          <Descriptions.Item label="Hiệu lực từ">
            {formatDate(u.validFrom)}
            {u.validTo ? ` đến ${formatDate(u.validTo)}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị trực thuộc">{formatNumber(u.childCount)}</Descriptions.Item>
          <Descriptions.Item label="Địa chỉ" span={mobile ? 1 : 2}>
            {u.address || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Cập nhật lần cuối" span={mobile ? 1 : 2}>
            {formatDateTime(u.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <UnitHistory unit={u} />
      <UnitChildren parentId={u.id} onOpen={onOpen} />
      {form === 'create' || form === 'edit' ? (
        <UnitFormModal
          open
          mode={form === 'create' ? { kind: 'create', parent: u } : { kind: 'edit', unit: u }}
          onClose={() => setForm(null)}
          onStale={() => void unit.refetch()}
          onSaved={async (saved) => {
            setForm(null);
            message.success(form === 'create' ? `Đã thêm “${saved.name}”.` : 'Đã lưu thay đổi.');
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
          onStale={() => void unit.refetch()}
          onMoved={async (moved) => {
            setForm(null);
            message.success(`Đã chuyển “${moved.name}” về ${moved.ancestors.at(-1)?.name ?? 'đơn vị mới'}.`);
            await refresh([u.parentId, moved.parentId]);
          }}
        />
      )}
    </div>
  );
}
