/** Reading, undoing and scheduling reorganisations; planning and applying live in reorganisation-plan.ts and reorganisation-apply.ts. */
import type { Queryable } from './db.js';
import { notFound } from '../domain/errors.js';
import type { Change } from '../domain/reorganisation-schemas.js';
export * from './reorganisation-plan.js';
export * from './reorganisation-apply.js';
import { rewritePaths } from './reorganisation-apply.js';

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReorganisationRow {
  id: string;
  effective_date: string;
  basis_number: string;
  basis_date: string | null;
  basis_issuer: string;
  note: string | null;
  status: 'scheduled' | 'applied' | 'undone';
  change_count: number;
  created_by_name: string | null;
  created_at: Date;
  applied_at: Date | null;
  undone_at: Date | null;
  last_error: string | null;
  version: number;
}

const REORG_COLS = `r.id, r.effective_date, r.basis_number, r.basis_date, r.basis_issuer, r.note, r.status, r.change_count,
  (select full_name from app_user a where a.id = r.created_by) as created_by_name, r.created_at, r.applied_at, r.undone_at, r.last_error, r.version`;

/**
 * A reorganisation is inside a scope when one of its units is (the units it named, wherever they
 * hang now), or, still scheduled, when one of its stored changes names a unit there.
 */
const IN_SCOPE = `(
  exists (select 1 from reorganisation_unit ru join unit u on u.id = ru.unit_id where ru.reorganisation_id = r.id and u.path <@ $1::ltree)
  or exists (select 1 from unit_lineage l join unit u on u.id = l.successor_id where l.reorganisation_id = r.id and u.path <@ $1::ltree)
  or (r.status = 'scheduled' and (r.created_by is null or exists (select 1 from app_user a join unit eu on eu.id = a.view_unit_id
        where a.id = r.created_by and eu.path <@ $1::ltree))))`;

export async function listReorganisations(q: Queryable, scopePath: string, status: string | undefined, limit: number, offset: number) {
  const params: unknown[] = [scopePath];
  let where = `($1::text = '' or ${IN_SCOPE})`;
  if (status) {
    params.push(status);
    where += ` and r.status = $${params.length}`;
  }
  const total = (await q.query<{ n: number }>(`select count(*) as n from reorganisation r where ${where}`, params)).rows[0]!.n;
  params.push(limit, offset);
  const { rows } = await q.query<ReorganisationRow>(
    `select ${REORG_COLS} from reorganisation r where ${where}
      order by r.effective_date desc, r.created_at desc, r.id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

export async function findReorganisation(q: Queryable, id: string, scopePath: string, lock = false): Promise<ReorganisationRow | null> {
  const where = `($1::text = '' or ${IN_SCOPE})`;
  const { rows } = await q.query<ReorganisationRow>(
    `select ${REORG_COLS} from reorganisation r where r.id = $2 and ${where}${lock ? ' for update of r' : ''}`,
    [scopePath, id],
  );
  return rows[0] ?? null;
}

export async function reorganisationChanges(q: Queryable, id: string): Promise<{ seq: number; kind: Change['kind']; spec: Change }[]> {
  const { rows } = await q.query<{ seq: number; kind: Change['kind']; spec: Change }>(
    'select seq, kind, spec from reorganisation_change where reorganisation_id = $1 order by seq',
    [id],
  );
  return rows;
}

export interface LineageRow {
  predecessor_id: string;
  predecessor_code: string;
  predecessor_name: string;
  predecessor_active: boolean;
  successor_id: string;
  successor_code: string;
  successor_name: string;
  successor_active: boolean;
  change_kind: string;
  share: string | null;
  keeps_code: boolean;
  effective_date: string;
  reorganisation_id: string | null;
  basis_number: string | null;
  basis_date: string | null;
  basis_issuer: string | null;
}

const LINEAGE_SELECT = `select l.predecessor_id, p.code as predecessor_code, p.name as predecessor_name, p.active as predecessor_active,
    l.successor_id, s.code as successor_code, s.name as successor_name, s.active as successor_active, l.change_kind, l.share::text as share, l.keeps_code,
    l.effective_date, l.reorganisation_id, r.basis_number, r.basis_date, r.basis_issuer
  from unit_lineage l join unit p on p.id = l.predecessor_id join unit s on s.id = l.successor_id
  left join reorganisation r on r.id = l.reorganisation_id`;

export async function lineageOfReorganisation(q: Queryable, id: string): Promise<LineageRow[]> {
  const { rows } = await q.query<LineageRow>(`${LINEAGE_SELECT} where l.reorganisation_id = $1 order by p.name_key, s.name_key`, [id]);
  return rows;
}

/** Where a unit came from and what it became, inside the reader's scope. */
export async function lineageOfUnit(q: Queryable, unitId: string, scopePath: string): Promise<LineageRow[]> {
  const { rows } = await q.query<LineageRow>(
    `${LINEAGE_SELECT} where (l.successor_id = $1 and p.path <@ $2::ltree) or (l.predecessor_id = $1 and s.path <@ $2::ltree)
      order by l.effective_date, p.name_key, s.name_key`,
    [unitId, scopePath],
  );
  return rows;
}

export interface UnitVersionRow {
  valid_from: string;
  valid_to: string | null;
  code: string;
  name: string;
  parent_name: string | null;
  path: string;
}

export async function versionsOfUnit(q: Queryable, unitId: string): Promise<UnitVersionRow[]> {
  const { rows } = await q.query<UnitVersionRow>(
    `select v.valid_from, v.valid_to, v.code, v.name, (select name from unit p where p.id = v.parent_id) as parent_name, v.path::text as path
       from unit_version v where v.unit_id = $1 order by v.valid_from`,
    [unitId],
  );
  return rows;
}

/** The tree as it stood on a date: the versions in force then (statistics "then"). */
export async function versionsOn(q: Queryable, date: string, scopePath: string): Promise<(UnitVersionRow & { unit_id: string })[]> {
  const { rows } = await q.query<UnitVersionRow & { unit_id: string }>(
    `select v.unit_id, v.valid_from, v.valid_to, v.code, v.name, null as parent_name, v.path::text as path
       from unit_version v where v.valid_from <= $1::date and (v.valid_to is null or v.valid_to >= $1::date) and v.path <@ $2::ltree
      order by v.path`,
    [date, scopePath],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Shares of a split, set later

export async function lineageSuccessors(q: Queryable, reorganisationId: string, predecessorId: string): Promise<{ successor_id: string }[]> {
  const { rows } = await q.query<{ successor_id: string }>(
    `select successor_id from unit_lineage where reorganisation_id = $1 and predecessor_id = $2 and change_kind = 'split' for update`,
    [reorganisationId, predecessorId],
  );
  return rows;
}

export async function setLineageShares(q: Queryable, reorganisationId: string, predecessorId: string, shares: { successorId: string; share: number }[]) {
  await q.query(
    `update unit_lineage l set share = x.share
       from unnest($3::uuid[], $4::numeric[]) as x(s, share)
      where l.reorganisation_id = $1 and l.predecessor_id = $2 and l.successor_id = x.s`,
    [reorganisationId, predecessorId, shares.map((s) => s.successorId), shares.map((s) => s.share)],
  );
  await q.query('update reorganisation set version = version + 1 where id = $1', [reorganisationId]);
}

// ---------------------------------------------------------------------------------------------
// Undo

/**
 * Why the reorganisation cannot be undone now, in Vietnamese, or null. Undo is allowed while nothing
 * was written under its new or successor units since it was applied, and its units are as it left them.
 */
export async function undoBlocker(q: Queryable, r: ReorganisationRow): Promise<string | null> {
  if (r.status === 'undone') return 'lần sắp xếp này đã được hoàn tác';
  if (r.status === 'scheduled') return null;
  // A reorganisation loaded from the history data (load-admin-history) kept no record of what it changed.
  const recorded = await q.query('select 1 from reorganisation_unit where reorganisation_id = $1 limit 1', [r.id]);
  if (recorded.rows.length === 0) return 'lần sắp xếp này được nạp từ dữ liệu lịch sử, không lưu lại trạng thái trước đó nên không hoàn tác được';
  const changed = await q.query<{ name: string }>(
    `select u.name from reorganisation_unit ru join unit u on u.id = ru.unit_id
      where ru.reorganisation_id = $1 and ru.version_after is not null and u.version <> ru.version_after order by u.name_key limit 3`,
    [r.id],
  );
  if (changed.rows.length) return `đơn vị ${changed.rows.map((x) => `"${x.name}"`).join(', ')} đã được thay đổi sau khi sắp xếp (sửa, chuyển hoặc một lần sắp xếp khác)`;
  // The new units and the successors, where work may have been written since.
  const { rows } = await q.query<{ what: string; n: number }>(
    `with s as (
       select u.path from unit u where u.id in (
         select unit_id from reorganisation_unit where reorganisation_id = $1 and created
         union select successor_id from unit_lineage where reorganisation_id = $1)
     ), since as (select applied_at as t from reorganisation where id = $1)
     select 'hồ sơ đăng ký' as what, count(*) as n from registration x, s, since where x.unit_path <@ s.path and x.created_at > since.t
     union all select 'đợt phát động', count(*) from campaign x, s, since where x.unit_path <@ s.path and x.created_at > since.t
     union all select 'đợt xét công nhận', count(*) from recognition_round x, s, since where x.unit_path <@ s.path and x.opened_at > since.t
     union all select 'báo cáo sơ kết, tổng kết', count(*) from review_report x, s, since where x.unit_path <@ s.path and x.created_at > since.t
     union all select 'đề nghị khen thưởng', count(*) from commendation_proposal x, s, since where x.to_unit_path <@ s.path and x.proposed_at > since.t
     union all select 'tài khoản người dùng', count(*) from app_user x join unit hu on hu.id = x.unit_id, s, since where hu.path <@ s.path and x.created_at > since.t
     union all select 'đơn vị trực thuộc', count(*) from unit x, s, since where x.path <@ s.path and x.created_at > since.t`,
    [r.id],
  );
  const found = rows.filter((x) => x.n > 0);
  if (found.length === 0) return null;
  return `đã có ${found.map((x) => `${x.n} ${x.what}`).join(', ')} được tạo dưới đơn vị mới hoặc đơn vị kế thừa sau khi sắp xếp`;
}

/** Puts the tree back as it was before the reorganisation, in the caller's transaction. */
export async function undoReorganisationIn(q: Queryable, id: string, actorId: string | null): Promise<void> {
  const r = (await q.query<{ moved: [string, string][] | null; status: string }>('select moved, status from reorganisation where id = $1 for update', [id])).rows[0];
  if (!r) throw notFound('reorganisation');
  if (r.status === 'applied') {
    // Lock its units, then re-root the moved subtrees back (deepest pair first: the reverse mapping).
    await q.query('select 1 from unit where id in (select unit_id from reorganisation_unit where reorganisation_id = $1) order by id for update', [id]);
    await rewritePaths(q, (r.moved ?? []).map(([o, n]) => [n, o] as [string, string]));
    await q.query(
      `update unit u set parent_id = (ru.before->>'parent_id')::uuid, version = u.version + 1, updated_at = now()
         from reorganisation_unit ru where ru.reorganisation_id = $1 and ru.unit_id = u.id and not ru.created`,
      [id],
    );
    // The versions it opened go; those it closed or replaced come back.
    await q.query('delete from unit_version where reorganisation_id = $1', [id]);
    await q.query(
      `delete from unit_version v using reorganisation_version_before b
        where b.reorganisation_id = $1 and v.unit_id = b.unit_id and v.valid_from = b.valid_from`,
      [id],
    );
    await q.query(
      `insert into unit_version select (jsonb_populate_record(null::unit_version, b.row)).* from reorganisation_version_before b where b.reorganisation_id = $1`,
      [id],
    );
    await q.query('delete from unit_lineage where reorganisation_id = $1', [id]);
    const createdIds = (await q.query<{ unit_id: string }>('select unit_id from reorganisation_unit where reorganisation_id = $1 and created', [id])).rows.map(
      (x) => x.unit_id,
    );
    if (createdIds.length) {
      await q.query('delete from reorganisation_unit where reorganisation_id = $1 and created', [id]);
      await q.query('delete from unit_version where unit_id = any($1::uuid[])', [createdIds]);
      await q.query('delete from unit where id = any($1::uuid[])', [createdIds]);
    }
    // Names and codes back: the units still open first (they free the codes the closed ones take back).
    for (const reopening of [false, true]) {
      await q.query(
        `update unit u set active = (ru.before->>'active')::boolean, valid_to = (ru.before->>'valid_to')::date,
                code = ru.before->>'code', name = ru.before->>'name', name_key = ru.before->>'name_key',
                kind = ru.before->>'kind', level = ru.before->>'level', version = u.version + 1, updated_at = now()
           from reorganisation_unit ru
          where ru.reorganisation_id = $1 and ru.unit_id = u.id and not ru.created and u.active = $2`,
        [id, !reopening],
      );
    }
  }
  await q.query(
    `update reorganisation set status = 'undone', undone_at = now(), undone_by = $2, version = version + 1 where id = $1`,
    [id, actorId],
  );
}

// ---------------------------------------------------------------------------------------------
// Scheduled reorganisations

/** Claims one scheduled reorganisation whose date has come (skipping those another instance holds). */
export async function claimDueReorganisation(q: Queryable, today: string, skip: string[]): Promise<ReorganisationRow | null> {
  const { rows } = await q.query<ReorganisationRow>(
    `select ${REORG_COLS} from reorganisation r
      where r.status = 'scheduled' and r.effective_date <= $1::date and not (r.id = any($2::uuid[]))
      order by r.effective_date, r.created_at, r.id limit 1 for update of r skip locked`,
    [today, skip],
  );
  return rows[0] ?? null;
}

export async function recordReorganisationError(q: Queryable, id: string, message: string): Promise<void> {
  await q.query(`update reorganisation set last_error = $2 where id = $1 and status = 'scheduled'`, [id, message.slice(0, 1000)]);
}

/** The first path among the reorganisation's units, for the audit row. */
export async function reorganisationAuditPath(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<{ path: string }>(
    `select u.path::text as path from reorganisation_unit ru join unit u on u.id = ru.unit_id where ru.reorganisation_id = $1
      order by nlevel(u.path), u.path limit 1`,
    [id],
  );
  return rows[0]?.path ?? null;
}
