import type { UnitRow } from '../data/units-repo.js';
import type { Unit, UnitListItem } from '../domain/schemas.js';
import { allowedActions, type Actor } from '../domain/policy.js';

export function presentUnitSummary(r: UnitRow) {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    level: r.level,
    active: r.active,
    childCount: r.child_count,
    path: r.path,
  };
}

export function unitActions(actor: Actor, r: UnitRow): string[] {
  // Reorganising is its own screen, with a legal basis: not a button on one unit.
  const actions = allowedActions(actor, 'unit', { path: r.path }).filter((a) => a !== 'view' && a !== 'reorganise');
  // State decides which of a pair applies; the policy decides whether the actor may at all.
  return actions.filter((a) => {
    if (a === 'deactivate' || a === 'move' || a === 'create_child') return r.active;
    if (a === 'reactivate') return !r.active;
    return true;
  });
}

export function presentUnit(
  actor: Actor,
  r: UnitRow,
  ancestors: { id: string; name: string }[],
  predecessorIds: string[],
  history: Unit['history'],
): Unit {
  return {
    ...presentUnitSummary(r),
    address: r.address,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    predecessorIds,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    ancestors,
    actions: unitActions(actor, r),
    history,
  };
}

export function presentUnitListItem(actor: Actor, r: UnitRow, trail: string): UnitListItem {
  return { ...presentUnitSummary(r), trail, actions: unitActions(actor, r) };
}

/** The snapshot of a unit kept in the audit log. */
export function auditSnapshot(r: UnitRow) {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    level: r.level,
    address: r.address,
    active: r.active,
    parentId: r.parent_id,
    path: r.path,
    validTo: r.valid_to,
  };
}
