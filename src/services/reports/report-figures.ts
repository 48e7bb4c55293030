/**
 * The figures a review report prints, from the same tally and the same filter as the statistics
 * API: a report and the dashboard cannot disagree about one unit and period.
 */
import type { Queryable } from '../../data/db.js';
import type { ResolvedFilter } from '../../data/registration-filter.js';
import { listFields } from '../../data/catalogues-repo.js';
import { reportExtras } from '../../data/reports-repo.js';
import { apportionedIds, childUnits, sumCounts, unitsByPaths } from '../../data/stats-repo.js';
import { childUnitsThen, unitsThenBySeqs } from '../../data/units-then-repo.js';
import { REGISTRATION_STATES } from '../../domain/workflow.js';
import type { FigureLine, ReportFigures } from '../../domain/report-schemas.js';
import { COUNTED_STATES, formerUnitName, HOLDER_LABELS, ORIGIN_LABELS, TREE_NOTES, type StatTree } from '../../domain/statistics.js';
import { UNIT_LEVEL_LABELS } from '../../domain/unit-kinds.js';

const collator = new Intl.Collator('vi');

export interface FiguresScope {
  viewPath: string;
  unit: { id: string; name: string; path: string; closed?: boolean };
  /** The tree the figures follow: today's (default) or the one standing on the period's last day. */
  tree?: StatTree | undefined;
  yearFrom: number;
  yearTo: number;
  campaign: { id: string; title: string } | null;
}

export async function reportFigures(q: Queryable, s: FiguresScope): Promise<ReportFigures> {
  const f: ResolvedFilter = {
    scopePath: s.viewPath,
    unitPath: s.unit.path,
    yearFrom: s.yearFrom,
    yearTo: s.yearTo,
    campaignId: s.campaign?.id,
    states: [...COUNTED_STATES],
    tree: s.tree ?? 'today',
    thenSeq: s.tree === 'then' ? s.unit.path.split('.').at(-1) : undefined,
  };
  const then = f.tree === 'then';
  // On the tree "then" units are named as they stood on the period's last day.
  const at = `${String(s.yearTo).padStart(4, '0')}-12-31`;
  const unitName = then ? ((await unitsThenBySeqs(q, [f.thenSeq!], at))[0]?.name ?? s.unit.name) : s.unit.name;
  const fields = await listFields(q);

  /** Lines of one dimension crossed with model/exemplar, in the given order of keys. */
  const lines = async (
    dim: 'field' | 'holder' | 'origin' | 'level' | 'year',
    order: { key: string; label: string; always?: boolean }[],
  ): Promise<FigureLine[]> => {
    // A per-year table on the tree "then" reads each year on its own last day, as the dashboard does.
    const sums = await sumCounts(q, dim === 'year' && then ? { ...f, perYear: true } : f, [dim, 'kind'], s.unit, REGISTRATION_STATES);
    const by = new Map<string, FigureLine>();
    for (const o of order) if (o.always) by.set(o.key, { key: o.key, label: o.label, models: 0, exemplars: 0, total: 0 });
    for (const x of sums) {
      const key = String(x[dim]);
      const line = by.get(key) ?? { key, label: order.find((o) => o.key === key)?.label ?? key, models: 0, exemplars: 0, total: 0 };
      if (x.kind === 'model') line.models += x.count;
      else line.exemplars += x.count;
      line.total += x.count;
      if (x.apportioned) line.apportioned = true;
      by.set(key, line);
    }
    const rank = (k: string) => {
      const i = order.findIndex((o) => o.key === k);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...by.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  };

  const byField = await lines(
    'field',
    fields.map((x) => ({ key: x.code, label: x.name, always: x.active })),
  );
  const byHolder = await lines(
    'holder',
    Object.entries(HOLDER_LABELS).map(([key, label]) => ({ key, label, always: true })),
  );
  const byOrigin = await lines(
    'origin',
    Object.entries(ORIGIN_LABELS).map(([key, label]) => ({ key, label, always: true })),
  );
  const byLevel = await lines(
    'level',
    Object.entries(UNIT_LEVEL_LABELS).map(([key, label]) => ({ key, label })),
  );
  const levelOrder = Object.keys(UNIT_LEVEL_LABELS);
  const byLevelHolderMap = new Map<string, { level: string; label: string; collectives: number; individuals: number }>();
  for (const x of await sumCounts(q, f, ['level', 'holder'], s.unit, REGISTRATION_STATES)) {
    const level = String(x.level);
    const line = byLevelHolderMap.get(level) ?? {
      level,
      label: UNIT_LEVEL_LABELS[level as keyof typeof UNIT_LEVEL_LABELS] ?? level,
      collectives: 0,
      individuals: 0,
    };
    if (x.holder === 'individual') line.individuals += x.count;
    else line.collectives += x.count;
    byLevelHolderMap.set(level, line);
  }
  const byLevelHolder = [...byLevelHolderMap.values()].sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level));
  const years = Array.from({ length: s.yearTo - s.yearFrom + 1 }, (_, i) => String(s.yearFrom + i));
  const byYear = await lines(
    'year',
    years.map((y) => ({ key: y, label: `Năm ${y}`, always: years.length <= 10 })),
  );

  // Units directly below, each with its subtree; the unit's own registrations in a row of their own.
  const childSums = await sumCounts(q, f, ['child', 'kind'], s.unit, REGISTRATION_STATES);
  const paths = [...new Set(childSums.map((x) => String(x.child)))];
  const seqOf = (path: string) => path.split('.').at(-1)!;
  // Rows are keyed by unit id: a row's path is today's path, or on the tree "then" the path then.
  const named = new Map<string, { id: string; name: string; closed: boolean }>();
  if (then) {
    const bySeq = new Map((await unitsThenBySeqs(q, paths.map(seqOf), at)).map((u) => [u.seq, u]));
    for (const p of paths) if (bySeq.has(seqOf(p))) named.set(p, bySeq.get(seqOf(p))!);
  } else for (const u of await unitsByPaths(q, paths)) named.set(u.path, u);
  const children = new Map<string, ReportFigures['byChild'][number] & { own: boolean }>();
  const below = then ? await childUnitsThen(q, s.unit.id, at, s.viewPath) : await childUnits(q, s.unit.id);
  for (const c of below)
    children.set(c.id, {
      key: c.id,
      label: formerUnitName(c.name, 'closed' in c && c.closed),
      models: 0,
      exemplars: 0,
      total: 0,
      recognised: 0,
      commended: 0,
      own: false,
    });
  for (const x of childSums) {
    const path = String(x.child);
    const own = then ? seqOf(path) === f.thenSeq : path === s.unit.path;
    const u = named.get(path);
    const id = own ? s.unit.id : (u?.id ?? path);
    const line = children.get(id) ?? {
      key: id,
      label: own ? `${formerUnitName(unitName, !!s.unit.closed)} (trực tiếp)` : formerUnitName(u?.name ?? '', !!u?.closed),
      models: 0,
      exemplars: 0,
      total: 0,
      recognised: 0,
      commended: 0,
      own,
    };
    if (x.kind === 'model') line.models += x.count;
    else line.exemplars += x.count;
    line.total += x.count;
    line.recognised += x.count_recognised;
    line.commended += x.count_commended;
    if (x.apportioned) line.apportioned = true;
    children.set(id, line);
  }
  const byChild = [...children.values()]
    .sort((a, b) => Number(b.own) - Number(a.own) || collator.compare(a.label, b.label))
    .map(({ own: _own, ...line }) => line);

  const total = byField.reduce(
    (t, l) => ({ ...t, models: t.models + l.models, exemplars: t.exemplars + l.exemplars, total: t.total + l.total }),
    { models: 0, exemplars: 0, total: 0 },
  );
  const [resources] = await sumCounts(q, f, [], s.unit, REGISTRATION_STATES);
  const recognised = resources?.count_recognised ?? 0;
  const notRecognised = (await sumCounts(q, { ...f, states: ['not_recognised'] }, [], s.unit, REGISTRATION_STATES))[0]?.count ?? 0;

  const { commendations, proposalsUp, notable } = await reportExtras(q, { ...f, apportioned: await apportionedIds(q, f, s.unit.path) });
  const lists = [byField, byHolder, byOrigin, byLevel, byYear, byChild];

  return {
    unit: { id: s.unit.id, name: formerUnitName(unitName, !!s.unit.closed) },
    tree: f.tree ?? 'today',
    treeNote: TREE_NOTES[f.tree ?? 'today'],
    apportioned: lists.some((l) => l.some((x) => x.apportioned)),
    yearFrom: s.yearFrom,
    yearTo: s.yearTo,
    campaign: s.campaign,
    total: {
      ...total,
      fundsVnd: resources?.funds ?? 0,
      workdays: resources?.workdays ?? 0,
      inspected: resources?.count_achieved ?? 0,
      achievedFundsVnd: resources?.achieved_funds ?? 0,
      achievedWorkdays: resources?.achieved_workdays ?? 0,
      peopleReached: resources?.achieved_people ?? 0,
    },
    byField,
    byHolder,
    byOrigin,
    byLevel,
    byLevelHolder,
    byYear,
    byChild,
    recognition: { recognised, notRecognised, counted: total.total },
    commendations: commendations.map((c) => ({
      form: c.form,
      collectives: Number(c.collectives),
      individuals: Number(c.individuals),
      total: Number(c.total),
    })),
    proposalsUp: Number(proposalsUp),
    notable: notable.map((n) => ({
      id: n.id,
      title: n.title,
      unitName: n.unit_name,
      fieldName: n.field_name,
      kind: n.kind,
      year: n.year,
      recognised: n.recognised,
      commended: n.commended,
    })),
  };
}
