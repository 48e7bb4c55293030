import { useEffect, useState } from 'react';
import { Empty, Input, List, Typography } from 'antd';
import type { UnitListItem } from '@domain/schemas.js';
import { UNIT_KIND_LABELS } from '@domain/unit-kinds.js';
import { errorText, get, qs } from '../../api';
import { formatNumber } from '../../format';
import { useDebouncedSearch } from '../../components/useDebounced';

const LIMIT = 50;

interface Props {
  includeInactive: boolean;
  selectedId?: string;
  onSelect: (id: string) => void;
  /** A search is showing (the tree is hidden meanwhile). */
  onActive: (active: boolean) => void;
}

/** Search anywhere in the user's scope; diacritics are optional ("vinh long" finds "Vĩnh Long"). */
export function UnitSearch({ includeInactive, selectedId, onSelect, onActive }: Props) {
  const [text, setText] = useState('');
  const active = text.trim().length >= 2;
  const search = useDebouncedSearch(['units', 'search', includeInactive], text, (q) =>
    get<{ items: UnitListItem[]; total: number }>(
      `/units${qs({ q, pageSize: LIMIT, includeInactive: includeInactive ? 'true' : 'false' })}`,
    ),
  );
  const result = active ? (search.data ?? null) : null;
  const error = active && search.error ? errorText(search.error) : null;
  const loading = search.loading;

  useEffect(() => onActive(active), [active, onActive]);

  return (
    <div>
      <Input.Search
        placeholder="Tìm đơn vị…"
        allowClear
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ marginBottom: 8 }}
        aria-label="Tìm đơn vị"
      />
      {!active && text.length > 0 && <Typography.Text type="secondary">Gõ ít nhất 2 ký tự. Có thể gõ không dấu.</Typography.Text>}
      {active && (
        <>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          {result && !error && (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {result.total > result.items.length
                ? `${formatNumber(result.items.length)} trong ${formatNumber(result.total)} kết quả đầu tiên; gõ thêm để thu hẹp.`
                : `Tìm thấy ${formatNumber(result.total)} đơn vị.`}
            </Typography.Text>
          )}
          <List
            size="small"
            loading={loading && !result}
            dataSource={result?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không tìm thấy đơn vị phù hợp" /> }}
            renderItem={(u) => (
              <List.Item
                className="clickable"
                style={{ background: u.id === selectedId ? '#fff1f0' : undefined, paddingInline: 8 }}
                onClick={() => onSelect(u.id)}
              >
                <List.Item.Meta
                  title={
                    <a className={u.active ? undefined : 'unit-inactive-text'} style={{ fontSize: 16 }}>
                      {u.name}
                    </a>
                  }
                  description={
                    <>
                      {u.trail && <div>{u.trail}</div>}
                      <div style={{ fontSize: 13 }}>
                        {UNIT_KIND_LABELS[u.kind]} · mã {u.code}
                        {!u.active && ' · ngừng hoạt động'}
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
