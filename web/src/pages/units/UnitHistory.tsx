import { Card, Descriptions, Table } from 'antd';
import { Link } from 'react-router';
import type { Unit } from '@domain/schemas.js';
import { CHANGE_KIND_LABELS, type ChangeKind } from '@domain/reorganisation-schemas.js';
import { formatDate } from '../../format';
import { unitName } from '../reorganisations/labels';

type Entry = Unit['history']['predecessors'][number];

function Links({ entries }: { entries: Entry[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {entries.map((e) => (
        <li key={`${e.unit.id}-${e.effectiveDate}`}>
          <Link to={`/don-vi/${e.unit.id}`}>{unitName(e.unit)}</Link> — {CHANGE_KIND_LABELS[e.changeKind as ChangeKind] ?? e.changeKind} từ{' '}
          {formatDate(e.effectiveDate)}
          {e.share !== null ? ` (${Math.round(e.share * 1000) / 10}%)` : ''}
          {e.reorganisation && (
            <>
              {' '}
              theo{' '}
              <Link to={`/sap-xep-don-vi/${e.reorganisation.id}`}>
                {e.reorganisation.basisNumber} của {e.reorganisation.basisIssuer}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Where the unit came from, what it became, and how it stood in each period. */
export function UnitHistory({ unit }: { unit: Unit }) {
  const { predecessors, successors, versions } = unit.history;
  if (predecessors.length === 0 && successors.length === 0 && versions.length <= 1) return null;
  return (
    <Card title="Lịch sử sắp xếp" size="small">
      <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        {predecessors.length > 0 && (
          <Descriptions.Item label="Hình thành từ">
            <Links entries={predecessors} />
          </Descriptions.Item>
        )}
        {successors.length > 0 && (
          <Descriptions.Item label="Đơn vị kế thừa">
            <Links entries={successors} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {versions.length > 1 && (
        <Table
          size="small"
          rowKey={(v) => v.validFrom}
          pagination={false}
          scroll={{ x: true }}
          dataSource={versions}
          style={{ marginTop: 8 }}
          columns={[
            {
              title: 'Thời kỳ',
              key: 'period',
              render: (_, v) =>
                `${v.validFrom === '0001-01-01' ? 'Trước đây' : `Từ ${formatDate(v.validFrom)}`}${v.validTo ? ` đến ${formatDate(v.validTo)}` : ' đến nay'}`,
            },
            { title: 'Tên', dataIndex: 'name' },
            { title: 'Mã', dataIndex: 'code' },
            { title: 'Trực thuộc', key: 'parent', render: (_, v) => v.parentName ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
