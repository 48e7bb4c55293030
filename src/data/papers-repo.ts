/** Papers (the documents officers sign), their numbering counters and verification codes: all their SQL. */
import type { Queryable } from './db.js';
import type { PaperKind } from '../domain/paper-schemas.js';

/**
 * The unit's next number for the year and kind. The counter row is created or incremented in one
 * statement, which holds its row lock until the caller's transaction ends: a second officer
 * numbering at the same time waits and gets the next number; a rolled-back paper gives its number
 * back, so the numbers have no gaps.
 */
export async function takePaperNumber(q: Queryable, unitId: string, year: number, kind: PaperKind): Promise<number> {
  const { rows } = await q.query<{ last_no: number }>(
    `insert into paper_counter (unit_id, year, kind, last_no) values ($1, $2, $3, 1)
     on conflict (unit_id, year, kind) do update set last_no = paper_counter.last_no + 1
     returning last_no`,
    [unitId, year, kind],
  );
  return rows[0]!.last_no;
}

export interface PaperRow {
  id: string;
  kind: PaperKind;
  unit_id: string;
  unit_name: string;
  round_id: string | null;
  registration_id: string | null;
  seq: number | null;
  year: number;
  number: string | null;
  issued_on: string | null;
  place: string;
  parent_body: string | null;
  issuing_body: string;
  signer: { capacity?: string | null; title?: string | null; name?: string | null };
  recipients: string | null;
  extra: Record<string, string | null | undefined>;
  verify_code: string | null;
  created_at: Date;
}

export async function insertPaper(
  q: Queryable,
  p: Omit<PaperRow, 'unit_name' | 'created_at'> & { createdBy: string },
): Promise<void> {
  await q.query(
    `insert into paper (id, kind, unit_id, round_id, registration_id, seq, year, number, issued_on, place, parent_body, issuing_body,
                        signer, recipients, extra, verify_code, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15::jsonb, $16, $17)`,
    [
      p.id,
      p.kind,
      p.unit_id,
      p.round_id,
      p.registration_id,
      p.seq,
      p.year,
      p.number,
      p.issued_on,
      p.place,
      p.parent_body,
      p.issuing_body,
      JSON.stringify(p.signer),
      p.recipients,
      JSON.stringify(p.extra),
      p.verify_code,
      p.createdBy,
    ],
  );
}

const PAPER_COLUMNS = `p.id, p.kind, p.unit_id, u.name as unit_name, p.round_id, p.registration_id, p.seq, p.year, p.number,
  p.issued_on::text as issued_on, p.place, p.parent_body, p.issuing_body, p.signer, p.recipients, p.extra, p.verify_code, p.created_at`;

/** One paper by id; the caller checks that its round or registration lies in the reader's view. */
export async function findPaper(q: Queryable, id: string): Promise<PaperRow | null> {
  const { rows } = await q.query<PaperRow>(`select ${PAPER_COLUMNS} from paper p join unit u on u.id = p.unit_id where p.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The papers of a round or of a registration (already found inside the reader's view), newest first. */
export async function listPapersOf(q: Queryable, of: { roundId?: string; registrationId?: string }): Promise<PaperRow[]> {
  const { rows } = await q.query<PaperRow>(
    `select ${PAPER_COLUMNS} from paper p join unit u on u.id = p.unit_id
      where ($1::uuid is null or p.round_id = $1) and ($2::uuid is null or p.registration_id = $2)
      order by p.created_at desc, p.id`,
    [of.roundId ?? null, of.registrationId ?? null],
  );
  return rows;
}

/**
 * What a certificate's public page shows: the model, its unit, the recognition decision, the
 * issuer and whether it still stands (the registration's state now). Nothing else is read.
 */
export interface CertificateFacts {
  title: string;
  kind: string;
  holder: string;
  person_name: string | null;
  unit_name: string;
  state: string;
  number: string | null;
  issued_on: string | null;
  issuing_body: string;
  decision_no: string | null;
  decision_date: string | null;
  issuer: string | null;
  result: string | null;
}

export async function findCertificateByCode(q: Queryable, code: string): Promise<CertificateFacts | null> {
  const { rows } = await q.query<CertificateFacts>(
    `select r.title, r.kind, r.holder, r.person_name, u.name as unit_name, r.state, p.number, p.issued_on::text as issued_on, p.issuing_body,
            c.decision_no, c.decision_date::text as decision_date, c.issuer, c.result
       from paper p join registration r on r.id = p.registration_id join unit u on u.id = r.unit_id
       left join recognition_candidate c on c.round_id = p.round_id and c.registration_id = p.registration_id
      where p.kind = 'certificate' and p.verify_code = $1`,
    [code],
  );
  return rows[0] ?? null;
}

/** A criterion of a proposed model: its target and what the latest inspection recorded for it. */
export interface AchievementRow {
  name: string;
  target: number | null;
  unit: string | null;
  achieved: number | null;
  completion: number | null;
  /** Whether any inspection recorded this criterion. */
  inspected: boolean;
}

/**
 * What each model achieved, for the proposal's summary: every criterion's target and unit with the
 * value the latest inspection that recorded it achieved (the latest inspected_on, then the latest
 * entered) and that inspection's completion (computed from the achieved value, or typed on old
 * entries without one).
 */
export async function achievementsOf(q: Queryable, registrationIds: string[]): Promise<Map<string, AchievementRow[]>> {
  const out = new Map<string, AchievementRow[]>(registrationIds.map((id) => [id, []]));
  if (!registrationIds.length) return out;
  const { rows } = await q.query<{
    registration_id: string;
    name: string;
    target: string | null;
    unit_of_measure: string | null;
    achieved: string | null;
    completion_pct: number | null;
    inspected: boolean;
  }>(
    `select k.registration_id, k.name, k.target::text as target, k.unit_of_measure,
            l.achieved::text as achieved, l.completion_pct, l.inspection_id is not null as inspected
       from registration_criterion k
       left join lateral (
         select ic.inspection_id, ic.achieved, ic.completion_pct from inspection_criterion ic join inspection i on i.id = ic.inspection_id
          where ic.criterion_id = k.id order by i.inspected_on desc, i.created_at desc, i.id desc limit 1) l on true
      where k.registration_id = any($1::uuid[]) order by k.registration_id, k.sort`,
    [registrationIds],
  );
  for (const r of rows)
    out.get(r.registration_id)!.push({
      name: r.name,
      target: r.target === null ? null : Number(r.target),
      unit: r.unit_of_measure,
      achieved: r.achieved === null ? null : Number(r.achieved),
      completion: r.completion_pct,
      inspected: r.inspected,
    });
  return out;
}
