/**
 * The benchmark's questions asked of the database directly, through the same repository functions
 * the API calls: the floor the API's answers are compared with.
 */
import type { Db } from '../src/data/db.js';
import { findRegistrationInScope, listRegistrations } from '../src/data/registrations-repo.js';
import { searchRegistrations } from '../src/data/search-repo.js';
import { sumCounts } from '../src/data/stats-repo.js';
import { COUNTED_STATES } from '../src/domain/statistics.js';
import { REGISTRATION_STATES } from '../src/domain/workflow.js';
import { prefixQuery } from '../src/domain/text.js';
import { presentRegistration } from '../src/services/registrations/present.js';
import { reportFigures } from '../src/services/reports/report-figures.js';
import { measure } from './measure.js';

export interface Fixture {
  root: { id: string; path: string };
  province: { id: string; path: string };
  commune: { id: string; path: string };
  registrationIds: string[];
  placeIds: string[];
}

export const SEARCHES = [
  'dan van kheo',
  'nong thon moi',
  'an ninh trat tu',
  'tiet kiem vay von',
  'dang vien gan bo',
  'camera an ninh',
  'khuyen hoc',
  'duong hoa',
];

export async function rawQuestions(db: Db, fx: Fixture, o: { seconds: number; smoke: boolean; history?: boolean }) {
  const q = db.pool;
  const out = new Map<string, { p50: number; p95: number }>();
  const run = async (key: string, fn: (i: number) => Promise<unknown>) => {
    const r = await measure(key, 8, o.seconds, o.smoke ? 3 : 0, fn);
    if (r.errors) throw new Error(`raw ${key}: ${r.errors} errors`);
    out.set(key, { p50: r.p50, p95: r.p95 });
  };
  const counted = [...COUNTED_STATES];
  const pivot = (u: { id: string; path: string }) =>
    sumCounts(q, { scopePath: u.path, states: counted }, ['child', 'field'], u, REGISTRATION_STATES);
  await run('dashboard-root', () => pivot(fx.root));
  await run('dashboard-province', () => pivot(fx.province));
  await run('dashboard-commune', () => pivot(fx.commune));
  const pivotThen = (u: { id: string; path: string }) =>
    sumCounts(q, { scopePath: u.path, states: counted, tree: 'then' }, ['child', 'field'], u, REGISTRATION_STATES);
  await run('dashboard-root-then', () => pivotThen(fx.root));
  await run('dashboard-province-then', () => pivotThen(fx.province));
  await run('dashboard-commune-then', () => pivotThen(fx.commune));
  // The tree's history: a year before the reform and one after it, on either tree.
  if (o.history)
    for (const year of [2024, 2025])
      for (const tree of ['today', 'then'] as const)
        for (const [key, u] of [
          ['root', fx.root],
          ['province', fx.province],
          ['commune', fx.commune],
        ] as const)
          await run(`dashboard-${key}-${year}-${tree}`, () =>
            sumCounts(q, { scopePath: u.path, states: counted, year, tree }, ['child', 'field'], u, REGISTRATION_STATES),
          );
  await run('search', (i) => searchRegistrations(q, prefixQuery(SEARCHES[i % SEARCHES.length]!)!, { scopePath: fx.root.path }, 20, 0));
  await run('search-province', (i) =>
    searchRegistrations(q, prefixQuery(SEARCHES[i % SEARCHES.length]!)!, { scopePath: fx.province.path }, 20, 0),
  );
  await run('list', async (i) => {
    const f = { scopePath: fx.province.path, fieldCode: ['economic', 'cultural_social'][i % 2], year: 2016 + (i % 10) };
    const total = (await sumCounts(q, f, [], fx.province, REGISTRATION_STATES))[0]?.count ?? 0;
    return listRegistrations(q, { ...f, total, limit: 50, offset: 0 });
  });
  const actor = {
    id: '00000000-0000-4000-8000-000000000000',
    role: 'officer' as const,
    entryPath: fx.province.path,
    viewPath: fx.province.path,
  };
  await run('model', async (i) => {
    const row = await findRegistrationInScope(q, fx.registrationIds[i % fx.registrationIds.length]!, fx.province.path);
    if (row) await presentRegistration(q, actor, row);
  });
  const unit = (
    await db.rows<{ id: string; name: string; path: string }>('select id, name, path::text as path from unit where id = $1', [
      fx.province.id,
    ])
  )[0]!;
  const r = await measure('report', 1, o.seconds ? Math.min(o.seconds, 5) : 0, o.smoke ? 1 : 0, () =>
    reportFigures(q, { viewPath: fx.province.path, unit, yearFrom: 2016, yearTo: 2025, campaign: null }),
  );
  out.set('report', { p50: r.p50, p95: r.p95 });

  const rootCount = (await sumCounts(q, { scopePath: fx.root.path, states: counted }, [], fx.root, REGISTRATION_STATES))[0]?.count ?? 0;
  const searchTotal = (await searchRegistrations(q, prefixQuery(SEARCHES[0]!)!, { scopePath: fx.root.path }, 1, 0)).total;
  return Object.assign(out, { answers: { rootCount, searchTotal } });
}
