/**
 * The reorganisation engine: applies merges, splits, renames, moves and abolished levels to the unit
 * tree in the caller's transaction, keeping the model of time (docs/ARCHITECTURE.md, "Reorganisations
 * and the model of time"):
 *
 * 1. plan — load every named unit (locked `for update` when applying) and the active children of
 *    the units that close, then replay the changes in order on that small in-memory copy of the tree
 *    and check the end state (no active unit under a closed one, codes unique among open units,
 *    no unit closed twice, no date before a unit's last change);
 * 2. write — set-based: one statement per kind of write whatever the number of changes (the 2025
 *    reform's thousands of changes run as a few dozen statements), so the loader can apply it all in
 *    one transaction.
 *
 * What it changed is recorded beside it (`reorganisation_unit`, `reorganisation_version_before`,
 * `reorganisation.moved`) so that `undoReorganisationIn` puts the tree back exactly.
 */
import type { Queryable } from './db.js';
import { UNIT_PATH_COPIES } from './unit-path-copies.js';
import { AppError, notFound } from '../domain/errors.js';
import { defaultLevelOf, type Change, type ReorganisationPreview, type UnitRef } from '../domain/reorganisation-schemas.js';
import { foldVietnamese, tidyName } from '../domain/text.js';

export interface ReorganisationHeader {
  id: string;
  effectiveDate: string;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  note: string | null;
  createdBy: string | null;
}

export interface PlanOptions {
  /** Lock the units `for update` (applying) or only read them (preview). */
  lock: boolean;
  /** Units outside this subtree are "not found" ('' = anywhere). */
  scopePath: string;
  /** The versions the preview saw: a unit changed since is a conflict. */
  unitVersions?: Record<string, number> | undefined;
}

interface SimUnit {
  id: string;
  seq: number | null;
  origPath: string | null;
  origParentId: string | null;
  parentId: string | null;
  code: string;
  origCode: string;
  name: string;
  origName: string;
  kind: string;
  level: string;
  active: boolean;
  version: number;
  isNew: boolean;
  closedHere: boolean;
  renamed: boolean;
}

interface UnitDbRow {
  id: string;
  seq: number;
  path: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  level: string;
  active: boolean;
  version: number;
}

interface LineageWrite {
  predecessorId: string;
  successorId: string;
  kind: string;
  share: number | null;
  keepsCode: boolean;
}

interface ChangeLog {
  seq: number;
  kind: Change['kind'];
  closes: string[];
  opens: string[];
  moves: { id: string; fromId: string | null; toId: string }[];
  renames: string[];
}

export interface ReorganisationPlan {
  effectiveDate: string;
  units: Map<string, SimUnit>;
  lineage: LineageWrite[];
  log: ChangeLog[];
  /** Paths of every existing unit a change names or moves (for the policy check). */
  touchedPaths: string[];
}

const COLS = 'id, seq, path::text as path, parent_id, code, name, kind, level, active, version';

function dayBefore(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function simOf(r: UnitDbRow): SimUnit {
  return {
    id: r.id,
    seq: r.seq,
    origPath: r.path,
    origParentId: r.parent_id,
    parentId: r.parent_id,
    code: r.code,
    origCode: r.code,
    name: r.name,
    origName: r.name,
    kind: r.kind,
    level: r.level,
    active: r.active,
    version: r.version,
    isNew: false,
    closedHere: false,
    renamed: false,
  };
}

/** Every unit id a change names directly. */
function namedIds(changes: Change[]): { all: Set<string>; closing: Set<string>; abolished: Set<string> } {
  const all = new Set<string>();
  const closing = new Set<string>();
  const abolished = new Set<string>();
  const add = (r: UnitRef | { new: unknown } | undefined, set?: Set<string>) => {
    if (r && 'unitId' in r) {
      all.add(r.unitId);
      set?.add(r.unitId);
    }
    if (r && 'new' in r) add((r.new as { parent: UnitRef }).parent);
  };
  for (const c of changes) {
    switch (c.kind) {
      case 'merge':
        c.from.forEach((f) => add(f, closing));
        add(c.into);
        break;
      case 'split':
        add(c.from, closing);
        c.into.forEach((t) => add(t));
        break;
      case 'rename':
        add(c.unit);
        break;
      case 'move':
        add(c.unit);
        add(c.parent);
        break;
      case 'abolish_level':
        add(c.unit, closing);
        add(c.unit, abolished);
        add(c.childrenTo);
        break;
    }
  }
  return { all, closing, abolished };
}

async function loadUnits(q: Queryable, ids: string[], lock: boolean, scopePath: string): Promise<UnitDbRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<UnitDbRow>(
    `select ${COLS} from unit where id = any($1::uuid[]) and path <@ $2::ltree order by id${lock ? ' for update' : ''}`,
    [ids, scopePath],
  );
  return rows;
}

/**
 * Replays the changes on an in-memory copy of the part of the tree they touch and checks the end
 * state. Throws the refusal a user can act on; writes nothing.
 */
export async function planReorganisation(q: Queryable, effectiveDate: string, changes: Change[], opts: PlanOptions): Promise<ReorganisationPlan> {
  const named = namedIds(changes);
  const units = new Map<string, SimUnit>();
  const first = await loadUnits(q, [...named.all], opts.lock, opts.scopePath);
  if (first.length !== named.all.size) throw notFound('unit');
  for (const r of first) units.set(r.id, simOf(r));
  // The parents of abolished units receive their children by default.
  const parentIds = [...named.abolished].map((id) => units.get(id)!.parentId).filter((p): p is string => !!p && !units.has(p));
  for (const r of await loadUnits(q, [...new Set(parentIds)], opts.lock, opts.scopePath)) units.set(r.id, simOf(r));
  // The active children of the units that close: they move (merge, abolish) or must be moved (split).
  const children = new Map<string, Set<string>>();
  const link = (parentId: string | null, id: string) => {
    if (!parentId) return;
    let set = children.get(parentId);
    if (!set) children.set(parentId, (set = new Set()));
    set.add(id);
  };
  if (named.closing.size > 0) {
    const { rows } = await q.query<UnitDbRow>(
      `select ${COLS} from unit where parent_id = any($1::uuid[]) and active order by id${opts.lock ? ' for update' : ''}`,
      [[...named.closing]],
    );
    for (const r of rows) if (!units.has(r.id)) units.set(r.id, simOf(r));
  }
  for (const u of units.values()) if (u.active) link(u.parentId, u.id);

  for (const u of first) {
    const seen = opts.unitVersions?.[u.id];
    if (seen !== undefined && seen !== u.version) throw new AppError('REORGANISATION_CONFLICT', { name: u.name });
  }

  const refs = new Map<string, SimUnit>();
  const lineage: LineageWrite[] = [];
  const log: ChangeLog[] = [];

  const setParent = (u: SimUnit, parentId: string, entry: ChangeLog) => {
    if (u.parentId === parentId) return;
    const from = u.parentId;
    if (from) children.get(from)?.delete(u.id);
    u.parentId = parentId;
    if (u.active) link(parentId, u.id);
    entry.moves.push({ id: u.id, fromId: from, toId: parentId });
  };

  /** Whether `anc` is `u` or one of its ancestors in the tree as replayed so far. */
  const isAncestorOrSelf = (anc: SimUnit, u: SimUnit): boolean => {
    let cur: SimUnit | undefined = u;
    for (let guard = 0; cur && guard < 1000; guard++) {
      if (cur.id === anc.id) return true;
      if (!cur.parentId) return false;
      const next = units.get(cur.parentId);
      if (next) {
        cur = next;
        continue;
      }
      // A parent outside the loaded units has not moved: its ancestors are its path's labels.
      if (!cur.origPath || cur.parentId !== cur.origParentId || anc.seq === null) return false;
      const labels = cur.origPath.split('.').slice(0, -1);
      if (labels.includes(String(anc.seq))) return true;
      return false;
    }
    return true;
  };

  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const seq = i + 1;
    const entry: ChangeLog = { seq, kind: change.kind, closes: [], opens: [], moves: [], renames: [] };
    log.push(entry);

    const resolve = (r: UnitRef, role: 'subject' | 'target'): SimUnit => {
      let u: SimUnit | undefined;
      if ('unitId' in r) u = units.get(r.unitId);
      else {
        u = refs.get(r.ref);
        if (!u) throw new AppError('REORGANISATION_REF_UNKNOWN', { seq, ref: r.ref });
      }
      if (!u) throw notFound('unit');
      if (!u.active) {
        if (u.closedHere) throw new AppError(role === 'subject' ? 'REORGANISATION_CLOSED_TWICE' : 'REORGANISATION_CLOSED_TARGET', { name: u.name });
        throw new AppError('REORGANISATION_CONFLICT', { name: u.name });
      }
      return u;
    };
    const create = (spec: { ref?: string | undefined; code: string; name: string; kind: string; level?: string | undefined; parent: UnitRef }): SimUnit => {
      const parent = resolve(spec.parent, 'target');
      if (spec.ref && refs.has(spec.ref)) throw new AppError('REORGANISATION_REF_DUPLICATE', { ref: spec.ref });
      const name = tidyName(spec.name);
      const u: SimUnit = {
        id: crypto.randomUUID(),
        seq: null,
        origPath: null,
        origParentId: null,
        parentId: parent.id,
        code: spec.code.trim(),
        origCode: spec.code.trim(),
        name,
        origName: name,
        kind: spec.kind,
        level: spec.level ?? defaultLevelOf(spec.kind),
        active: true,
        version: 1,
        isNew: true,
        closedHere: false,
        renamed: false,
      };
      units.set(u.id, u);
      link(parent.id, u.id);
      if (spec.ref) refs.set(spec.ref, u);
      entry.opens.push(u.id);
      return u;
    };
    const target = (t: UnitRef | { new: Parameters<typeof create>[0] }): SimUnit => ('new' in t ? create(t.new) : resolve(t, 'target'));
    const close = (u: SimUnit) => {
      if (u.closedHere) throw new AppError('REORGANISATION_CLOSED_TWICE', { name: u.name });
      u.active = false;
      u.closedHere = true;
      if (u.parentId) children.get(u.parentId)?.delete(u.id);
      entry.closes.push(u.id);
    };
    /** The active children of `u` that this reorganisation does not close move to `to`. */
    const moveChildren = (u: SimUnit, to: SimUnit) => {
      for (const cid of [...(children.get(u.id) ?? [])]) {
        const c = units.get(cid)!;
        if (!c.active || named.closing.has(c.id)) continue;
        setParent(c, to.id, entry);
      }
    };

    switch (change.kind) {
      case 'merge': {
        const into = target(change.into);
        for (const ref of change.from) {
          const f = resolve(ref, 'subject');
          if (f.id === into.id || isAncestorOrSelf(f, into)) throw new AppError('REORGANISATION_SAME_UNIT', { seq, name: f.name });
          moveChildren(f, into);
          close(f);
          setParent(f, into.id, entry);
          lineage.push({ predecessorId: f.id, successorId: into.id, kind: 'merge', share: null, keepsCode: into.code === f.code });
        }
        break;
      }
      case 'split': {
        const f = resolve(change.from, 'subject');
        const parts = change.into.map((t) => ({ unit: target(t), share: t.share ?? null, keepsCode: t.keepsCode ?? false }));
        for (const p of parts) {
          if (p.unit.id === f.id || isAncestorOrSelf(f, p.unit)) throw new AppError('REORGANISATION_SAME_UNIT', { seq, name: f.name });
        }
        close(f);
        const nest =
          parts.find((p) => p.keepsCode) ??
          [...parts].filter((p) => p.share !== null).sort((a, b) => (b.share ?? 0) - (a.share ?? 0))[0] ??
          parts[0]!;
        setParent(f, nest.unit.id, entry);
        for (const p of parts) {
          lineage.push({ predecessorId: f.id, successorId: p.unit.id, kind: 'split', share: p.share, keepsCode: p.keepsCode });
        }
        break;
      }
      case 'rename': {
        const u = resolve(change.unit, 'subject');
        u.name = tidyName(change.name);
        if (change.code) u.code = change.code.trim();
        u.renamed = true;
        entry.renames.push(u.id);
        break;
      }
      case 'move': {
        const u = resolve(change.unit, 'subject');
        const p = resolve(change.parent, 'target');
        if (isAncestorOrSelf(u, p)) throw new AppError('UNIT_MOVE_CYCLE');
        setParent(u, p.id, entry);
        break;
      }
      case 'abolish_level': {
        const u = resolve(change.unit, 'subject');
        const to = change.childrenTo ? resolve(change.childrenTo, 'target') : u.parentId ? units.get(u.parentId) : undefined;
        if (!to) throw new AppError('REORGANISATION_SAME_UNIT', { seq, name: u.name });
        if (isAncestorOrSelf(u, to)) throw new AppError('REORGANISATION_SAME_UNIT', { seq, name: u.name });
        if (!to.active) throw new AppError(to.closedHere ? 'REORGANISATION_CLOSED_TARGET' : 'REORGANISATION_CONFLICT', { name: to.name });
        moveChildren(u, to);
        close(u);
        lineage.push({ predecessorId: u.id, successorId: to.id, kind: 'abolish_level', share: null, keepsCode: false });
        break;
      }
    }
  }

  // End state: no active unit left under a closed one.
  const orphans: string[] = [];
  for (const u of units.values()) {
    if (!u.active || !u.parentId) continue;
    const p = units.get(u.parentId);
    if (p && !p.active) orphans.push(`"${u.name}" (dưới "${p.name}")`);
  }
  if (orphans.length > 0) throw new AppError('REORGANISATION_ORPHANS', { units: orphans.slice(0, 20).join(', ') + (orphans.length > 20 ? ` và ${orphans.length - 20} đơn vị khác` : '') });

  // Codes: unique among the units open afterwards.
  const finalCodes = new Map<string, SimUnit>();
  for (const u of units.values()) {
    if (!u.active || (!u.isNew && u.code === u.origCode)) continue;
    const other = finalCodes.get(u.code);
    if (other) throw new AppError('UNIT_CODE_TAKEN', { code: u.code });
    finalCodes.set(u.code, u);
  }
  if (finalCodes.size > 0) {
    const { rows } = await q.query<{ id: string; code: string }>('select id, code from unit where code = any($1::text[]) and valid_to is null', [
      [...finalCodes.keys()],
    ]);
    for (const r of rows) {
      const holder = units.get(r.id);
      // Free when its holder closes or takes another code in this reorganisation.
      if (holder && (!holder.active || holder.code !== r.code)) continue;
      if (holder && finalCodes.get(r.code) === holder) continue;
      throw new AppError('UNIT_CODE_TAKEN', { code: r.code });
    }
  }

  // A date before a unit's last change would rewrite history that later changes stand on.
  const existingIds = [...units.values()].filter((u) => !u.isNew && (u.closedHere || u.renamed || u.parentId !== u.origParentId)).map((u) => u.id);
  if (existingIds.length > 0) {
    const { rows } = await q.query<{ unit_id: string; valid_from: string }>(
      `select unit_id, valid_from from unit_version where unit_id = any($1::uuid[]) and valid_to is null and valid_from > $2::date limit 1`,
      [existingIds, effectiveDate],
    );
    if (rows[0]) throw new AppError('REORGANISATION_DATE_BEFORE', { date: effectiveDate, since: rows[0].valid_from, name: units.get(rows[0].unit_id)!.name });
  }
  const touchedPaths = [...units.values()].filter((u) => !u.isNew && u.origPath).map((u) => u.origPath!);
  return { effectiveDate, units, lineage, log, touchedPaths };
}

/** Registrations registered by each unit and the units under it. */
async function recordCounts(q: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; n: number }>(
    `select u.id, (select count(*) from registration r where r.unit_path <@ u.path) as n from unit u where u.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

const KIND_SUMMARY: Record<Change['kind'], string> = {
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
async function rewritePaths(q: Queryable, pairs: [string, string][]): Promise<void> {
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
