import { campaignBrief, campaignPeriod } from '../../data/campaigns-repo.js';
import { fieldIsActive } from '../../data/catalogues-repo.js';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../data/db.js';
import { findRegistrationInScope, type RegistrationValues } from '../../data/registrations-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { RegistrationInput, UpdateRegistration } from '../../domain/movement-schemas.js';
import { can } from '../../domain/policy.js';
import { registrationRuleError, yearForPeriod } from '../../domain/registration-rules.js';
import { inSubtree } from '../../domain/scope.js';
import { foldVietnamese, tidyName } from '../../domain/text.js';
import type { Ctx } from '../context.js';

type Input = Omit<Partial<RegistrationInput>, 'criteria'> & Omit<UpdateRegistration, 'version' | 'criteria'>;

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v ? v.trim() : null);

/**
 * Checks a registration's fields against the catalogue and the tree, and maps them to columns.
 * `current` holds the stored values on an edit, so rules that span fields see the result.
 */
export async function registrationValues(
  q: Queryable,
  ctx: Ctx,
  unitPath: string,
  input: Input,
  current: Record<string, unknown> = {},
): Promise<RegistrationValues> {
  const v: RegistrationValues = {};
  if (input.fieldCode !== undefined) {
    if (!(await fieldIsActive(q, input.fieldCode))) throw new AppError('FIELD_UNKNOWN', { code: input.fieldCode });
    v.field_code = input.fieldCode;
  }
  if (input.campaignId !== undefined) {
    if (input.campaignId) {
      const c = await campaignBrief(q, input.campaignId);
      // A campaign applies to the subtree of the unit that launched it; a draft is not shown.
      if (!c || !inSubtree(unitPath, c.unit_path) || (c.state === 'draft' && !can(ctx.actor, 'campaign.update', { path: c.unit_path }))) {
        throw notFound('campaign');
      }
      if (c.state !== 'launched') throw new AppError('CAMPAIGN_NOT_OPEN', { title: c.title });
    }
    v.campaign_id = input.campaignId ?? null;
  }
  if (input.title !== undefined) {
    v.title = tidyName(input.title);
    v.title_key = foldVietnamese(v.title as string);
  }
  if (input.holder !== undefined) v.holder = input.holder;
  if (input.personName !== undefined) v.person_name = clean(input.personName);
  if (input.personPosition !== undefined) v.person_position = clean(input.personPosition);
  const holder = v.holder ?? current.holder;
  const personName = v.person_name !== undefined ? v.person_name : current.person_name;
  if (holder === 'individual' && !personName) throw new AppError('PERSON_REQUIRED');

  if (input.origin !== undefined) v.origin = input.origin;
  if (input.originId !== undefined) v.origin_id = input.originId ?? null;
  const origin = v.origin ?? current.origin ?? 'new';
  const originId = v.origin_id !== undefined ? v.origin_id : current.origin_id;
  if (origin === 'new') v.origin_id = null;
  else {
    if (!originId) throw new AppError('ORIGIN_REQUIRED');
    // A consolidation continues one's own earlier model; a replication copies a recognised
    // model from anywhere in the country.
    const scope = origin === 'consolidation' ? ctx.actor.viewPath : '';
    const o = await findRegistrationInScope(q, originId as string, scope);
    if (!o || (origin === 'replication' && o.state !== 'recognised')) throw notFound('registration');
  }
  for (const [key, col] of [
    ['problem', 'problem'],
    ['purpose', 'purpose'],
    ['placeAddress', 'place_address'],
    ['forces', 'forces'],
    ['targets', 'targets'],
    ['solutions', 'solutions'],
    ['plannedOther', 'planned_other'],
    ['level', 'level'],
  ] as const) {
    if (input[key] !== undefined) v[col] = clean(input[key]);
  }
  if (input.placeUnitId !== undefined) {
    if (input.placeUnitId && !(await findUnitInScope(q, input.placeUnitId, ctx.actor.viewPath))) throw notFound('unit');
    v.place_unit_id = input.placeUnitId ?? null;
  }
  if (input.startDate !== undefined) v.start_date = input.startDate;
  if (input.endDate !== undefined) v.end_date = input.endDate;
  if (input.plannedFundsVnd !== undefined) v.planned_funds_vnd = input.plannedFundsVnd ?? null;
  if (input.plannedWorkdays !== undefined) v.planned_workdays = input.plannedWorkdays ?? null;
  if (input.similarSeen !== undefined) v.similar_seen = input.similarSeen;
  if (input.year !== undefined) v.year = input.year;
  else if (v.start_date || v.end_date) {
    const start = String(v.start_date ?? current.start_date);
    const year = yearForPeriod(start, String(v.end_date ?? current.end_date ?? start), current.year as number | undefined);
    if (year !== current.year) v.year = year;
  }
  await checkPeriod(q, v, current);
  return v;
}

/** Level, period, year and campaign checked together on the values the row will hold (registration-rules.ts). */
async function checkPeriod(q: Queryable, v: RegistrationValues, current: Record<string, unknown>) {
  const pick = (col: keyof RegistrationValues) => (v[col] !== undefined ? v[col] : current[col]);
  const campaignId = pick('campaign_id') as string | null | undefined;
  let campaign: { title: string; yearFrom: number; yearTo: number } | null = null;
  if (campaignId) {
    campaign = await campaignPeriod(q, campaignId);
  }
  const err = registrationRuleError({
    level: String(pick('level') ?? ''),
    startDate: String(pick('start_date') ?? ''),
    endDate: String(pick('end_date') ?? ''),
    year: Number(pick('year')),
    campaign,
  });
  if (err) throw err;
}

export function criteriaWithIds(criteria: RegistrationInput['criteria'] | undefined) {
  return (criteria ?? []).map((c) => ({
    id: randomUUID(),
    name: tidyName(c.name),
    target: c.target ?? null,
    unitOfMeasure: c.unitOfMeasure ?? null,
  }));
}
