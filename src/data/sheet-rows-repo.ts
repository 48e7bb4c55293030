/**
 * What the sheets that go both ways (domain/sheet-columns.ts) need beyond the list rows: units
 * named by their code, and a registration's final decisions. Each read takes the ids of records
 * already read inside the caller's scope.
 */
import type { Queryable } from './db.js';

/** The code of each unit, by id. */
export async function unitCodesByIds(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; code: string }>('select id, code from unit where id = any($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.code]));
}

export interface UnitSheetDetails {
  id: string;
  parent_code: string | null;
  address: string | null;
  valid_from: string;
}

/** The parent's code, the address and the start date of each unit, by id. */
export async function unitSheetDetails(q: Queryable, ids: string[]): Promise<Map<string, UnitSheetDetails>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<UnitSheetDetails>(
    `select u.id, p.code as parent_code, u.address, u.valid_from
       from unit u left join unit p on p.id = u.parent_id
      where u.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface RegistrationSheetDetails {
  id: string;
  unit_code: string;
  recognition_decision_no: string | null;
  recognition_decision_date: string | null;
  recognition_level: string | null;
  recognition_issuer: string | null;
  commendation_form: string | null;
  commendation_decision_no: string | null;
  commendation_decision_date: string | null;
  commendation_issuer: string | null;
}

/**
 * For each registration: its unit's code, the latest recognition decision (a round's "recognised"
 * result) and the latest commendation.
 */
export async function registrationSheetDetails(q: Queryable, ids: string[]): Promise<Map<string, RegistrationSheetDetails>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<RegistrationSheetDetails>(
    `select r.id, u.code as unit_code,
            rc.decision_no as recognition_decision_no, rc.decision_date as recognition_decision_date,
            rc.level as recognition_level, rc.issuer as recognition_issuer,
            cm.form_code as commendation_form, cm.decision_no as commendation_decision_no,
            cm.decision_date as commendation_decision_date, cm.issuer as commendation_issuer
       from registration r
       join unit u on u.id = r.unit_id
       left join lateral (
         select c.decision_no, c.decision_date, c.level, c.issuer from recognition_candidate c
          where c.registration_id = r.id and c.result = 'recognised'
          order by c.decided_at desc nulls last limit 1) rc on true
       left join lateral (
         select m.form_code, m.decision_no, m.decision_date, m.issuer from commendation m
          where m.registration_id = r.id
          order by m.decision_date desc, m.created_at desc limit 1) cm on true
      where r.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
