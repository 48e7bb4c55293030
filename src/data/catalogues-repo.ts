/** Catalogues kept as tables: fields of activity and commendation forms. */
import type { Queryable } from './db.js';

/** The fields of activity, in catalogue order. */
export async function listFields(q: Queryable) {
  return (await q.query<{ code: string; name: string; sort: number; active: boolean }>('select code, name, sort, active from field order by sort, code')).rows;
}

export async function listCommendationForms(q: Queryable) {
  return (await q.query<{ code: string; name: string; sort: number; active: boolean }>('select code, name, sort, active from commendation_form order by sort')).rows;
}

export async function fieldIsActive(q: Queryable, code: string): Promise<boolean> {
  return (await q.query('select 1 from field where code = $1 and active', [code])).rows.length > 0;
}

/** The name of one field of activity, or null when the code names none. */
export async function fieldName(q: Queryable, code: string): Promise<string | null> {
  return (await q.query<{ name: string }>('select name from field where code = $1', [code])).rows[0]?.name ?? null;
}
