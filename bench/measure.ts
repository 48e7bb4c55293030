/** Runs a request function from several clients at once and summarises the latencies. */
export interface Result {
  name: string;
  concurrency: number;
  count: number;
  p50: number;
  p95: number;
  perSecond: number;
  errors: number;
  rawP50: number | null;
  rawP95: number | null;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Keeps `concurrency` calls in flight for `seconds` (after a short warm-up), or, with 0 seconds,
 * until `minCount` calls have been made. A call that throws counts as an error.
 */
export async function measure(
  name: string,
  concurrency: number,
  seconds: number,
  minCount: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Omit<Result, 'rawP50' | 'rawP95'>> {
  let next = 0;
  for (let w = 0; w < Math.min(2, concurrency) && seconds > 0; w++) await fn(next++).catch(() => undefined);
  const times: number[] = [];
  let errors = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while ((seconds > 0 && performance.now() < until) || (seconds === 0 && times.length + errors < minCount)) {
        const t0 = performance.now();
        try {
          await fn(next++);
          times.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return {
    name,
    concurrency,
    count: times.length,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    perSecond: round(times.length / elapsed),
    errors,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function printTable(rows: Result[]) {
  const head = ['Kịch bản', 'luồng', 'lượt', 'p50 ms', 'p95 ms', 'lượt/giây', 'SQL p50', 'SQL p95', 'API/SQL p50'];
  const lines = rows.map((r) => [
    r.name,
    String(r.concurrency),
    String(r.count),
    String(r.p50),
    String(r.p95),
    String(r.perSecond),
    r.rawP50 === null ? '–' : String(r.rawP50),
    r.rawP95 === null ? '–' : String(r.rawP95),
    r.rawP50 ? (r.p50 / r.rawP50).toFixed(2) : '–',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
}
