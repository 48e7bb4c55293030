import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { UnitListItem } from '@domain/schemas.js';
import { get, qs } from '../api';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Label to show for the current value before any search. */
  initialLabel?: string;
  id?: string;
}

/** Picks a unit by typing part of its name (diacritics optional) or its code. */
export function UnitPicker({ value, onChange, placeholder = 'Gõ tên hoặc mã đơn vị để tìm…', allowClear, initialLabel, id }: Props) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(
    value && initialLabel ? [{ value, label: initialLabel }] : [],
  );
  const [search, setSearch] = useState('');
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (value && initialLabel && !options.some((o) => o.value === value)) setOptions((o) => [{ value, label: initialLabel }, ...o]);
  }, [value, initialLabel]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const q = search.trim();
    if (q.length < 2) return;
    const t = setTimeout(async () => {
      setLoading(true);
      try {
        const r = await get<{ items: UnitListItem[] }>(`/units${qs({ q, pageSize: 20 })}`);
        setOptions(r.items.map((u) => ({ value: u.id, label: u.trail ? `${u.name} — ${u.trail}` : u.name })));
      } finally {
        setLoading(false);
      }
    }, 250);
    return () => clearTimeout(t);
  }, [search]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder}
      notFoundContent={search.trim().length < 2 ? 'Gõ ít nhất 2 ký tự' : loading ? 'Đang tìm…' : 'Không tìm thấy đơn vị'}
      style={{ width: '100%' }}
    />
  );
}
