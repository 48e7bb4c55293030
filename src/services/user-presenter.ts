import type { UserRow } from '../data/users-repo.js';
import { allowedActions, type Actor } from '../domain/policy.js';
import type { User } from '../domain/schemas.js';
import type { SessionActor } from './context.js';

export function actorOf(u: UserRow): SessionActor {
  // People of a closed unit keep reading its records (their view follows the unit, nested under its
  // successor) but no longer register or edit anything: their entry scope is gone with the unit.
  const entryPath = u.entry_active === false ? null : u.entry_path;
  return { id: u.id, role: u.role, entryPath, viewPath: u.view_path, name: u.full_name, username: u.username };
}

export function presentUser(actor: Actor, u: UserRow): User {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    position: u.position,
    unit: { id: u.unit_id, name: u.unit_name, path: u.unit_path },
    entryScope: u.entry_unit_id ? { id: u.entry_unit_id, name: u.entry_name!, path: u.entry_path! } : null,
    viewScope: { id: u.view_unit_id, name: u.view_name, path: u.view_path },
    active: u.active,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
    version: u.version,
    actions: allowedActions(actor, 'user', { path: u.unit_path }).filter((a) => a !== 'view' && a !== 'create'),
  };
}

/** The snapshot of an account kept in the audit log: never the password hash. */
export function userAuditSnapshot(u: UserRow) {
  return {
    username: u.username,
    fullName: u.full_name,
    position: u.position,
    role: u.role,
    unitId: u.unit_id,
    entryUnitId: u.entry_unit_id,
    viewUnitId: u.view_unit_id,
    active: u.active,
  };
}
