import { Table } from 'antd';
import { FIELD_NAMES, showValue } from './labels';

/** Before and after, field by field; changed fields first and marked. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields
    .map((f) => ({ f, changed: before !== null && after !== null && JSON.stringify(b[f]) !== JSON.stringify(a[f]) }))
    .sort((x, y) => Number(y.changed) - Number(x.changed));
  return (
    <Table
      size="small"
      rowKey="f"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
      columns={[
        { title: 'Trường', dataIndex: 'f', render: (f: string, r) => <span style={{ fontWeight: r.changed ? 600 : 400 }}>{FIELD_NAMES[f] ?? f}</span> },
        ...(before !== null ? [{ title: 'Trước', render: (_: unknown, r: { f: string }) => showValue(r.f, b[r.f]) }] : []),
        ...(after !== null ? [{ title: 'Sau', render: (_: unknown, r: { f: string; changed: boolean }) => <span style={{ color: r.changed ? '#b71c1c' : undefined }}>{showValue(r.f, a[r.f])}</span> }] : []),
      ]}
    />
  );
}
