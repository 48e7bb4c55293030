import { unitName } from '../reorganisations/labels';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import type { UnitListItem } from '@domain/schemas.js';
import { UNIT_KIND_LABELS } from '@domain/unit-kinds.js';
import { errorText, get, qs } from '../../api';
import { formatNumber } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { XlsxButton } from '../../components/XlsxButton';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

function Name({ u }: { u: UnitListItem }) {
  return (
    <>
      {/* A closed unit is named "… (cũ)": merged, split or abolished, kept for its history. */}
      <Link to={`/don-vi/${u.id}`} className={u.active ? undefined : 'unit-inactive-text'}>
        {unitName(u)}
      </Link>
    </>
  );
}

/** The direct children of a unit, inactive ones included; a name is a link to that unit. */
export function UnitChildren({ parentId }: { parentId: string }) {
  const mobile = useIsMobile();
  const children = useQuery({
    queryKey: ['unit-children', parentId],
    queryFn: () => get<{ items: UnitListItem[]; total: number }>(`/units${qs({ parentId, includeInactive: 'true', pageSize: 200 })}`),
  });
  const total = children.data?.total ?? 0;
  const shown = children.data?.items.length ?? 0;

  const columns: ColumnsType<UnitListItem> = mobile
    ? [
        {
          title: 'Tên đơn vị, loại hình',
          key: 'name',
          render: (_, u) => (
            <div style={{ padding: '2px 0' }}>
              <Name u={u} />
              <div style={{ fontSize: 13, color: '#595959' }}>
                {UNIT_KIND_LABELS[u.kind]} · mã {u.code}
                {u.childCount > 0 && ` · ${formatNumber(u.childCount)} trực thuộc`}
              </div>
            </div>
          ),
        },
      ]
    : [
        { title: 'Tên đơn vị', key: 'name', render: (_, u) => <Name u={u} /> },
        { title: 'Mã', dataIndex: 'code', onCell: nowrap, onHeaderCell: nowrap },
        { title: 'Loại hình', dataIndex: 'kind', width: 190, render: (k: UnitListItem['kind']) => UNIT_KIND_LABELS[k] },
        {
          title: 'Trực thuộc',
          dataIndex: 'childCount',
          align: 'right',
          onHeaderCell: nowrap,
          render: (n: number) => formatNumber(n),
        },
      ];

  return (
    <Card
      title={`Đơn vị trực thuộc (${formatNumber(total)})`}
      extra={total > 0 ? <XlsxButton path="/units/xlsx" params={{ parentId, includeInactive: 'true' }} /> : null}
      styles={{ body: { padding: mobile ? 0 : 12 } }}
    >
      {children.error ? (
        <Typography.Text type="danger" style={{ display: 'block', padding: 12 }}>
          {errorText(children.error)}
        </Typography.Text>
      ) : (
        <Table<UnitListItem>
          rowKey="id"
          size={mobile ? 'small' : 'middle'}
          loading={children.isPending}
          dataSource={children.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, simple: mobile }}
          locale={{ emptyText: 'Chưa có đơn vị trực thuộc' }}
          columns={columns}
          footer={
            total > shown
              ? () => `Đang hiện ${formatNumber(shown)} trong ${formatNumber(total)} đơn vị; dùng ô tìm kiếm để tìm các đơn vị còn lại.`
              : undefined
          }
        />
      )}
    </Card>
  );
}
