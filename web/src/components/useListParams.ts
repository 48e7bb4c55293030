import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { SortValue } from '@domain/list-sort.js';

type Shape = Record<string, z.ZodType>;
type Value = string | number | null | undefined;
type Patch<F extends string> = Partial<Record<F, Value>> & { page?: Value; sort?: Value };

/**
 * A list's page, sort and filters live in the address (`?state=accepted&sort=-year&page=3`), so a
 * reload, back and forward, a bookmark and a shared link give the same list. Values are checked
 * against the API's own zod schema: one a hand-edited link got wrong is left out (the list shows
 * as if it were not there), never sent to the server and never a crash.
 *
 * @param shape the list query's zod shape (`RegistrationListQuery.shape`)
 * @param filters the keys of the shape this page keeps in the address
 */
export function useListParams<const F extends string, S extends string>(opts: {
  shape: Shape;
  filters: readonly F[];
  sorts: readonly S[];
  defaultSort: SortValue<S>;
}) {
  const [params, setParams] = useSearchParams();
  const { shape, filters, sorts, defaultSort } = opts;

  const page = useMemo(() => {
    const n = Number(params.get('page'));
    return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
  }, [params]);
  const sortParam = params.get('sort');
  const sort: SortValue<S> =
    sortParam && sorts.some((k) => sortParam === k || sortParam === `-${k}`) ? (sortParam as SortValue<S>) : defaultSort;
  const filterKey = filters.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  const values = useMemo(() => {
    const out: Partial<Record<F, string>> = {};
    for (const k of filters) {
      const raw = params.get(k);
      if (raw === null || raw === '') continue;
      const schema = shape[k];
      if (schema && schema.safeParse(raw).success) out[k] = raw;
    }
    return out;
    // The values change only when one of this page's keys does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey]);

  /** Changes some keys; any change but of the page itself goes back to the first page. */
  const update = useCallback(
    (patch: Patch<F>, opts: { replace?: boolean } = {}) => {
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in patch)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          if (next.get('sort') === defaultSort) next.delete('sort');
          return next;
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams, defaultSort],
  );

  return {
    params,
    page,
    sort,
    values,
    setPage: useCallback((p: number) => update({ page: p } as Patch<F>), [update]),
    setSort: useCallback((s: SortValue<S> | null) => update({ sort: s ?? defaultSort } as Patch<F>), [update, defaultSort]),
    update,
  };
}
