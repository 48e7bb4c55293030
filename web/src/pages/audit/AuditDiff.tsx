import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Unit } from '@domain/schemas.js';
import { get } from '../../api';
import { useIsMobile } from '../../useIsMobile';
import { fieldName, HIDDEN_FIELDS, showValue, UNIT_ID_FIELDS } from './labels';

/** A unit id shown as the unit's name (looked up once, shared with the units page). */
function UnitName({ id }: { id: string }) {
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => get<Unit>(`/units/${id}`), staleTime: 60_000 });
  if (unit.data) return <>{unit.data.name}</>;
  if (unit.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  return <Typography.Text type="secondary">(đơn vị ngoài phạm vi xem)</Typography.Text>;
}

function Value({ field, v }: { field: string; v: unknown }) {
  if (UNIT_ID_FIELDS.has(field) && typeof v === 'string' && v) return <UnitName id={v} />;
  return <>{showValue(field, v)}</>;
}

const asRecord = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

interface Row {
  f: string;
  changed: boolean;
}

/** Before and after, field by field: what changed first and marked; the rest on request. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const mobile = useIsMobile();
  const [all, setAll] = useState(false);
  const b = asRecord(before);
  const a = asRecord(after);
  const both = before != null && after != null;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !HIDDEN_FIELDS.has(f));
  const rows: Row[] = fields.map((f) => ({ f, changed: both && JSON.stringify(b[f]) !== JSON.stringify(a[f]) }));
  const changed = rows.filter((r) => r.changed);
  const shown = !both || all ? [...changed, ...rows.filter((r) => !r.changed)] : changed;
  const hiddenCount = rows.length - shown.length;

  if (rows.length === 0) return <Typography.Text type="secondary">Không có chi tiết.</Typography.Text>;

  const toggle = both && rows.length > changed.length && (
    <Button type="link" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
      {all ? 'Chỉ hiện các trường thay đổi' : `Hiện cả ${hiddenCount} trường không đổi`}
    </Button>
  );

  if (mobile) {
    return (
      <div>
        {shown.map((r) => (
          <div
            key={r.f}
            className={r.changed ? 'audit-changed-block' : undefined}
            style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <div style={{ fontWeight: 600 }}>{fieldName(r.f)}</div>
            {r.changed ? (
              <>
                <div>
                  <Typography.Text type="secondary">Trước: </Typography.Text>
                  <Value field={r.f} v={b[r.f]} />
                </div>
                <div style={{ color: '#b71c1c' }}>
                  <Typography.Text type="secondary">Sau: </Typography.Text>
                  <Value field={r.f} v={a[r.f]} />
                </div>
              </>
            ) : (
              <Value field={r.f} v={after != null ? a[r.f] : b[r.f]} />
            )}
          </div>
        ))}
        {toggle}
      </div>
    );
  }

  return (
    <div>
      <Table<Row>
        size="small"
        rowKey="f"
        pagination={false}
        dataSource={shown}
        rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
        columns={[
          {
            title: 'Trường',
            dataIndex: 'f',
            width: 200,
            render: (f: string, r) => <span style={{ fontWeight: r.changed ? 600 : 400 }}>{fieldName(f)}</span>,
          },
          ...(before != null
            ? [{ title: both ? 'Trước' : 'Giá trị trước', key: 'b', render: (_: unknown, r: Row) => <Value field={r.f} v={b[r.f]} /> }]
            : []),
          ...(after != null
            ? [
                {
                  title: both ? 'Sau' : 'Giá trị',
                  key: 'a',
                  render: (_: unknown, r: Row) => (
                    <span style={{ color: r.changed ? '#b71c1c' : undefined }}>
                      <Value field={r.f} v={a[r.f]} />
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {toggle}
    </div>
  );
}
