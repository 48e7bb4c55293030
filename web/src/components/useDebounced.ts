import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

/** The value once it has stopped changing for `ms` (typing pauses). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * Search as one types: asks the server a moment after the last key, only when the text is long
 * enough; answers of an older text never replace a newer one. `keepLast` keeps the last answer
 * while the text is too short (a picker keeps its options).
 */
export function useDebouncedSearch<T>(
  key: readonly unknown[],
  text: string,
  fetch: (q: string) => Promise<T>,
  opts: { ms?: number; minLength?: number; keepLast?: boolean } = {},
) {
  const q = useDebounced(text.trim(), opts.ms ?? 250);
  const active = q.length >= (opts.minLength ?? 2);
  const query = useQuery({
    queryKey: [...key, q],
    queryFn: () => fetch(q),
    enabled: active,
    placeholderData: keepPreviousData,
  });
  const last = useRef<T | undefined>(undefined);
  if (query.data !== undefined && active) last.current = query.data;
  const data = active ? query.data : opts.keepLast ? last.current : undefined;
  return { data, error: active ? query.error : null, loading: active && query.isFetching, q, active };
}
