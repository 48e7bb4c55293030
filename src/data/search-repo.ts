/** Full-text search over registrations, inside a scope, ranked; matches marked with «…». */
import type { Queryable } from './db.js';

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
  state: string;
  snippet_marked: string;
}

const MARKS = `'StartSel=«, StopSel=», HighlightAll=true'`;

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
  const whereSql = where.join(' and ');
  const total = (await q.query<{ n: number }>(`select count(*) as n from registration r where ${whereSql}`, params)).rows[0]!.n;
  params.push(limit, offset);
  // Rank on the index's matches first, then mark only the page that is shown.
  const { rows } = await q.query<SearchRow>(
    `with hits as (
       select r.id, ts_rank(r.search, to_tsquery('vi_unaccent', $1)) as rank from registration r
        where ${whereSql} order by rank desc, r.year desc, r.id limit $${params.length - 1} offset $${params.length}
     )
     select r.id, r.kind, r.title, r.unit_id, u.name as unit_name, r.person_name, r.field_code, r.year, r.state,
            ts_headline('vi_unaccent', r.title, to_tsquery('vi_unaccent', $1), ${MARKS}) as title_marked,
            ts_headline('vi_unaccent', concat_ws(' ', r.problem, r.purpose, r.solutions), to_tsquery('vi_unaccent', $1),
                        'StartSel=«, StopSel=», MaxWords=20, MinWords=8, MaxFragments=1') as snippet_marked
       from hits h join registration r on r.id = h.id join unit u on u.id = r.unit_id
      order by h.rank desc, r.year desc, r.id`,
    params,
  );
  return { total, rows };
}
