/**
 * All SQL of notifications: the outbox row of an event, its fan-out to the people the policy names
 * (set-based: one `insert … select` per audience), the e-mails and webhook calls it queues, and
 * each user's list. Deliveries are claimed with `for update skip locked` under a lease, so that two
 * app instances never send the same one.
 */
import type { Queryable } from './db.js';
import type { Role } from '../domain/roles.js';
import type { EventKind } from '../domain/audiences.js';
import type { NotifiedEntity } from '../domain/notifications.js';

export interface OutboxInput {
  kind: EventKind;
  entityType: NotifiedEntity;
  entityId: string;
  unitPath: string;
  label: string;
  reason: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
}

export async function insertOutbox(q: Queryable, e: OutboxInput, at?: Date): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `insert into outbox (kind, entity_type, entity_id, unit_path, label, reason, actor_id, data, created_at)
     values ($1, $2, $3, $4::ltree, $5, $6, $7, $8, coalesce($9::timestamptz, now())) returning id`,
    [e.kind, e.entityType, e.entityId, e.unitPath, e.label, e.reason, e.actorId, JSON.stringify(e.data), at ?? null],
  );
  return rows[0]!.id;
}

/** Accounts told, common to every audience: active, of a told role, with the record in their view, not the actor. */
const TOLD = `a.active and a.role = any($3::text[]) and $4::ltree <@ vu.path and a.id is distinct from $5::uuid`;

export interface RuleAudience {
  /** Where the rule's scope is checked (the record's unit or its round). */
  place: string;
  roles: readonly Role[];
  scope: 'view' | 'entry' | 'entry_below';
  ownUnit: boolean;
  /** Leave out the members who already voted on this candidate. */
  notVotedOn: { roundId: string; registrationId: string } | null;
}

/** Everyone the rule lets act at the place (inside the record's view): one insert … select. */
export async function fanOutRule(
  q: Queryable,
  outboxId: number,
  recordPath: string,
  actorId: string | null,
  a: RuleAudience,
  at?: Date,
): Promise<number> {
  const scope =
    a.scope === 'view'
      ? '$2::ltree <@ vu.path'
      : a.scope === 'entry'
        ? '$2::ltree <@ eu.path'
        : '$2::ltree <@ eu.path and eu.path <> $2::ltree';
  const params: unknown[] = [outboxId, a.place, a.roles, recordPath, actorId, at ?? null];
  let extra = '';
  if (a.ownUnit) extra += ' and eu.path = $2::ltree';
  if (a.notVotedOn) {
    params.push(a.notVotedOn.roundId, a.notVotedOn.registrationId);
    extra += ` and not exists (select 1 from recognition_vote v where v.round_id = $7 and v.registration_id = $8 and v.voter_id = a.id)`;
  }
  const r = await q.query(
    `insert into notification (outbox_id, user_id, created_at)
     select $1, a.id, coalesce($6::timestamptz, now())
       from app_user a
       join unit vu on vu.id = a.view_unit_id
       ${a.scope === 'view' ? 'left ' : ''}join unit eu on eu.id = a.entry_unit_id
      where ${TOLD} and ${scope}${extra}
     on conflict (outbox_id, user_id) do nothing`,
    params,
  );
  return r.rowCount ?? 0;
}

/** The named people (registrant, supporter, proposer), when they still see the record. */
export async function fanOutPersons(
  q: Queryable,
  outboxId: number,
  recordPath: string,
  actorId: string | null,
  roles: readonly Role[],
  ids: readonly string[],
  at?: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await q.query(
    `insert into notification (outbox_id, user_id, created_at)
     select $1, a.id, coalesce($6::timestamptz, now())
       from app_user a
       join unit vu on vu.id = a.view_unit_id
      where a.id = any($2::uuid[]) and ${TOLD}
     on conflict (outbox_id, user_id) do nothing`,
    [outboxId, ids, roles, recordPath, actorId, at ?? null],
  );
  return r.rowCount ?? 0;
}

/** A campaign is seen from below as well as from above (as on its own page). */
const TOLD_BELOW = `a.active and a.role = any($3::text[]) and ($4::ltree <@ vu.path or vu.path <@ $4::ltree) and a.id is distinct from $5::uuid`;

/** Every account whose own unit lies in the record's subtree (the unit path index finds them). */
export async function fanOutUnitsBelow(
  q: Queryable,
  outboxId: number,
  recordPath: string,
  actorId: string | null,
  roles: readonly Role[],
  at?: Date,
): Promise<number> {
  const r = await q.query(
    `insert into notification (outbox_id, user_id, created_at)
     select $1, a.id, coalesce($6::timestamptz, now())
       from unit hu
       join app_user a on a.unit_id = hu.id
       join unit vu on vu.id = a.view_unit_id
      where hu.path <@ $2::ltree and ${TOLD_BELOW}
     on conflict (outbox_id, user_id) do nothing`,
    [outboxId, recordPath, roles, recordPath, actorId, at ?? null],
  );
  return r.rowCount ?? 0;
}

/** One message per event for those who asked for it and gave an address. */
export async function queueImmediateMails(q: Queryable, outboxId: number, at?: Date): Promise<number> {
  const r = await q.query(
    `insert into mail_delivery (user_id, notification_id, to_address, next_attempt_at)
     select n.user_id, n.id, a.email, coalesce($2::timestamptz, now())
       from notification n join app_user a on a.id = n.user_id
      where n.outbox_id = $1 and a.mail_mode = 'immediate' and a.email is not null
     on conflict do nothing`,
    [outboxId, at ?? null],
  );
  return r.rowCount ?? 0;
}

/** A call to each active webhook of the record's unit or a unit above it. */
export async function queueWebhookCalls(q: Queryable, outboxId: number, recordPath: string, at?: Date): Promise<number> {
  const r = await q.query(
    `insert into webhook_delivery (webhook_id, outbox_id, next_attempt_at)
     select w.id, $1, coalesce($3::timestamptz, now()) from webhook w where w.active and $2::ltree <@ w.unit_path
     on conflict do nothing`,
    [outboxId, recordPath, at ?? null],
  );
  return r.rowCount ?? 0;
}

// --- one user's notifications ----------------------------------------------------------------

export interface NotificationRow {
  id: number;
  created_at: Date;
  read_at: Date | null;
  kind: EventKind;
  entity_type: NotifiedEntity;
  entity_id: string;
  label: string;
  reason: string | null;
  data: Record<string, unknown>;
}

const NOTIFICATION_COLUMNS = `n.id, n.created_at, n.read_at, o.kind, o.entity_type, o.entity_id, o.label, o.reason, o.data`;

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('select count(*) as n from notification where user_id = $1 and read_at is null', [userId]);
  return rows[0]!.n;
}

export async function listNotificationRows(
  q: Queryable,
  userId: string,
  unreadOnly: boolean,
  limit: number,
  offset: number,
): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = `n.user_id = $1${unreadOnly ? ' and n.read_at is null' : ''}`;
  const total = (await q.query<{ n: number }>(`select count(*) as n from notification n where ${where}`, [userId])).rows[0]!.n;
  const { rows } = await q.query<NotificationRow>(
    `select ${NOTIFICATION_COLUMNS} from notification n join outbox o on o.id = n.outbox_id
      where ${where} order by n.id desc limit $2 offset $3`,
    [userId, limit, offset],
  );
  return { rows, total };
}

export async function findOwnNotification(q: Queryable, userId: string, id: number): Promise<NotificationRow | null> {
  const { rows } = await q.query<NotificationRow>(
    `select ${NOTIFICATION_COLUMNS} from notification n join outbox o on o.id = n.outbox_id where n.user_id = $1 and n.id = $2`,
    [userId, id],
  );
  return rows[0] ?? null;
}

export async function markRead(q: Queryable, userId: string, id: number): Promise<void> {
  await q.query('update notification set read_at = now() where user_id = $1 and id = $2 and read_at is null', [userId, id]);
}

export async function markAllRead(q: Queryable, userId: string): Promise<number> {
  const r = await q.query('update notification set read_at = now() where user_id = $1 and read_at is null', [userId]);
  return r.rowCount ?? 0;
}

// --- mail settings and failed addresses ------------------------------------------------------

export interface MailSettingsRow {
  email: string | null;
  mail_mode: 'immediate' | 'digest' | 'off';
}

export async function findMailSettings(q: Queryable, userId: string): Promise<MailSettingsRow> {
  const { rows } = await q.query<MailSettingsRow>('select email, mail_mode from app_user where id = $1', [userId]);
  return rows[0]!;
}

/** A new address clears the failure recorded for the old one. */
export async function updateMailSettings(q: Queryable, userId: string, s: { email: string | null; mailMode: string }): Promise<void> {
  await q.query(
    `update app_user set mail_mode = $3,
        mail_failed_at = case when email is distinct from $2 then null else mail_failed_at end,
        mail_failure = case when email is distinct from $2 then null else mail_failure end,
        email = $2
      where id = $1`,
    [userId, s.email, s.mailMode],
  );
}

export interface MailFailureRow {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  mail_failed_at: Date;
  mail_failure: string | null;
}

/** Accounts (home unit in the scope) whose last delivery failed for good. */
export async function listMailFailures(q: Queryable, scopePath: string): Promise<MailFailureRow[]> {
  const { rows } = await q.query<MailFailureRow>(
    `select a.id, a.username, a.full_name, a.email, a.mail_failed_at, a.mail_failure
       from app_user a join unit hu on hu.id = a.unit_id
      where a.mail_failed_at is not null and hu.path <@ $1::ltree
      order by a.mail_failed_at desc, a.id limit 500`,
    [scopePath],
  );
  return rows;
}
