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
import { AppError, notFound } from '../domain/errors.js';
import { defaultLevelOf, type Change, type UnitRef } from '../domain/reorganisation-schemas.js';
import { tidyName } from '../domain/text.js';

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

export interface SimUnit {
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

export interface UnitDbRow {
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

export interface LineageWrite {
  predecessorId: string;
  successorId: string;
  kind: string;
  share: number | null;
  keepsCode: boolean;
}

export interface ChangeLog {
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

export const COLS = 'id, seq, path::text as path, parent_id, code, name, kind, level, active, version';

export function dayBefore(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function simOf(r: UnitDbRow): SimUnit {
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
export function namedIds(changes: Change[]): { all: Set<string>; closing: Set<string>; abolished: Set<string> } {
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

export async function loadUnits(q: Queryable, ids: string[], lock: boolean, scopePath: string): Promise<UnitDbRow[]> {
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
