/** Writing a planned reorganisation: set-based, in the caller's transaction (see reorganisation-plan.ts). */
import type { Queryable } from './db.js';
import { UNIT_PATH_COPIES } from './unit-path-copies.js';
import { AppError } from '../domain/errors.js';
import type { Change, ReorganisationPreview } from '../domain/reorganisation-schemas.js';
import { foldVietnamese } from '../domain/text.js';
import { dayBefore, planReorganisation, type ReorganisationHeader, type ReorganisationPlan, type SimUnit } from './reorganisation-plan.js';

export async function recordCounts(q: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; n: number }>(
    `select u.id, (select count(*) from registration r where r.unit_path <@ u.path) as n from unit u where u.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export const KIND_SUMMARY: Record<Change['kind'], string> = {
  merge: 'Sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
  move: 'Chuyển cấp trên',
  abolish_level: 'Bỏ cấp',
};

/** What the plan does, change by change, in Vietnamese, with the records that follow each unit. */
export async function describePlan(q: Queryable, plan: ReorganisationPlan, scheduled: boolean): Promise<ReorganisationPreview> {
  const existing = (id: string) => !plan.units.get(id)!.isNew;
  const ids = new Set<string>();
  for (const l of plan.log) {
    l.closes.filter(existing).forEach((id) => ids.add(id));
    l.moves.filter((m) => existing(m.id)).forEach((m) => ids.add(m.id));
  }
  const counts = await recordCounts(q, [...ids]);
  const u = (id: string) => plan.units.get(id)!;
  // Names of parents outside the loaded units (a move's old parent is always loaded or the unit's own).
  const nameOf = (id: string | null) => (id ? (plan.units.get(id)?.name ?? null) : null);
  let closed = 0,
    opened = 0,
    moved = 0,
    renamed = 0,
    records = 0;
  const changes = plan.log.map((l) => {
    const closes = l.closes.map((id) => ({ id, code: u(id).origCode, name: u(id).origName, records: counts.get(id) ?? 0 }));
    const opens = l.opens.map((id) => ({ id: null, code: u(id).code, name: u(id).name, parentName: nameOf(u(id).parentId) ?? '' }));
    const moves = l.moves
      .map((m) => ({
        id: m.id,
        code: u(m.id).origCode,
        name: u(m.id).origName,
        records: u(m.id).isNew ? 0 : (counts.get(m.id) ?? 0),
        fromName: nameOf(m.fromId),
        toName: nameOf(m.toId) ?? '',
      }));
    const renames = l.renames.map((id) => ({ id, code: u(id).code, name: u(id).name, oldName: u(id).origName, oldCode: u(id).origCode }));
    closed += closes.length;
    opened += opens.length;
    moved += moves.filter((m) => !l.closes.includes(m.id!)).length;
    renamed += renames.length;
    records += closes.reduce((s, c) => s + c.records, 0);
    const parts: string[] = [];
    if (closes.length) parts.push(`đóng ${closes.map((c) => `"${c.name}"`).join(', ')}`);
    if (opens.length) parts.push(`thành lập ${opens.map((c) => `"${c.name}" (mã ${c.code}, thuộc ${c.parentName})`).join(', ')}`);
    const realMoves = moves.filter((m) => !l.closes.includes(m.id!));
    if (realMoves.length) parts.push(`chuyển ${realMoves.map((m) => `"${m.name}" về "${m.toName}"`).join(', ')}`);
    const nested = moves.filter((m) => l.closes.includes(m.id!));
    if (nested.length) parts.push(`hồ sơ của ${nested.map((m) => `"${m.name}" (${m.records} hồ sơ)`).join(', ')} theo về "${nested[0]!.toName}"`);
    if (renames.length) parts.push(renames.map((r) => `đổi tên "${r.oldName}" thành "${r.name}"${r.code !== r.oldCode ? `, mã ${r.oldCode} → ${r.code}` : ''}`).join('; '));
    return { seq: l.seq, kind: l.kind, summary: `${l.seq}. ${KIND_SUMMARY[l.kind]}: ${parts.join('; ')}.`, closes, opens, moves, renames };
  });
  const unitVersions: Record<string, number> = {};
  for (const s of plan.units.values()) if (!s.isNew) unitVersions[s.id] = s.version;
  return { effectiveDate: plan.effectiveDate, scheduled, changes, counts: { closed, opened, moved, renamed, records }, unitVersions };
}

/**
 * Re-roots subtrees: each [old, new] pair moves every path under `old` to under `new`; a path under
 * several pairs follows the deepest (a moved unit whose own child moved elsewhere). One statement for
 * the units and one per copy of a unit path, whatever the number of pairs.
 */
export async function rewritePaths(q: Queryable, pairs: [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  const olds = pairs.map((p) => p[0]);
  const news = pairs.map((p) => p[1]);
  const mapping = (table: string, column: string, key: string) => `
    with m as (select o::ltree as old, n::ltree as new from unnest($1::text[], $2::text[]) as x(o, n)),
    t as (
      select distinct on (x.${key}) x.${key} as k,
             case when x.${column} = m.old then m.new else m.new || subpath(x.${column}, nlevel(m.old)) end as np
        from m join ${table} x on x.${column} <@ m.old
       order by x.${key}, nlevel(m.old) desc
    )
    update ${table} set ${column} = t.np from t where ${table}.${key} = t.k`;
  await q.query(mapping('unit', 'path', 'id'), [olds, news]);
  for (const c of UNIT_PATH_COPIES) await q.query(mapping(c.table, c.column, 'ctid'), [olds, news]);
}

export interface ApplyResult {
  counts: ReorganisationPreview['counts'];
  /** The units created, by the `ref` their change gave them (or their code). */
  created: { ref: string | null; id: string; code: string; name: string }[];
}

/**
 * Applies a reorganisation in the caller's transaction: records it (or marks a scheduled one
 * applied), then writes the plan. The loader calls this directly for thousands of changes.
 */
export async function applyReorganisationIn(
  q: Queryable,
  reorg: ReorganisationHeader,
  changes: Change[],
  actorId: string | null,
  opts: { scopePath?: string; unitVersions?: Record<string, number> | undefined; plan?: ReorganisationPlan } = {},
): Promise<ApplyResult> {
  const plan = opts.plan ?? (await planReorganisation(q, reorg.effectiveDate, changes, { lock: true, scopePath: opts.scopePath ?? '', unitVersions: opts.unitVersions }));
  const preview = await describePlan(q, plan, false);
  const R = reorg.id;
  const eff = reorg.effectiveDate;
  const until = dayBefore(eff);
  const all = [...plan.units.values()];
  const existing = all.filter((u) => !u.isNew);
  const created = all.filter((u) => u.isNew);
  const closed = all.filter((u) => u.closedHere);
  const renamed = existing.filter((u) => u.renamed && !u.closedHere);
  const movedRoots = existing.filter((u) => u.parentId !== u.origParentId);

  await insertReorganisationRecord(q, reorg, changes, 'applied', actorId);

  // New units' labels, then every final path: a moved or new unit hangs under its final parent;
  // another unit follows its deepest moved ancestor.
  if (created.length > 0) {
    const { rows } = await q.query<{ seq: number }>(`select nextval(pg_get_serial_sequence('unit', 'seq')) as seq from generate_series(1, $1::int)`, [created.length]);
    created.forEach((u, i) => (u.seq = Number(rows[i]!.seq)));
  }
  const bySeq = new Map(existing.map((u) => [String(u.seq), u]));
  const movedSet = new Set(movedRoots.map((u) => u.id));
  const finalPaths = new Map<string, string>();
  const parentRows = new Map<string, string>();
  const missingParents = [...new Set(all.filter((u) => u.parentId && !plan.units.has(u.parentId)).map((u) => u.parentId!))];
  if (missingParents.length) {
    const { rows } = await q.query<{ id: string; path: string }>('select id, path::text as path from unit where id = any($1::uuid[])', [missingParents]);
    for (const r of rows) parentRows.set(r.id, r.path);
  }
  const finalPath = (u: SimUnit, depth = 0): string => {
    if (depth > 200) throw new AppError('UNIT_MOVE_CYCLE');
    const known = finalPaths.get(u.id);
    if (known) return known;
    let p: string;
    if (u.isNew || movedSet.has(u.id)) {
      const parent = u.parentId ? plan.units.get(u.parentId) : undefined;
      const base = parent ? finalPath(parent, depth + 1) : u.parentId ? followMoves(parentRows.get(u.parentId)!, depth) : null;
      p = base ? `${base}.${u.seq}` : String(u.seq);
    } else p = followMoves(u.origPath!, depth);
    finalPaths.set(u.id, p);
    return p;
  };
  /** An untouched path under a moved unit moves with it. */
  function followMoves(path: string, depth: number): string {
    const labels = path.split('.');
    for (let i = labels.length - 1; i >= 1; i--) {
      const anc = bySeq.get(labels[i - 1]!);
      if (anc && movedSet.has(anc.id) && anc.origPath === labels.slice(0, i).join('.')) {
        return `${finalPath(anc, depth + 1)}.${labels.slice(i).join('.')}`;
      }
    }
    return path;
  }
  const pairs: [string, string][] = movedRoots.map((u) => [u.origPath!, finalPath(u)]);

  // Units whose versions change: every unit of a moved subtree, the renamed, the closed.
  const affected = new Set<string>([...closed, ...renamed].map((u) => u.id));
  if (pairs.length > 0) {
    const { rows } = await q.query<{ id: string }>(
      `select distinct u.id from unnest($1::text[]) as m(old) join unit u on u.path <@ m.old::ltree`,
      [pairs.map((p) => p[0])],
    );
    for (const r of rows) affected.add(r.id);
  }
  const affectedIds = [...affected];

  // What undo needs: the units' rows and their open versions as they were.
  await q.query(
    `insert into reorganisation_unit (reorganisation_id, unit_id, created, before)
     select $1, u.id, false, jsonb_build_object('parent_id', u.parent_id, 'active', u.active, 'valid_to', u.valid_to, 'code', u.code,
              'name', u.name, 'name_key', u.name_key, 'kind', u.kind, 'level', u.level)
       from unit u where u.id = any($2::uuid[])`,
    [R, existing.map((u) => u.id)],
  );
  // A unit without any version yet (loaded before versions were kept) gets its first one.
  await q.query(
    `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
     select u.id, date '0001-01-01', u.valid_to, u.parent_id, u.path, u.code, u.name, u.kind, u.level
       from unit u where u.id = any($1::uuid[]) and not exists (select 1 from unit_version v where v.unit_id = u.id)`,
    [affectedIds],
  );
  await q.query(
    `insert into reorganisation_version_before (reorganisation_id, unit_id, valid_from, row)
     select $1, v.unit_id, v.valid_from, to_jsonb(v) from unit_version v where v.unit_id = any($2::uuid[]) and v.valid_to is null`,
    [R, affectedIds],
  );
  // Close the open versions the day before; one opened the same day is replaced.
  await q.query(
    `update unit_version set valid_to = $2::date where unit_id = any($1::uuid[]) and valid_to is null and valid_from <= $2::date`,
    [affectedIds, until],
  );
  await q.query(`delete from unit_version where unit_id = any($1::uuid[]) and valid_to is null and valid_from = $2::date`, [affectedIds, eff]);

  // Closures first (a closed unit's code is free for a new unit), then renames, new units, moves.
  if (closed.length) {
    await q.query(
      `update unit set active = false, valid_to = $2::date, version = version + 1, updated_at = now() where id = any($1::uuid[])`,
      [closed.map((u) => u.id), until],
    );
  }
  if (renamed.length) {
    await q.query(
      `update unit u set name = x.name, name_key = x.key, code = x.code, version = u.version + 1, updated_at = now()
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as x(id, name, key, code) where u.id = x.id`,
      [renamed.map((u) => u.id), renamed.map((u) => u.name), renamed.map((u) => foldVietnamese(u.name)), renamed.map((u) => u.code)],
    );
  }
  if (created.length) {
    await q.query(
      `insert into unit (id, seq, parent_id, path, code, name, name_key, kind, level, valid_from)
       overriding system value
       select x.id, x.seq, x.parent_id, x.path::ltree, x.code, x.name, x.name_key, x.kind, x.level, $9::date
         from unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $10::text[])
              as x(id, seq, parent_id, path, code, name, name_key, kind, level)`,
      [
        created.map((u) => u.id),
        created.map((u) => u.seq),
        created.map((u) => u.parentId),
        created.map((u) => finalPath(u)),
        created.map((u) => u.code),
        created.map((u) => u.name),
        created.map((u) => foldVietnamese(u.name)),
        created.map((u) => u.kind),
        eff,
        created.map((u) => u.level),
      ],
    );
    await q.query(
      `insert into reorganisation_unit (reorganisation_id, unit_id, created) select $1, id, true from unnest($2::uuid[]) as x(id)`,
      [R, created.map((u) => u.id)],
    );
  }
  // Moves last: a unit may move under a unit created above. New units already have their final paths.
  await rewritePaths(q, pairs);
  if (movedRoots.length) {
    await q.query(
      `update unit u set parent_id = x.p, version = u.version + 1, updated_at = now()
         from unnest($1::uuid[], $2::uuid[]) as x(id, p) where u.id = x.id`,
      [movedRoots.map((u) => u.id), movedRoots.map((u) => u.parentId)],
    );
  }
  // The new versions, from the effective date, of every affected unit still open and the new ones.
  await q.query(
    `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level, reorganisation_id)
     select u.id, $2::date, null, u.parent_id, u.path, u.code, u.name, u.kind, u.level, $3
       from unit u where u.id = any($1::uuid[]) and u.active and u.valid_to is null`,
    [[...affectedIds, ...created.map((u) => u.id)], eff, R],
  );
  if (plan.lineage.length) {
    const l = plan.lineage;
    await q.query(
      `insert into unit_lineage (predecessor_id, successor_id, effective_date, change_kind, reorganisation_id, share, keeps_code)
       select x.p, x.s, $6::date, x.k, $7, x.share, x.keeps
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::boolean[]) as x(p, s, k, share, keeps)`,
      [l.map((x) => x.predecessorId), l.map((x) => x.successorId), l.map((x) => x.kind), l.map((x) => x.share), l.map((x) => x.keepsCode), eff, R],
    );
  }
  await q.query(
    `update reorganisation_unit ru set version_after = u.version from unit u where ru.reorganisation_id = $1 and u.id = ru.unit_id`,
    [R],
  );
  await q.query(`update reorganisation set status = 'applied', applied_at = now(), moved = $2::jsonb, counts = $3::jsonb, last_error = null where id = $1`, [
    R,
    JSON.stringify(pairs),
    JSON.stringify(preview.counts),
  ]);
  const refOf = new Map<string, string>();
  for (const c of changes) {
    const specs: { ref?: string | undefined; code: string }[] = [];
    if (c.kind === 'merge' && 'new' in c.into) specs.push(c.into.new);
    if (c.kind === 'split') for (const t of c.into) if ('new' in t) specs.push(t.new);
    for (const s of specs) if (s.ref) refOf.set(s.code.trim(), s.ref);
  }
  return {
    counts: preview.counts,
    created: created.map((u) => ({ ref: refOf.get(u.code) ?? null, id: u.id, code: u.code, name: u.name })),
  };
}

/** Records the reorganisation and its changes (nothing moves): `scheduled`, or before applying. */
export async function insertReorganisationRecord(
  q: Queryable,
  reorg: ReorganisationHeader,
  changes: Change[],
  status: 'scheduled' | 'applied',
  actorId: string | null,
): Promise<void> {
  const { rowCount } = await q.query(
    `insert into reorganisation (id, effective_date, basis_number, basis_date, basis_issuer, note, status, change_count, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing`,
    [reorg.id, reorg.effectiveDate, reorg.basisNumber, reorg.basisDate, reorg.basisIssuer, reorg.note, status, changes.length, reorg.createdBy ?? actorId],
  );
  if (rowCount === 0) return; // a scheduled one being applied: its changes are stored already
  await q.query(
    `insert into reorganisation_change (reorganisation_id, seq, kind, spec)
     select $1, x.seq, x.kind, x.spec::jsonb from unnest($2::int[], $3::text[], $4::text[]) as x(seq, kind, spec)`,
    [reorg.id, changes.map((_, i) => i + 1), changes.map((c) => c.kind), changes.map((c) => JSON.stringify(c))],
  );
}
