/** All SQL about accounts and sessions. */
import type { Queryable } from './db.js';
import type { Sort, USER_SORTS } from '../domain/list-sort.js';
import { ROLES } from '../domain/roles.js';
import { orderBySql, positionSql } from './list-order.js';
import { escapeLike } from './units-repo.js';
import type { Role } from '../domain/roles.js';

export interface UserRow {
  id: string;
  username: string;
  full_name: string;
  position: string | null;
  password_hash: string;
  role: Role;
  active: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  version: number;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  entry_unit_id: string | null;
  entry_name: string | null;
  entry_path: string | null;
  /** False once the entry unit was closed (merged, split, abolished): its people read, but no longer write. */
  entry_active: boolean | null;
  view_unit_id: string;
  view_name: string;
  view_path: string;
}

const SELECT_USER = `select a.id, a.username, a.full_name, a.position, a.password_hash, a.role, a.active,
    a.must_change_password, a.last_login_at, a.version,
    a.unit_id, hu.name as unit_name, hu.path::text as unit_path,
    a.entry_unit_id, eu.name as entry_name, eu.path::text as entry_path, eu.active as entry_active,
    a.view_unit_id, vu.name as view_name, vu.path::text as view_path
  from app_user a
  join unit hu on hu.id = a.unit_id
  left join unit eu on eu.id = a.entry_unit_id
  join unit vu on vu.id = a.view_unit_id`;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(`${SELECT_USER} where lower(a.username) = lower($1)`, [username]);
  return rows[0] ?? null;
}

/** A user is "in scope" when their home unit lies in the given subtree. */
export async function findUserInScope(q: Queryable, id: string, scopePath: string, lock = false): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(
    `${SELECT_USER} where a.id = $1 and hu.path <@ $2::ltree${lock ? ' for update of a' : ''}`,
    [id, scopePath],
  );
  return rows[0] ?? null;
}

/** The columns the account list sorts by (a small table: no index of their own). */
const USER_ORDER = {
  username: 'lower(a.username)',
  name: 'unaccent(lower(a.full_name))',
  unit: 'hu.name_key',
  role: positionSql('a.role', ROLES),
};

export async function listUsersInScope(
  q: Queryable,
  scopePath: string,
  search: string | undefined,
  limit: number,
  offset: number,
  sort: Sort<(typeof USER_SORTS)[number]> = { key: 'username', desc: false },
) {
  const params: unknown[] = [scopePath];
  let where = 'hu.path <@ $1::ltree';
  if (search) {
    params.push(`%${escapeLike(search)}%`);
    where += ` and (lower(a.username) like $2 or lower(a.full_name) like $2 or unaccent(lower(a.full_name)) like $2)`;
  }
  const total = (await q.query<{ n: number }>(
    `select count(*) as n from app_user a join unit hu on hu.id = a.unit_id where ${where}`, params,
  )).rows[0]!.n;
  params.push(limit, offset);
  const { rows } = await q.query<UserRow>(
    `${SELECT_USER} where ${where} order by ${orderBySql(sort, USER_ORDER, 'a.id')} limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

export interface NewUser {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  passwordHash: string;
  role: Role;
  unitId: string;
  entryUnitId: string | null;
  viewUnitId: string;
  mustChangePassword: boolean;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<void> {
  await q.query(
    `insert into app_user (id, username, full_name, position, password_hash, role, unit_id, entry_unit_id, view_unit_id, must_change_password)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [u.id, u.username, u.fullName, u.position, u.passwordHash, u.role, u.unitId, u.entryUnitId, u.viewUnitId, u.mustChangePassword],
  );
}

export interface UserChanges {
  full_name?: string;
  position?: string | null;
  role?: Role;
  unit_id?: string;
  entry_unit_id?: string | null;
  view_unit_id?: string;
  active?: boolean;
  password_hash?: string;
  must_change_password?: boolean;
}

export async function updateUserRow(q: Queryable, id: string, version: number | null, changes: UserChanges): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [column, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  let where = 'id = $1';
  if (version !== null) {
    params.push(version);
    where += ` and version = $${params.length}`;
  }
  const r = await q.query(
    `update app_user set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} where ${where}`,
    params,
  );
  return r.rowCount === 1;
}

// ---------- sessions ----------
export async function insertSession(q: Queryable, s: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null }) {
  await q.query(
    `insert into user_session (token_hash, user_id, expires_at, ip, user_agent) values ($1, $2, $3, $4, $5)`,
    [s.tokenHash, s.userId, s.expiresAt, s.ip, s.userAgent],
  );
}

export async function findSessionUser(q: Queryable, tokenHash: string): Promise<(UserRow & { expires_at: Date; last_seen_at: Date }) | null> {
  const { rows } = await q.query<UserRow & { expires_at: Date; last_seen_at: Date }>(
    `select s.expires_at, s.last_seen_at, u.* from user_session s
       join lateral (${SELECT_USER} where a.id = s.user_id) u on true
      where s.token_hash = $1 and s.expires_at > now()`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function touchSession(q: Queryable, tokenHash: string, expiresAt: Date) {
  await q.query('update user_session set last_seen_at = now(), expires_at = $2 where token_hash = $1', [tokenHash, expiresAt]);
}

export async function deleteSession(q: Queryable, tokenHash: string) {
  await q.query('delete from user_session where token_hash = $1', [tokenHash]);
}

export async function deleteUserSessions(q: Queryable, userId: string, exceptTokenHash: string | null = null) {
  await q.query('delete from user_session where user_id = $1 and token_hash is distinct from $2', [userId, exceptTokenHash]);
}

// ---------- sign-in attempts ----------
export async function recordLoginAttempt(q: Queryable, username: string, ip: string, success: boolean) {
  await q.query('insert into login_attempt (username, ip, success) values (lower($1), $2, $3)', [username, ip, success]);
}

export async function stampLastLogin(q: Queryable, userId: string) {
  await q.query('update app_user set last_login_at = now() where id = $1', [userId]);
}
