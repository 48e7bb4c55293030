import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { UnitListItem } from '@domain/schemas.js';
import { get, qs } from '../api';

/** Labels of units met so far, so that a picker can show a value another picker found. */
const knownLabels = new Map<string, string>();
export function rememberUnitLabel(id: string, label: string) {
  knownLabels.set(id, label);
}

interface Props {
  value?: string | null;
  onChange?: (id: string | null, unit?: UnitListItem) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Label to show for the current value before any search. */
  initialLabel?: string;
  /** Units not to offer (e.g. the unit being moved). */
  exclude?: string[];
  id?: string;
}

const labelOf = (u: UnitListItem) => (u.trail ? `${u.name} — ${u.trail}` : u.name);

/** Picks a unit by typing part of its name (diacritics optional) or its code. */
export function UnitPicker({ value, onChange, placeholder = 'Gõ tên hoặc mã đơn vị để tìm…', allowClear, initialLabel, exclude, id }: Props) {
  const [found, setFound] = useState<UnitListItem[]>([]);
  const [search, setSearch] = useState('');
  const [loading, setLoading] = useState(false);

  if (value && initialLabel && !knownLabels.has(value)) knownLabels.set(value, initialLabel);

  useEffect(() => {
    const q = search.trim();
    if (q.length < 2) return;
    let stale = false;
    const t = setTimeout(async () => {
      setLoading(true);
      try {
        const r = await get<{ items: UnitListItem[] }>(`/units${qs({ q, pageSize: 20 })}`);
        if (stale) return;
        for (const u of r.items) knownLabels.set(u.id, labelOf(u));
        setFound(r.items.filter((u) => !exclude?.includes(u.id)));
      } catch {
        if (!stale) setFound([]);
      } finally {
        if (!stale) setLoading(false);
      }
    }, 250);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  const options = found.map((u) => ({ value: u.id, label: labelOf(u) }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: knownLabels.get(value) ?? initialLabel ?? 'Đơn vị đã chọn' });

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null, found.find((u) => u.id === v))}
      options={options}
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder}
      notFoundContent={search.trim().length < 2 ? 'Gõ ít nhất 2 ký tự của tên hoặc mã đơn vị' : loading ? 'Đang tìm…' : 'Không tìm thấy đơn vị'}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
    />
  );
}
