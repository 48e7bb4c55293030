import { useState } from 'react';
import { Select } from 'antd';
import type { UnitListItem } from '@domain/schemas.js';
import { get, qs } from '../api';
import { useDebouncedSearch } from './useDebounced';

/** Labels of units met so far, so that a picker can show a value another picker found. */
const knownLabels = new Map<string, string>();

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
  /** The picker's name when no form label points at it (a filter bar). */
  'aria-label'?: string;
}

const labelOf = (u: UnitListItem) => (u.trail ? `${u.name} — ${u.trail}` : u.name);

/** Picks a unit by typing part of its name (diacritics optional) or its code. */
export function UnitPicker({
  value,
  onChange,
  placeholder = 'Gõ tên hoặc mã đơn vị để tìm…',
  allowClear,
  initialLabel,
  exclude,
  id,
  'aria-label': ariaLabel,
}: Props) {
  const [search, setSearch] = useState('');
  const units = useDebouncedSearch(['units', 'pick'], search, (q) => get<{ items: UnitListItem[] }>(`/units${qs({ q, pageSize: 20 })}`), {
    keepLast: true,
  });
  const found = (units.data?.items ?? []).filter((u) => !exclude?.includes(u.id));
  for (const u of units.data?.items ?? []) knownLabels.set(u.id, labelOf(u));
  const loading = units.loading;

  if (value && initialLabel && !knownLabels.has(value)) knownLabels.set(value, initialLabel);

  const options = found.map((u) => ({ value: u.id, label: labelOf(u) }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: knownLabels.get(value) ?? initialLabel ?? 'Đơn vị đã chọn' });

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) =>
        onChange?.(
          v ?? null,
          found.find((u) => u.id === v),
        )
      }
      options={options}
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder}
      notFoundContent={
        search.trim().length < 2 ? 'Gõ ít nhất 2 ký tự của tên hoặc mã đơn vị' : loading ? 'Đang tìm…' : 'Không tìm thấy đơn vị'
      }
      style={{ width: '100%' }}
      popupMatchSelectWidth
      optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
    />
  );
}
