import { Select } from 'antd';
import type { SortValue } from '@domain/list-sort.js';

type SortOrder = 'ascend' | 'descend' | null;
interface Sorter {
  order?: SortOrder | undefined;
  columnKey?: unknown;
}

/** The antd column's `sortOrder` for a list sorted by `sort`. */
export function sortOrderOf<S extends string>(sort: SortValue<S>, key: S): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/**
 * The props that make an antd column sort on the server: its header shows the arrows and says
 * in Vietnamese what a click does; `onSorted` (through `tableOnChange`) sets the address.
 */
export function sortableColumn<S extends string>(sort: SortValue<S>, key: S) {
  return { key, sorter: true, sortOrder: sortOrderOf(sort, key), sortDirections: ['ascend', 'descend'] as SortOrder[] };
}

/**
 * The table's `onChange`: a click on a column header sorts by it (a third click goes back to the
 * list's own order); the pager is handled by the pagination's own `onChange`.
 */
export function tableSortChange<S extends string>(setSort: (s: SortValue<S> | null) => void) {
  return (_p: unknown, _f: unknown, sorter: Sorter | Sorter[], extra: { action: string }) => {
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (!s?.order || !s.columnKey) setSort(null);
    else setSort((s.order === 'descend' ? `-${String(s.columnKey)}` : String(s.columnKey)) as SortValue<S>);
  };
}

/** On phones, where the list is cards without column headers: the same sorts in a box. */
export function SortSelect<S extends string>(props: {
  value: SortValue<S>;
  onChange: (s: SortValue<S>) => void;
  options: { value: SortValue<S>; label: string }[];
}) {
  return (
    <Select
      aria-label="Sắp xếp"
      prefix="Sắp xếp:"
      value={props.value}
      onChange={props.onChange}
      options={props.options}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
