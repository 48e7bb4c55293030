import { formerUnitName } from '../../domain/statistics.js';
import { similarEarlier } from './similar.js';
import type { Queryable } from '../../data/db.js';
import { listCriteria, listEvents, replicationsOf, type EventRow, type RegistrationRow } from '../../data/registrations-repo.js';
import { photoChoices, publicationOf } from '../../data/showcase-repo.js';
import {
  EDITABLE_STATES as EDITABLE,
  registrationActions as actionsOf,
  registrationPapers,
  type Actor,
  type RegistrationFacts,
} from '../../domain/policy.js';
import type { LastReason, Registration } from '../../domain/movement-schemas.js';
import type { z } from 'zod';
import type { RegistrationEvent as RegistrationEventSchema } from '../../domain/movement-schemas.js';

type RegistrationEvent = z.infer<typeof RegistrationEventSchema>;
import type { RegistrationAction } from '../../domain/workflow.js';
import { inspectionOverdue, localDay } from '../../domain/deadlines.js';

/** The states in which a registration may be edited (the policy's rule for `update`). */
export const EDITABLE_STATES: readonly string[] = EDITABLE;

/** What the policy reads of a registration row. */
export const registrationFacts = (r: RegistrationRow): RegistrationFacts => ({
  unitPath: r.unit_path,
  state: r.state,
  supporterId: r.supporter_id,
  registrantId: r.created_by,
  recognised: r.recognised,
});

/** Edits and transitions the actor may take on this registration now, as the policy decides. */
export const registrationActions = (actor: Actor, r: RegistrationRow): RegistrationAction[] => actionsOf(actor, registrationFacts(r));

/** `now` judges "quá hạn" (the request's clock; tests move it). */
export async function presentRegistration(q: Queryable, actor: Actor, r: RegistrationRow, now?: Date): Promise<Registration> {
  // Sequential: inside a transaction the queries share one connection.
  const criteria = await listCriteria(q, r.id);
  const events = await listEvents(q, r.id);
  const earlier = await similarEarlier(q, actor, r.unit_path, r.title, r.year, r.id, r.similar_seen);
  const replications = await replicationsOf(q, r.id, actor.viewPath);
  const publication = await publicationOf(q, r.id);
  return {
    id: r.id,
    kind: r.kind,
    campaign: r.campaign_id ? { id: r.campaign_id, title: r.campaign_title! } : null,
    unit: { id: r.unit_id, name: formerUnitName(r.unit_name, !!r.unit_closed) },
    holder: r.holder,
    personName: r.person_name,
    personPosition: r.person_position,
    title: r.title,
    fieldCode: r.field_code,
    origin: r.origin,
    originRef: r.origin_id ? { id: r.origin_id, title: r.origin_title! } : null,
    problem: r.problem,
    purpose: r.purpose,
    placeUnit: r.place_unit_id ? { id: r.place_unit_id, name: r.place_unit_name! } : null,
    placeAddress: r.place_address,
    startDate: r.start_date,
    endDate: r.end_date,
    forces: r.forces,
    targets: r.targets,
    solutions: r.solutions,
    plannedFundsVnd: r.planned_funds_vnd,
    plannedWorkdays: r.planned_workdays,
    plannedOther: r.planned_other,
    level: r.level,
    year: r.year,
    state: r.state,
    supporter: r.supporter_id ? { id: r.supporter_id, name: r.supporter_name! } : null,
    inspectionDueDate: r.inspection_due_date,
    overdue: inspectionOverdue(localDay(now ?? new Date()), r),
    criteria: criteria.map((c) => ({
      id: c.id,
      name: c.name,
      target: c.target === null ? null : Number(c.target),
      unitOfMeasure: c.unit_of_measure,
    })),
    lastReason: presentLastReason(r),
    timeline: events.map(presentEvent),
    earlier,
    replications: {
      total: replications.total,
      items: replications.visible.map((x) => ({ id: x.id, title: x.title, unitName: x.unit_name, state: x.state })),
    },
    publication: publication
      ? {
          url: `/cong-khai/mo-hinh/${publication.slug}`,
          summary: publication.summary,
          publishedAt: publication.published_at.toISOString(),
          photoIds: (await photoChoices(q, r.id)).filter((p) => p.public).map((p) => p.id),
        }
      : null,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    actions: registrationActions(actor, r),
    papers: registrationPapers(actor, registrationFacts(r)),
  };
}

/** The reason that brought the record to its present state, as the record and list items carry it. */
export function presentLastReason(r: RegistrationRow): LastReason | null {
  const x = r.last_reason;
  if (!x) return null;
  return { kind: x.kind, text: x.text, at: new Date(x.at).toISOString(), by: x.by, byUnit: x.byUnit };
}

const decisionOf = (d: { decisionNo: string; decisionDate: string; issuer: string | null } | null | undefined) =>
  d ? { number: d.decisionNo, date: d.decisionDate, issuer: d.issuer ?? null } : null;

/** One timeline row; the decision of a recognition comes from its round, an import's from its file. */
export function presentEvent(e: EventRow): RegistrationEvent {
  return {
    at: e.at.toISOString(),
    actorName: e.actor_name,
    actorUnit: e.actor_unit,
    transition: e.transition,
    fromState: e.from_state,
    toState: e.to_state,
    reason: e.reason,
    decision: e.decision_no
      ? { number: e.decision_no, date: e.decision_date, issuer: e.decision_issuer }
      : e.transition === 'import'
        ? decisionOf(e.data?.recognition)
        : null,
    commendation: e.transition === 'import' ? decisionOf(e.data?.commendation) : null,
    fileName: e.transition === 'import' ? (e.data?.fileName ?? null) : null,
  };
}

/** The snapshot kept in the audit log. */
export function registrationSnapshot(r: RegistrationRow) {
  return {
    title: r.title,
    state: r.state,
    fieldCode: r.field_code,
    origin: r.origin,
    year: r.year,
    unitId: r.unit_id,
    supporterId: r.supporter_id,
  };
}
