/**
 * `notify(q, event)`: the one call a service makes, inside its own transaction, when something
 * happens that others must act on or should know. It writes the event's outbox row and, set-based,
 * the notification of every recipient the policy names (`EVENT_AUDIENCES`), the e-mails of those
 * who want one per event and the calls of the webhooks above the record. All of it commits with the
 * change or not at all; the jobs deliver the e-mails and webhook calls after the commit.
 */
import type { Queryable } from '../../data/db.js';
import {
  fanOutPersons,
  fanOutRule,
  fanOutUnitsBelow,
  insertOutbox,
  queueImmediateMails,
  queueWebhookCalls,
} from '../../data/notifications-repo.js';
import type { NotifiedEntity } from '../../domain/notifications.js';
import { audienceRule, EVENT_AUDIENCES, NOTIFIED_ROLES, type Audience, type EventKind } from '../../domain/audiences.js';

export interface NotifyEvent {
  kind: EventKind;
  entityType: NotifiedEntity;
  entityId: string;
  /** The unit path of the record (a registration's unit, a campaign's launching unit…). */
  path: string;
  /** For a candidate: its round's unit path, round and registration. */
  round?: { path: string; id: string; registrationId: string };
  label: string;
  reason?: string | null;
  /** Who caused it (not told); null for the scheduler. */
  actorId: string | null;
  persons?: Partial<Record<'registrant' | 'supporter' | 'proposer', string | null>>;
  data?: Record<string, unknown>;
  /** The event's time when a job with its own clock writes it. */
  at?: Date;
}

/** Writes the event and its recipients; answers the outbox id and how many were told. */
export async function notify(q: Queryable, e: NotifyEvent): Promise<{ outboxId: number; recipients: number }> {
  const outboxId = await insertOutbox(
    q,
    {
      kind: e.kind,
      entityType: e.entityType,
      entityId: e.entityId,
      unitPath: e.path,
      label: e.label,
      reason: e.reason?.trim() || null,
      actorId: e.actorId,
      data: { ...(e.data ?? {}), ...(e.round ? { roundId: e.round.id, registrationId: e.round.registrationId } : {}) },
    },
    e.at,
  );
  let recipients = 0;
  const audiences: readonly Audience[] = EVENT_AUDIENCES[e.kind];
  for (const a of audiences) {
    if ('person' in a) {
      const id = e.persons?.[a.person];
      if (id) recipients += await fanOutPersons(q, outboxId, e.path, e.actorId, NOTIFIED_ROLES, [id], e.at);
    } else if ('unitsBelow' in a) {
      recipients += await fanOutUnitsBelow(q, outboxId, e.path, e.actorId, NOTIFIED_ROLES, e.at);
    } else {
      const place = a.at === 'round' ? e.round?.path : e.path;
      if (!place) continue;
      const rule = audienceRule(a);
      recipients += await fanOutRule(
        q,
        outboxId,
        e.path,
        e.actorId,
        {
          place,
          roles: rule.roles,
          scope: rule.scope,
          ownUnit: !!a.ownUnit,
          notVotedOn: a.notVoted && e.round ? { roundId: e.round.id, registrationId: e.round.registrationId } : null,
        },
        e.at,
      );
    }
  }
  await queueImmediateMails(q, outboxId, e.at);
  await queueWebhookCalls(q, outboxId, e.path, e.at);
  return { outboxId, recipients };
}
