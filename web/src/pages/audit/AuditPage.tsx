import { useState } from 'react';
import { Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { AuditEntry } from '@domain/schemas.js';
import { get, qs } from '../../api';
import { formatDateTime } from '../../format';
import { AuditDiff } from './AuditDiff';
import { ACTION_LABELS } from './labels';
import { useIsMobile } from '../../useIsMobile';

const actionOptions = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));
const entityOptions = [
  { value: 'unit', label: 'Đơn vị' },
  { value: 'user', label: 'Người dùng' },
];

export default function AuditPage() {
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const mobile = useIsMobile();
  const params = {
    entityType,
    action,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize: 30,
  };
  const audit = useQuery({ queryKey: ['audit', params], queryFn: () => get<{ items: AuditEntry[]; total: number }>(`/audit${qs(params)}`) });

  return (
    <Card title="Nhật ký hệ thống" styles={{ body: { padding: 12 } }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="Loại đối tượng" options={entityOptions} value={entityType} onChange={(v) => { setEntityType(v); setPage(1); }} style={{ width: 170 }} />
        <Select allowClear placeholder="Thao tác" options={actionOptions} value={action} onChange={(v) => { setAction(v); setPage(1); }} style={{ width: 220 }} />
        <DatePicker.RangePicker format="DD/MM/YYYY" value={range} onChange={(v) => { setRange(v); setPage(1); }} placeholder={['Từ ngày', 'Đến ngày']} />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={audit.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 30, total: audit.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `${t.toLocaleString('vi-VN')} mục` }}
        expandable={{
          expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} />,
          rowExpandable: (r) => r.before !== null || r.after !== null,
        }}
        columns={mobile ? [
          { title: 'Thời gian, người thực hiện', render: (_, r) => <div>{formatDateTime(r.at)}<div style={{ color: '#595959' }}>{r.actorName}</div></div> },
          { title: 'Thao tác', render: (_, r) => <div>{ACTION_LABELS[r.action] ?? r.action}<div style={{ color: '#595959' }}>{r.entityLabel ?? r.entityId}</div></div> },
        ] : [
          { title: 'Thời gian', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          { title: 'Người thực hiện', dataIndex: 'actorName' },
          { title: 'Thao tác', dataIndex: 'action', render: (a: string) => ACTION_LABELS[a] ?? a },
          { title: 'Đối tượng', dataIndex: 'entityLabel', render: (v: string | null, r) => <span>{v ?? r.entityId} <Typography.Text type="secondary">({r.entityType === 'unit' ? 'đơn vị' : 'tài khoản'})</Typography.Text></span> },
          { title: 'Địa chỉ máy', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
