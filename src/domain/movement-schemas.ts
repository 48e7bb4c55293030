/** API contract of the movement cycle: campaigns, criteria, registrations and their transitions. */
import { z } from 'zod';
import { UnitKind, Paging, isoDate } from './schemas.js';
import { CAMPAIGN_SORTS, REGISTRATION_SORTS, sortParam } from './list-sort.js';
import { REGISTRATION_STATES, TRANSITION_NAMES } from './workflow.js';
import { REGISTRATION_QUEUES } from './policy.js';
import { RegistrationFilterQuery } from './statistics.js';
import { longText, plainText, requiredText } from './text-input.js';
import { UNIT_LEVELS } from './unit-kinds.js';

const text = plainText;
const required = requiredText;
const year = z.number().int().min(2000).max(2100);

export const Field = z.object({ code: z.string(), name: z.string(), sort: z.number().int(), active: z.boolean() });
export type Field = z.infer<typeof Field>;

// ---------- criteria catalogue ----------
export const CriterionTarget = z.enum(['collective', 'individual', 'model']);
export const CriterionTemplate = z.object({
  id: z.uuid(),
  target: CriterionTarget,
  unitKind: UnitKind.nullable(),
  name: z.string(),
  description: z.string().nullable(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  /** True for the national catalogue, false for a level's own addition. */
  national: z.boolean(),
  actions: z.array(z.string()),
});
export type CriterionTemplate = z.infer<typeof CriterionTemplate>;
export const CriterionTemplateQuery = z.object({ target: CriterionTarget.optional(), unitKind: UnitKind.optional() });
export const SaveCriterionTemplate = z.object({
  target: CriterionTarget,
  unitKind: UnitKind.nullable(),
  name: required(300),
  description: longText(2000).nullish(),
  sort: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});
export const UpdateCriterionTemplate = z
  .object({
    target: CriterionTarget,
    unitKind: UnitKind.nullable(),
    name: required(300),
    description: longText(2000).nullish(),
    sort: z.number().int().min(0).max(10_000),
    active: z.boolean(),
  })
  .partial()
  .extend({ version: z.number().int() });

// ---------- campaigns ----------
export const Quota = z.object({
  unitKind: UnitKind.nullable(),
  minNew: z.number().int().min(0).max(1000),
  minConsolidated: z.number().int().min(0).max(1000),
  minTotal: z.number().int().min(0).max(1000),
  note: text(300).nullish(),
});
export const CampaignState = z.enum(['draft', 'launched', 'closed']);
export const CAMPAIGN_STATE_LABELS: Record<z.infer<typeof CampaignState>, string> = {
  draft: 'Bản nháp',
  launched: 'Đang phát động',
  closed: 'Đã kết thúc',
};
/**
 * A campaign's deadlines and when reminders go out: `remindDaysBefore` days before (0: not before),
 * on the day, and once `remindDaysAfter` days after.
 */
export const CampaignCalendar = z.object({
  registrationDeadline: isoDate().nullable(),
  inspectionDueDate: isoDate().nullable(),
  recognitionDate: isoDate().nullable(),
  reviewDate: isoDate().nullable(),
  remindDaysBefore: z.number().int().min(0).max(60),
  remindDaysAfter: z.number().int().min(1).max(60),
});
export const Campaign = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  description: z.string().nullable(),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  focusThemes: z.array(z.string()),
  state: CampaignState,
  launchedAt: z.string().nullable(),
  quotas: z.array(Quota),
  calendar: CampaignCalendar,
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Campaign = z.infer<typeof Campaign>;
const CampaignFields = z.object({
  unitId: z.uuid(),
  title: required(300),
  description: longText(5000).nullish(),
  yearFrom: year,
  yearTo: year,
  startDate: isoDate(),
  endDate: isoDate(),
  focusThemes: z.array(required(200)).max(20),
  quotas: z.array(Quota).max(30),
  calendar: CampaignCalendar.partial(),
});
export const CampaignInput = CampaignFields.extend({
  focusThemes: CampaignFields.shape.focusThemes.default([]),
  quotas: CampaignFields.shape.quotas.default([]),
  calendar: CampaignFields.shape.calendar.optional(),
});
export const UpdateCampaign = CampaignFields.omit({ unitId: true }).partial().extend({ version: z.number().int() });
export const CampaignListQuery = Paging.extend({ state: CampaignState.optional(), sort: sortParam(CAMPAIGN_SORTS, '-year') });
export const CampaignList = z.object({ items: z.array(Campaign), total: z.number().int() });

// ---------- registrations ----------
export const RegistrationKind = z.enum(['model', 'exemplar']);
export const Holder = z.enum(['collective', 'individual']);
export const Origin = z.enum(['new', 'consolidation', 'replication']);
export const RegistrationState = z.enum(REGISTRATION_STATES);
export const TransitionName = z.enum(TRANSITION_NAMES as [string, ...string[]]);

export const CriterionInput = z.object({
  name: required(300),
  target: z.number().min(0).max(1e12).nullish(),
  unitOfMeasure: text(60).nullish(),
});

// Fields without defaults: an edit sends only what changed, and `.partial()` of a field with a
// default would fill the default in (and wipe the stored value).
const RegistrationFields = z.object({
  kind: RegistrationKind,
  campaignId: z.uuid().nullish(),
  unitId: z.uuid(),
  holder: Holder,
  personName: text(120).nullish(),
  personPosition: text(120).nullish(),
  title: required(300),
  fieldCode: required(40),
  origin: Origin,
  originId: z.uuid().nullish(),
  problem: longText(5000).nullish(),
  purpose: longText(5000).nullish(),
  placeUnitId: z.uuid().nullish(),
  placeAddress: text(300).nullish(),
  startDate: isoDate(),
  endDate: isoDate(),
  forces: longText(2000).nullish(),
  targets: longText(2000).nullish(),
  solutions: longText(5000).nullish(),
  plannedFundsVnd: z.number().int().min(0).max(1e15).nullish(),
  plannedWorkdays: z.number().int().min(0).max(1e9).nullish(),
  plannedOther: longText(1000).nullish(),
  /** The same closed list the statistics filter by; the district level only before 1 July 2025 (registration-rules.ts). */
  level: z.enum(UNIT_LEVELS),
  year: year.optional(),
  criteria: z.array(CriterionInput).max(50),
  /** The similar earlier registrations the registrant was shown before saving (see /registrations/similar). */
  similarSeen: z.array(z.uuid()).max(20).optional(),
});
export const RegistrationInput = RegistrationFields.extend({
  origin: Origin.default('new'),
  criteria: RegistrationFields.shape.criteria.default([]),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;
export const UpdateRegistration = RegistrationFields.omit({ unitId: true, kind: true }).partial().extend({ version: z.number().int() });
export type UpdateRegistration = z.infer<typeof UpdateRegistration>;

export const EarlierRegistration = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  state: RegistrationState,
  unitName: z.string(),
  /** 0–1: how close the title is (trigram similarity of the folded titles). */
  similarity: z.number(),
  /** Whether the registrant was shown this one when saving. */
  seenByRegistrant: z.boolean(),
});
export type EarlierRegistration = z.infer<typeof EarlierRegistration>;
export const SimilarQuery = z.object({
  unitId: z.uuid(),
  title: required(300),
  year: z.coerce.number().int().min(1900).max(2100),
  excludeId: z.uuid().optional(),
});

/** A decision as it is cited: number, date (`YYYY-MM-DD`) and issuer. */
export const DecisionRef = z.object({ number: z.string(), date: z.string().nullable(), issuer: z.string().nullable() });

/** One row of the timeline; `describeEvent` (domain/timeline.ts) turns it into a sentence. */
export const RegistrationEvent = z.object({
  at: z.string(),
  actorName: z.string(),
  /** The unit the actor works in. */
  actorUnit: z.string().nullable(),
  transition: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reason: z.string().nullable(),
  /** The recognition decision (of a decided round, or the one an imported record came with). */
  decision: DecisionRef.nullable(),
  /** The commendation decision an imported record came with. */
  commendation: DecisionRef.nullable(),
  /** The file an imported record came from. */
  fileName: z.string().nullable(),
});

/**
 * The latest reason of a returned, rejected, not recognised or discontinued record: the reason
 * given by the step that brought it to its present state (null in any other state).
 */
export const LastReason = z.object({
  kind: z.enum(['return', 'reject', 'not_recognise', 'discontinue']),
  text: z.string(),
  at: z.string(),
  by: z.string(),
  byUnit: z.string().nullable(),
});
export type LastReason = z.infer<typeof LastReason>;

export const Registration = z.object({
  id: z.uuid(),
  kind: RegistrationKind,
  campaign: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  holder: Holder,
  personName: z.string().nullable(),
  personPosition: z.string().nullable(),
  title: z.string(),
  fieldCode: z.string(),
  origin: Origin,
  originRef: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  problem: z.string().nullable(),
  purpose: z.string().nullable(),
  placeUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  placeAddress: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  forces: z.string().nullable(),
  targets: z.string().nullable(),
  solutions: z.string().nullable(),
  plannedFundsVnd: z.number().nullable(),
  plannedWorkdays: z.number().nullable(),
  plannedOther: z.string().nullable(),
  level: z.string(),
  year: z.number().int(),
  state: RegistrationState,
  supporter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The campaign's inspection due date, if any. */
  inspectionDueDate: z.string().nullable(),
  /** "Quá hạn": accepted, not inspected, and past the inspection due date. */
  overdue: z.boolean(),
  criteria: z.array(CriterionInput.extend({ id: z.uuid() })),
  /** Why it was returned, rejected, not recognised or stopped; null in other states. */
  lastReason: LastReason.nullable(),
  timeline: z.array(RegistrationEvent),
  /** Registrations with a similar title near the same unit in recent years: possible repeats. */
  earlier: z.array(EarlierRegistration),
  /** Lineage: every replication counted, those inside the caller's view listed. */
  replications: z.object({
    total: z.number().int(),
    items: z.array(z.object({ id: z.uuid(), title: z.string(), unitName: z.string(), state: RegistrationState })),
  }),
  /** Shown on the public showcase, with the summary written for the public; null when not published. */
  publication: z
    .object({
      url: z.string(),
      summary: z.string(),
      publishedAt: z.string(),
      /** The photos shown to the public. */ photoIds: z.array(z.uuid()),
    })
    .nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edits and transitions this user may take now. */
  actions: z.array(z.string()),
  /** The papers this user may issue from the record now ('registration_form'). */
  papers: z.array(z.string()),
});
export type Registration = z.infer<typeof Registration>;

export const RegistrationListQuery = Paging.extend(RegistrationFilterQuery.shape).extend({
  queue: z.enum(REGISTRATION_QUEUES).optional(),
  /** Title, unit, year, state (in the workflow's order) or last change; the latest change first by default. */
  sort: sortParam(REGISTRATION_SORTS, '-updated'),
});
export const RegistrationListItem = z.object({
  id: z.uuid(),
  kind: RegistrationKind,
  title: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  holder: Holder,
  personName: z.string().nullable(),
  fieldCode: z.string(),
  origin: Origin,
  year: z.number().int(),
  state: RegistrationState,
  updatedAt: z.string(),
  /** "Quá hạn": accepted, not inspected, and past its campaign's inspection due date. */
  overdue: z.boolean(),
  /** Why it was returned, rejected, not recognised or stopped; null in other states. */
  lastReason: LastReason.nullable(),
});
export const RegistrationList = z.object({ items: z.array(RegistrationListItem), total: z.number().int() });

export const TransitionBody = z.object({
  version: z.number().int(),
  reason: longText(2000).nullish(),
  supporterId: z.uuid().nullish(),
});

export const ReplicableModel = z.object({
  id: z.uuid(),
  title: z.string(),
  unitName: z.string(),
  fieldCode: z.string(),
  year: z.number().int(),
});
