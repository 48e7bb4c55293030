/** Catalogues kept as tables: fields of activity and commendation forms. */
import type { Queryable } from './db.js';

/** The fields of activity, in catalogue order. */
export async function listFields(q: Queryable) {
  return (await q.query<{ code: string; name: string; sort: number; active: boolean }>('select code, name, sort, active from field order by sort, code')).rows;
}

export async function listCommendationForms(q: Queryable) {
  return (await q.query<{ code: string; name: string; sort: number; active: boolean }>('select code, name, sort, active from commendation_form order by sort')).rows;
}
