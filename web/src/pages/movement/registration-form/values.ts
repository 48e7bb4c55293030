import type { UnitLevel } from '@domain/unit-kinds.js';
import type { Dayjs } from 'dayjs';
import type { Registration, RegistrationInput, UpdateRegistration } from '@domain/movement-schemas.js';
import { dateValue, vietnamYear } from '../../../format';

/** The registration form's values (what antd's Form holds), and the mappers to and from the API. */
export interface CriterionRow {
  name?: string;
  target?: number | null;
  unitOfMeasure?: string | null;
}
export interface RegistrationValues {
  kind: 'model' | 'exemplar';
  holder: 'collective' | 'individual';
  personName?: string;
  personPosition?: string;
  title: string;
  fieldCode: string;
  campaignId?: string | null;
  unitId: string;
  origin: 'new' | 'consolidation' | 'replication';
  originId?: string | null;
  problem?: string;
  purpose?: string;
  placeUnitId?: string | null;
  placeAddress?: string;
  startDate: Dayjs;
  endDate: Dayjs;
  forces?: string;
  targets?: string;
  solutions?: string;
  plannedFundsVnd?: number | null;
  plannedWorkdays?: number | null;
  plannedOther?: string;
  level: UnitLevel;
  year?: number | null;
  criteria: CriterionRow[];
}

/** A new registration starts as a collective model of the commune level, this year, with one empty criterion. */
export const newRegistrationValues = (): Partial<RegistrationValues> => ({
  kind: 'model',
  holder: 'collective',
  origin: 'new',
  level: 'commune',
  year: vietnamYear(),
  criteria: [{}],
});

/** A stored registration as the form's values. */
export function recordToValues(r: Registration): RegistrationValues {
  return {
    kind: r.kind,
    holder: r.holder,
    personName: r.personName ?? '',
    personPosition: r.personPosition ?? '',
    title: r.title,
    fieldCode: r.fieldCode,
    campaignId: r.campaign?.id ?? null,
    unitId: r.unit.id,
    origin: r.origin,
    originId: r.originRef?.id ?? null,
    problem: r.problem ?? '',
    purpose: r.purpose ?? '',
    placeUnitId: r.placeUnit?.id ?? null,
    placeAddress: r.placeAddress ?? '',
    startDate: dateValue(r.startDate),
    endDate: dateValue(r.endDate),
    forces: r.forces ?? '',
    targets: r.targets ?? '',
    solutions: r.solutions ?? '',
    plannedFundsVnd: r.plannedFundsVnd,
    plannedWorkdays: r.plannedWorkdays,
    plannedOther: r.plannedOther ?? '',
    level: r.level as UnitLevel,
    year: r.year,
    criteria: r.criteria.map((c) => ({ name: c.name, target: c.target ?? null, unitOfMeasure: c.unitOfMeasure ?? '' })),
  };
}

const textOrNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** The fields a create and an edit both send; empty texts become null, empty criteria are dropped. */
export function valuesToRequest(v: RegistrationValues, similarSeen: string[]) {
  const criteria = (v.criteria ?? [])
    .filter((c) => c.name && c.name.trim())
    .map((c) => ({ name: c.name!.trim(), target: c.target ?? null, unitOfMeasure: textOrNull(c.unitOfMeasure) }));
  return {
    holder: v.holder,
    personName: v.holder === 'individual' ? textOrNull(v.personName) : null,
    personPosition: v.holder === 'individual' ? textOrNull(v.personPosition) : null,
    title: v.title.trim(),
    fieldCode: v.fieldCode,
    campaignId: v.campaignId ?? null,
    origin: v.origin,
    originId: v.origin === 'new' ? null : (v.originId ?? null),
    problem: textOrNull(v.problem),
    purpose: textOrNull(v.purpose),
    placeUnitId: v.placeUnitId ?? null,
    placeAddress: textOrNull(v.placeAddress),
    startDate: v.startDate.format('YYYY-MM-DD'),
    endDate: v.endDate.format('YYYY-MM-DD'),
    forces: textOrNull(v.forces),
    targets: textOrNull(v.targets),
    solutions: textOrNull(v.solutions),
    plannedFundsVnd: v.plannedFundsVnd ?? null,
    plannedWorkdays: v.plannedWorkdays ?? null,
    plannedOther: textOrNull(v.plannedOther),
    level: v.level,
    ...(v.year ? { year: v.year } : {}),
    criteria,
    ...(similarSeen.length ? { similarSeen: similarSeen.slice(0, 20) } : {}),
  };
}

export const createRequest = (v: RegistrationValues, similarSeen: string[]): RegistrationInput => ({
  ...valuesToRequest(v, similarSeen),
  kind: v.kind,
  unitId: v.unitId,
});
export const updateRequest = (v: RegistrationValues, similarSeen: string[], version: number): UpdateRegistration => ({
  ...valuesToRequest(v, similarSeen),
  version,
});
