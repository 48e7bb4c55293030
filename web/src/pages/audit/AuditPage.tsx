import { Button, Card, Select, Table, Typography } from 'antd';
import { DateField } from '../../components/DateField';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { AuditQuery, type AuditEntry } from '@domain/schemas.js';
import { useListParams } from '../../components/useListParams';
import { errorText, get, qs } from '../../api';
import { formatDateTime, formatNumber } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { matchFolded } from '../../components/selectFilter';
import { AuditDiff } from './AuditDiff';
import { ACTION_GROUPS, actionLabel, ENTITY_OPTIONS, entityLabel } from './labels';

const PAGE_SIZE = 30;
const actionOptions = ACTION_GROUPS.map((g) => ({
  label: g.label,
  title: g.label,
  options: Object.entries(g.actions).map(([value, label]) => ({ value, label })),
}));

const Entity = ({ r }: { r: AuditEntry }) => (
  <span>
    {r.entityLabel ?? r.entityId} <Typography.Text type="secondary">({entityLabel(r.entityType).toLowerCase()})</Typography.Text>
  </span>
);

export default function AuditPage() {
  const mobile = useIsMobile();
  // The filters and the page live in the address (reload, back, a shared link); the newest first.
  const list$ = useListParams({
    shape: AuditQuery.shape,
    filters: ['entityType', 'action', 'from', 'to'],
    sorts: ['at'],
    defaultSort: '-at',
  });
  const { page, setPage, update, values } = list$;
  const { entityType, action } = values;
  const from = values.from ? dayjs(values.from) : null;
  const to = values.to ? dayjs(values.to) : null;
  const params = { entityType, action, from: values.from, to: values.to, page, pageSize: PAGE_SIZE };
  const audit = useQuery({
    queryKey: ['audit', params],
    queryFn: () => get<{ items: AuditEntry[]; total: number }>(`/audit${qs(params)}`),
  });
  const filtered = !!(entityType || action || from || to);
  const day = (d: Dayjs | null) => (d?.isValid() ? d.format('YYYY-MM-DD') : null);

  const columns: ColumnsType<AuditEntry> = mobile
    ? [
        {
          title: 'Thao tác',
          key: 'all',
          render: (_, r) => (
            <div>
              <div style={{ fontWeight: 600 }}>{actionLabel(r.action)}</div>
              <Entity r={r} />
              <div style={{ fontSize: 13, color: '#595959' }}>
                {formatDateTime(r.at)} · {r.actorName}
              </div>
            </div>
          ),
        },
      ]
    : [
        {
          title: 'Thời gian',
          dataIndex: 'at',
          width: 150,
          onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          render: (v: string) => formatDateTime(v),
        },
        { title: 'Người thực hiện', dataIndex: 'actorName', width: 190 },
        { title: 'Thao tác', dataIndex: 'action', render: (a: string) => actionLabel(a) },
        { title: 'Đối tượng', key: 'entity', render: (_, r) => <Entity r={r} /> },
        { title: 'Địa chỉ máy', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
      ];

  const filterWidth = (w: number) => (mobile ? { width: '100%' } : { width: w });

  return (
    <Card
      title="Nhật ký hệ thống"
      extra={
        <Button icon={<FileExcelOutlined />} href={`/api/v1/audit/xlsx${qs({ entityType, action, from: params.from, to: params.to })}`}>
          Xuất Excel
        </Button>
      }
      styles={{ body: { padding: 12 } }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="Loại đối tượng"
          aria-label="Loại đối tượng"
          options={ENTITY_OPTIONS}
          value={entityType}
          onChange={(v) => update({ entityType: v })}
          style={filterWidth(180)}
        />
        <Select
          allowClear
          showSearch={{ filterOption: matchFolded }}
          placeholder="Thao tác"
          aria-label="Thao tác"
          options={actionOptions}
          value={action}
          onChange={(v) => update({ action: v })}
          style={filterWidth(260)}
        />
        <div style={{ display: 'flex', gap: 8, ...(mobile ? { width: '100%' } : {}) }}>
          <DateField
            standalone
            placeholder="Từ ngày"
            aria-label="Từ ngày"
            value={from}
            onChange={(d) => update({ from: day(d) })}
            style={{ flex: 1, minWidth: 0, width: mobile ? undefined : 170 }}
          />
          <DateField
            standalone
            placeholder="Đến ngày"
            aria-label="Đến ngày"
            value={to}
            onChange={(d) => update({ to: day(d) })}
            disabledDate={(d) => !!from?.isValid() && d.isBefore(from, 'day')}
            disabledReason="Ngày kết thúc phải từ ngày bắt đầu trở về sau."
            style={{ flex: 1, minWidth: 0, width: mobile ? undefined : 170 }}
          />
        </div>
        {filtered && <Button onClick={() => update({ entityType: null, action: null, from: null, to: null })}>Xóa bộ lọc</Button>}
      </div>
      {audit.error && <Typography.Paragraph type="danger">{errorText(audit.error)}</Typography.Paragraph>}
      <Table<AuditEntry>
        rowKey="id"
        size={mobile ? 'small' : 'middle'}
        loading={audit.isPending}
        dataSource={audit.data?.items ?? []}
        locale={{ emptyText: filtered ? 'Không có mục nào khớp bộ lọc' : 'Nhật ký chưa có mục nào' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          simple: mobile,
          showTotal: mobile ? undefined : (t) => `${formatNumber(t)} mục`,
        }}
        expandable={{
          expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} />,
          rowExpandable: (r) => r.before != null || r.after != null,
          expandRowByClick: true,
          columnWidth: mobile ? 32 : 48,
        }}
        columns={columns}
      />
    </Card>
  );
}
