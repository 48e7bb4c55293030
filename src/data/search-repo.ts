/** Full-text search over registrations, inside a scope, ranked; matches marked with «…». */
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
 * Matches beyond this many are not counted or ranked: a common word over the whole country matches
 * hundreds of thousands of rows, and ranking them all takes seconds. The first CAP matches found on
 * the index are ranked and the answer says the count was capped, so the screen can ask for more words.
 */
export const SEARCH_CAP = 1000;

export async function searchRegistrations(q: Queryable, tsquery: string, f: SearchFilter, limit: number, offset: number) {
  const params: unknown[] = [tsquery, f.scopePath];
  const where = ['r.search @@ to_tsquery(\'vi_unaccent\', $1)', 'r.unit_path <@ $2::ltree'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.unitPath) add('r.unit_path <@ ?::ltree', f.unitPath);
  if (f.fieldCode) add('r.field_code = ?', f.fieldCode);
  if (f.year) add('r.year = ?', f.year);
  if (f.state) add('r.state = ?', f.state);
  if (f.kind) add('r.kind = ?', f.kind);
  params.push(SEARCH_CAP + 1, limit, offset);
  const n = params.length;
  const { rows } = await q.query<SearchRow & { total: number }>(
    `with found as materialized (
       select r.id, r.year, r.search from registration r where ${where.join(' and ')} limit $${n - 2}
     ), ranked as (
       select id, year, ts_rank(search, to_tsquery('vi_unaccent', $1)) as rank, count(*) over () as total from found
     ), page as (
       select * from ranked order by rank desc, year desc, id limit $${n - 1} offset $${n}
     )
     select h.total, r.id, r.kind, r.title, r.unit_id, u.name as unit_name, r.person_name, r.field_code, r.year, r.state,
            ts_headline('vi_unaccent', r.title, to_tsquery('vi_unaccent', $1), ${MARKS}) as title_marked,
            ts_headline('vi_unaccent', concat_ws(' ', r.problem, r.purpose, r.solutions), to_tsquery('vi_unaccent', $1),
                        'StartSel=«, StopSel=», MaxWords=20, MinWords=8, MaxFragments=1') as snippet_marked
       from page h join registration r on r.id = h.id join unit u on u.id = r.unit_id
      order by h.rank desc, h.year desc, h.id`,
    params,
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    // past the last page: count on its own
    const c = await q.query<{ n: number }>(`select count(*) as n from (select 1 from registration r where ${where.join(' and ')} limit $${n - 2}) x`, params.slice(0, n - 2));
    total = c.rows[0]!.n;
  }
  total = Number(total);
  return { total: Math.min(total, SEARCH_CAP), capped: total > SEARCH_CAP, rows };
}
