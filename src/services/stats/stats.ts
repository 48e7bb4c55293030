import { listFields } from '../../data/catalogues-repo.js';
import { campaignTitles } from '../../data/campaigns-repo.js';
import { childUnits, sumCounts, unitsByPaths, type TallyRow } from '../../data/stats-repo.js';
import { childUnitsThen, unitsThenBySeqs } from '../../data/units-then-repo.js';
import { thenYear } from '../../data/registration-filter.js';
import {
  COUNTED_STATES,
  formerUnitName,
  TREE_NOTES,
  HOLDER_LABELS,
  KIND_LABELS,
  ORIGIN_LABELS,
  type StatDimension,
  type StatsQuery,
  type StatsResult,
  type StatsRow,
} from '../../domain/statistics.js';
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../../domain/unit-kinds.js';
import { REGISTRATION_STATES, REGISTRATION_STATE_LABELS, type RegistrationState } from '../../domain/workflow.js';
import type { Queryable } from '../../data/db.js';
import type { Ctx } from '../context.js';
import { filterUnit, resolveFilter } from '../registrations/resolve-filter.js';

const collator = new Intl.Collator('vi');
const ZERO = {
  count: 0,
  recognised: 0,
  commended: 0,
  fundsVnd: 0,
  workdays: 0,
  inspected: 0,
  achievedFundsVnd: 0,
  achievedWorkdays: 0,
  peopleReached: 0,
};

/**
 * Counts of registrations by up to three dimensions, inside the caller's view. Without a state
 * filter only registered states count (see COUNTED_STATES). Grouping by one of `child` or
 * `field` alone lists every unit below / every field, with zeros, so "registered nothing" shows.
 */
export async function getStats(ctx: Ctx, input: StatsQuery): Promise<StatsResult> {
  const filter = await resolveFilter(ctx, input);
  const unit = await filterUnit(ctx, filter.unit);
  if (!filter.states && !input.allStates) filter.states = [...COUNTED_STATES];
  const dims = [...new Set(input.groupBy ?? [])];
  const then = filter.tree === 'then';
  // On the tree "then" a per-year table reads each year on its own last day.
  if (then && dims.includes('year')) filter.perYear = true;
  // Counting may lag behind the primary a moment (a streaming replica), never behind the caller's own writes.
  const reader = await ctx.db.reads();
  const sums = await sumCounts(reader, filter, dims, unit, REGISTRATION_STATES);
  // The date whose tree names the units: the period's last day (of its last year with records).
  const lastYear = thenYear(filter) ?? Math.max(0, ...sums.map((s) => Number(s.year ?? 0))) ?? 0;
  const at = then ? `${String(lastYear || new Date().getFullYear()).padStart(4, '0')}-12-31` : null;
  const labels = await labeller(reader, dims, sums, at);
  const ownSeq = unit.path.split('.').at(-1);
  const unitName = at ? ((await unitsThenBySeqs(reader, [ownSeq!], at))[0]?.name ?? unit.name) : unit.name;

  const rows: StatsRow[] = sums.map((s) => {
    const keys: StatsRow['keys'] = {};
    const rowLabels: Record<string, string> = {};
    let own: boolean | undefined;
    let closed: boolean | undefined;
    for (const d of dims) {
      let v = s[d] ?? null;
      if (d === 'child') {
        const u = labels.units.get(String(v));
        own = then ? String(v).split('.').at(-1) === ownSeq : String(v) === unit.path;
        v = u?.id ?? null;
        closed = !own && u?.closed ? true : undefined;
        rowLabels[d] = own ? `${formerUnitName(unitName, unit.closed)} (trực tiếp)` : formerUnitName(u?.name ?? '', !!u?.closed);
      } else rowLabels[d] = labels.of(d, v);
      keys[d] = v;
    }
    return {
      keys,
      labels: rowLabels,
      count: s.count,
      recognised: s.count_recognised,
      commended: s.count_commended,
      fundsVnd: s.funds,
      workdays: s.workdays,
      inspected: s.count_achieved,
      achievedFundsVnd: s.achieved_funds,
      achievedWorkdays: s.achieved_workdays,
      peopleReached: s.achieved_people,
      ...(own !== undefined ? { own } : {}),
      ...(closed ? { closed } : {}),
      ...(s.apportioned ? { apportioned: true } : {}),
    };
  });

  if (dims.length === 1 && dims[0] === 'child') {
    const present = new Set(rows.map((r) => r.keys.child));
    const below = at
      ? (await childUnitsThen(reader, unit.id, at, filter.scopePath)).map((c) => ({
          id: c.id,
          name: formerUnitName(c.name, c.closed),
        }))
      : await childUnits(reader, unit.id);
    for (const c of below) {
      if (!present.has(c.id)) rows.push({ keys: { child: c.id }, labels: { child: c.name }, ...ZERO, own: false });
    }
  }
  if (dims.length === 1 && dims[0] === 'field' && !filter.fieldCode) {
    const present = new Set(rows.map((r) => r.keys.field));
    for (const f of labels.fields)
      if (f.active && !present.has(f.code)) rows.push({ keys: { field: f.code }, labels: { field: f.name }, ...ZERO });
  }

  rows.sort((a, b) => {
    for (const d of dims) {
      const c = labels.compare(d, a, b);
      if (c) return c;
    }
    return 0;
  });
  const total = { ...ZERO };
  for (const r of rows) {
    total.count += r.count;
    total.recognised += r.recognised;
    total.commended += r.commended;
    total.fundsVnd += r.fundsVnd;
    total.workdays += r.workdays;
    total.inspected += r.inspected;
    total.achievedFundsVnd += r.achievedFundsVnd;
    total.achievedWorkdays += r.achievedWorkdays;
    total.peopleReached += r.peopleReached;
  }
  const tree = then ? 'then' : 'today';
  return {
    unit: { id: unit.id, name: formerUnitName(unitName, unit.closed) },
    groupBy: dims,
    tree,
    treeNote: TREE_NOTES[tree],
    apportioned: rows.some((r) => r.apportioned),
    states: (filter.states ?? [...REGISTRATION_STATES]) as RegistrationState[],
    rows,
    total,
  };
}

/**
 * The field catalogue changes a few times a year; the dashboards read it many times a second. Kept
 * for half a minute per process, so a new field shows on every instance within that time.
 */
let fieldCache: { at: number; rows: { code: string; name: string; sort: number; active: boolean }[] } | null = null;
async function fieldCatalogue(reader: Queryable) {
  if (!fieldCache || Date.now() - fieldCache.at > 30_000) {
    fieldCache = { at: Date.now(), rows: await listFields(reader) };
  }
  return fieldCache.rows;
}

/** Names and orders of the values found, in one query per dimension that needs one. */
async function labeller(reader: Queryable, dims: StatDimension[], sums: TallyRow[], at: string | null) {
  const fields = await fieldCatalogue(reader);
  const fieldSort = new Map(fields.map((f) => [f.code, f.sort]));
  const units = new Map<string, { id: string; name: string; closed: boolean }>();
  if (dims.includes('child')) {
    const paths = [...new Set(sums.map((s) => String(s.child)))];
    if (at) {
      // On the tree "then" a row's path is the path as it stood; its last label names the unit.
      const bySeq = new Map(
        (
          await unitsThenBySeqs(
            reader,
            paths.map((p) => p.split('.').at(-1)!),
            at,
          )
        ).map((u) => [u.seq, u]),
      );
      for (const p of paths) {
        const u = bySeq.get(p.split('.').at(-1)!);
        if (u) units.set(p, u);
      }
    } else for (const u of await unitsByPaths(reader, paths)) units.set(u.path, u);
  }
  const campaigns = new Map<string, string>();
  if (dims.includes('campaign')) {
    const ids = [...new Set(sums.map((s) => s.campaign).filter((v): v is string => typeof v === 'string'))];
    if (ids.length) {
      for (const [id, title] of await campaignTitles(reader, ids)) campaigns.set(id, title);
    }
  }
  const of = (d: StatDimension, v: unknown): string => {
    switch (d) {
      case 'field':
        return fields.find((f) => f.code === v)?.name ?? String(v);
      case 'level':
        return UNIT_LEVEL_LABELS[v as UnitLevel] ?? String(v);
      case 'holder':
        return HOLDER_LABELS[v as keyof typeof HOLDER_LABELS] ?? String(v);
      case 'kind':
        return KIND_LABELS[v as keyof typeof KIND_LABELS] ?? String(v);
      case 'origin':
        return ORIGIN_LABELS[v as keyof typeof ORIGIN_LABELS] ?? String(v);
      case 'state':
        return REGISTRATION_STATE_LABELS[v as RegistrationState] ?? String(v);
      case 'campaign':
        return v ? (campaigns.get(String(v)) ?? '') : 'Không thuộc đợt phát động';
      case 'recognised':
        return v ? 'Đã được công nhận' : 'Chưa được công nhận';
      case 'commended':
        return v ? 'Đã được khen thưởng' : 'Chưa được khen thưởng';
      default:
        return String(v);
    }
  };
  const order: Partial<Record<StatDimension, readonly string[]>> = {
    level: Object.keys(UNIT_LEVEL_LABELS),
    holder: Object.keys(HOLDER_LABELS),
    kind: Object.keys(KIND_LABELS),
    origin: Object.keys(ORIGIN_LABELS),
    state: REGISTRATION_STATES,
  };
  const compare = (d: StatDimension, a: StatsRow, b: StatsRow): number => {
    const x = a.keys[d];
    const y = b.keys[d];
    if (d === 'child')
      return Number(b.own ?? false) - Number(a.own ?? false) || collator.compare(a.labels.child ?? '', b.labels.child ?? '');
    if (d === 'field') return (fieldSort.get(String(x)) ?? 99) - (fieldSort.get(String(y)) ?? 99);
    if (d === 'year') return Number(x) - Number(y);
    if (d === 'recognised' || d === 'commended') return Number(y) - Number(x);
    const list = order[d];
    if (list) return list.indexOf(String(x)) - list.indexOf(String(y));
    return collator.compare(a.labels[d] ?? '', b.labels[d] ?? '');
  };
  return { of, compare, units, fields };
}
