/**
 * Full-text search over registrations, inside a scope, ranked; matches marked with «…».
 *
 * One ranking on every engine: registrations whose title holds every word typed come first, then the
 * others; inside each group the most recently changed first (`updated_at`), then by id. The page is
 * found in one of two ways, whichever is cheap:
 * - a walk down the newest registrations of the scope (the `updated_at` index), checking each: a
 *   common query ("dan van kheo" is in a sixth of all titles) fills a page within a few hundred;
 * - otherwise the search index: the RUM index of migration 0044 when the database has it (its
 *   entries carry `updated_at`, so "matches, newest first" is sorted inside the index and only the
 *   page's rows are read), else the GIN index of 0008 (every match read, then sorted).
 * Counts are exact up to SEARCH_CAP; beyond, the answer says `capped`.
 */
import type { Queryable } from './db.js';
import type { RegistrationState } from '../domain/workflow.js';

export interface SearchFilter {
  scopePath: string;
  unitPath?: string | undefined;
  fieldCode?: string | undefined;
  year?: number | undefined;
  state?: string | undefined;
  kind?: string | undefined;
}

export interface SearchRow {
  id: string;
  kind: 'model' | 'exemplar';
  title: string;
  title_marked: string;
  unit_id: string;
  unit_name: string;
  person_name: string | null;
  field_code: string;
  year: number;
  state: RegistrationState;
  snippet_marked: string;
}

const MARKS = `'StartSel=«, StopSel=», HighlightAll=true'`;

/**
 * Matches beyond this many are not counted, and pages beyond them are not served: a common word over
 * the whole country matches hundreds of thousands of rows. The answer says the count was capped, so
 * the screen can ask for more words.
 */
export const SEARCH_CAP = 1000;

/** The RUM index of migration 0044, present only where the server has the RUM package. */
export const SEARCH_RUM_INDEX = 'registration_search_rum';

/**
 * How many of the scope's newest registrations the walk reads before it hands over to the search
 * index (each costs a table row, about 10 µs), and how far it may read on to count SEARCH_CAP
 * matches. Settable for tests, which need the index path on small data.
 */
export const searchTuning = { walk: 2000, countWalk: 12_000 };

const rumKnown = new WeakMap<Queryable, Promise<boolean>>();

/** Whether this database has the RUM index: asked once per pool (or client) and remembered. */
export function searchUsesRum(q: Queryable): Promise<boolean> {
  let known = rumKnown.get(q);
  if (!known) {
    known = q
      .query<{ present: boolean }>(`select to_regclass($1) is not null as present`, [SEARCH_RUM_INDEX])
      .then((r) => r.rows[0]!.present);
    known.catch(() => rumKnown.delete(q));
    rumKnown.set(q, known);
  }
  return known;
}

/** Forgets what `searchUsesRum` found for this pool (after the index was created or dropped). */
export function forgetSearchIndex(q: Queryable): void {
  rumKnown.delete(q);
}

/** The same words, each required in the title (weight A, see migration 0008): `dan:A & khe:*A`. */
export function titleQuery(tsquery: string): string {
  return tsquery
    .split(' & ')
    .map((t) => (t.endsWith(':*') ? `${t}A` : `${t}:A`))
    .join(' & ');
}

interface Hit {
  id: string;
  /** updated_at as text with microseconds, so that equal times compare equal. */
  at: string;
  in_title: boolean;
}

const newestFirst = (a: Hit, b: Hit) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at > b.at ? -1 : 1);

export async function searchRegistrations(q: Queryable, tsquery: string, f: SearchFilter, limit: number, offset: number) {
  // The query is parsed once; every statement below gets it as a constant.
  const parsed = await q.query<{ q: string; qa: string }>(
    `select to_tsquery('vi_unaccent', $1)::text as q, to_tsquery('vi_unaccent', $2)::text as qa`,
    [tsquery, titleQuery(tsquery)],
  );
  const { q: words, qa: titleWords } = parsed.rows[0]!;
  const params: unknown[] = [f.scopePath];
  // A province's scope is named by its first two labels, so that the walk can read the province's
  // newest registrations from their own index (migration 0044) rather than the whole country's.
  const province = f.scopePath.split('.').length === 2;
  const where = [province ? `subpath(r.unit_path, 0, least(nlevel(r.unit_path), 2)) = $1::ltree` : 'r.unit_path <@ $1::ltree'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.unitPath) add('r.unit_path <@ ?::ltree', f.unitPath);
  if (f.fieldCode) add('r.field_code = ?', f.fieldCode);
  if (f.year) add('r.year = ?', f.year);
  if (f.state) add('r.state = ?', f.state);
  if (f.kind) add('r.kind = ?', f.kind);
  const filters = where.join(' and ');
  const n = params.length;
  // statements name their own values after the filters' ($n+1, …): the words, the title's words, limits
  /** The last position of the page, inside the counted matches. */
  const end = Math.min(offset + limit, SEARCH_CAP);
  const run = <R extends object>(sql: string, extra: unknown[] = []) => q.query<R & Record<string, unknown>>(sql, [...params, ...extra]);
  const at = `to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;

  /**
   * Exact number of matches up to SEARCH_CAP + 1, from the GIN index on every engine: `@@@` (the
   * same match as `@@`) is served by GIN and not by RUM, which is slower here (it sorts a prefix's
   * postings) and gains nothing for a count.
   */
  const countMatches = async () => {
    const c = await run<{ n: number }>(
      `select count(*)::int as n from (select 1 from registration r where r.search @@@ $${n + 1}::tsquery and ${filters} limit $${n + 2}) x`,
      [words, SEARCH_CAP + 1],
    );
    return c.rows[0]!.n;
  };
  /**
   * Whether there are more than SEARCH_CAP matches, when the walk found them dense enough to reach
   * that many within `searchTuning.countWalk` rows: reading on down the newest rows stops as soon as
   * it has. Otherwise the search index counts (a GIN index intersects the words' lists in full).
   */
  const count = async (examined: number, matched: number) => {
    if (matched > SEARCH_CAP) return matched;
    if (matched > 0 && ((SEARCH_CAP + 1) * examined) / matched <= searchTuning.countWalk) {
      const c = await run<{ n: number }>(
        `select count(*)::int as n from (
           select 1 from (select r.search from registration r where ${filters} order by r.updated_at desc, r.id limit $${n + 2}) w
            where w.search @@ $${n + 1}::tsquery limit $${n + 3}) x`,
        [words, searchTuning.countWalk, SEARCH_CAP + 1],
      );
      if (c.rows[0]!.n > SEARCH_CAP) return c.rows[0]!.n;
    }
    return countMatches();
  };

  let hits: Hit[] | null = null;
  let total: number | null = null;
  let walked = { examined: 0, matched: 0 };
  if (searchTuning.walk > 0) {
    // 1. The walk: the scope's newest registrations, each checked; the first `end` of each group kept.
    const w = await run<{ examined: number; matched: number | null; titled: number | null; id: string | null; at: string; in_title: boolean }>(
      `with w as materialized (
         select r.id, ${at} as at, r.search @@ $${n + 1}::tsquery as hit, r.search @@ $${n + 2}::tsquery as in_title
           from registration r where ${filters} order by r.updated_at desc, r.id limit $${n + 3}
       ), h as (
         select id, at, in_title, row_number() over (partition by in_title order by at desc, id) as k,
                count(*) over () as matched, count(*) filter (where in_title) over () as titled
           from w where hit
       )
       select e.examined::int, h.matched::int, h.titled::int, h.id, h.at, h.in_title
         from (select count(*) as examined from w) e left join h on h.k <= $${n + 4}`,
      [words, titleWords, searchTuning.walk, end],
    );
    const first = w.rows[0]!;
    walked = { examined: first.examined, matched: first.matched ?? 0 };
    const titled = first.titled ?? 0;
    const found = w.rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, at: r.at, in_title: r.in_title }));
    if (first.examined < searchTuning.walk) {
      // the whole scope was read: the answer is complete
      hits = found;
      total = walked.matched;
    } else if (titled >= end) {
      // the page is among the newest title matches; every other title match is older
      hits = found.filter((h) => h.in_title);
      total = await count(walked.examined, walked.matched);
    }
  }

  if (hits === null) {
    // 2. The search index.
    total = await count(walked.examined, walked.matched);
    const tsq = [words, titleWords];
    hits = end <= 0 ? [] : (await searchUsesRum(q)) ? await rumWindow(end, run, filters, n, tsq) : await ginWindow(end, run, filters, n, at, tsq);
  }

  const page = hits
    .filter((h) => h.in_title)
    .sort(newestFirst)
    .concat(hits.filter((h) => !h.in_title).sort(newestFirst))
    .slice(offset, end);
  const rows = page.length
    ? (
        await q.query<SearchRow>(
          `select r.id, r.kind, r.title, r.unit_id, u.name as unit_name, r.person_name, r.field_code, r.year, r.state,
                  ts_headline('vi_unaccent', r.title, $2::tsquery, ${MARKS}) as title_marked,
                  ts_headline('vi_unaccent', concat_ws(' ', r.problem, r.purpose, r.solutions), $2::tsquery,
                              'StartSel=«, StopSel=», MaxWords=20, MinWords=8, MaxFragments=1') as snippet_marked
             from unnest($1::uuid[]) with ordinality as p(id, n)
             join registration r on r.id = p.id join unit u on u.id = r.unit_id
            order by p.n`,
          [page.map((h) => h.id), words],
        )
      ).rows
    : [];
  return { total: Math.min(total!, SEARCH_CAP), capped: total! > SEARCH_CAP, rows };
}

type Run = <R extends object>(sql: string, extra?: unknown[]) => Promise<{ rows: (R & Record<string, unknown>)[] }>;

/**
 * GIN: every match in scope is read and sorted (title matches first, newest first); the first `end`
 * are kept.
 */
async function ginWindow(end: number, run: Run, filters: string, n: number, at: string, tsq: string[]): Promise<Hit[]> {
  const r = await run<Hit>(
    `select r.id, ${at} as at, r.search @@ $${n + 2}::tsquery as in_title
       from registration r where r.search @@ $${n + 1}::tsquery and ${filters}
      order by in_title desc, r.updated_at desc, r.id limit $${n + 3}`,
    [...tsq, end],
  );
  return r.rows;
}

/**
 * RUM: the title matches newest first straight from the index, then, if the page reaches past them,
 * the other matches the same way. The index orders by time only; rows changed at the same instant are
 * put in id order here, reading on until the instant at the edge of the window is complete.
 */
async function rumWindow(end: number, run: Run, filters: string, n: number, tsq: string[]): Promise<Hit[]> {
  // cond names its queries $n+1 (and $n+2), given in order in `values`
  const newest = async (cond: string, values: string[], want: number, inTitle: boolean): Promise<Hit[]> => {
    if (want <= 0) return [];
    for (let take = want + 1; ; take *= 2) {
      const r = await run<{ id: string; at: string }>(
        `select r.id, to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at
           from registration r where ${cond} and ${filters}
          order by r.updated_at <=| (now() + interval '100 years') limit $${n + values.length + 1}`,
        [...values, take],
      );
      const got = r.rows.map((x) => ({ id: x.id, at: x.at, in_title: inTitle }));
      // complete when the index ran out, or the row after the window is from another instant
      if (got.length < take || got[take - 1]!.at !== got[want - 1]!.at) return got.sort(newestFirst).slice(0, want);
    }
  };
  const [words, title] = tsq as [string, string];
  const titled = await newest(`r.search @@ $${n + 1}::tsquery`, [title], end, true);
  if (titled.length >= end) return titled;
  const others = await newest(
    `r.search @@ $${n + 1}::tsquery and not (r.search @@ $${n + 2}::tsquery)`,
    [words, title],
    end - titled.length,
    false,
  );
  return titled.concat(others);
}
