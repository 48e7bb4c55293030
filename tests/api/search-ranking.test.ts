/**
 * Search ranking: registrations whose title holds every word come first, then the others; inside
 * each group the most recently changed first, then by id. The same order whichever way the page is
 * found: the walk down the newest registrations, the RUM index (PostgreSQL with the rum package:
 * migration 0044) or the GIN index (PGlite, or PostgreSQL without the package).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/data/db.js';
import { forgetSearchIndex, SEARCH_RUM_INDEX, searchRegistrations, searchTuning, searchUsesRum } from '../../src/data/search-repo.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginAll, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
const tuning = { ...searchTuning };
/** The registrations of the test, by role: the expected order is B, E/F (same instant, by id), A, C, D. */
const ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string> = {} as never;
let expected: string[];

beforeAll(async () => {
  srv = await startTestServer({ models: true, web: false });
  u = await loginAll(srv);
  const list = await u.officer.get('/api/v1/registrations?pageSize=6');
  expect(list.status).toBe(200);
  const picked: string[] = list.body.items.map((x: { id: string }) => x.id);
  expect(picked).toHaveLength(6);
  const roles = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
  roles.forEach((r, i) => (ids[r] = picked[i]!));
  // "Zêbra" is a word no demo record holds. Title matches: A (old, but of the latest year),
  // B (newest title match, an older year), E and F (changed at the same instant). C and D hold the
  // word in their description only: C was changed after every title match, D long before.
  const set = (id: string, title: string | null, problem: string | null, updatedAt: string, year: number) =>
    srv.db.rows(
      `update registration set title = coalesce($2, title), problem = coalesce($3, problem), updated_at = $4, year = $5 where id = $1`,
      [id, title, problem, updatedAt, year],
    );
  await set(ids.A, 'Làng nghề Zêbra giữ nghề truyền thống', null, '2026-01-05T08:00:00Z', 2026);
  await set(ids.B, 'Đội tự quản Zêbra ven sông', null, '2026-03-05T08:00:00Z', 2023);
  await set(ids.C, null, 'Bà con vùng Zêbra thiếu vốn sản xuất', '2026-06-05T08:00:00Z', 2026);
  await set(ids.D, null, 'Học sinh xóm Zêbra đến trường muộn', '2025-01-05T08:00:00Z', 2026);
  await set(ids.E, 'Chi hội Zêbra sạch đẹp', null, '2026-02-05T08:00:00Z', 2026);
  await set(ids.F, 'Tổ hòa giải Zêbra', null, '2026-02-05T08:00:00Z', 2026);
  const [e, f] = [ids.E, ids.F].sort();
  expected = [ids.B, e!, f!, ids.A, ids.C, ids.D];
});
afterEach(() => {
  Object.assign(searchTuning, tuning);
});
afterAll(async () => {
  await srv?.close();
});

const ranked = async (q = 'zebra', pageSize = 20, page = 1) => {
  const r = await u.officer.get(`/api/v1/search?q=${encodeURIComponent(q)}&pageSize=${pageSize}&page=${page}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { total: number; capped: boolean; items: { id: string; title: string }[] };
};

/** Every page of the answer, two at a time: the pages must fit together into the same order. */
const paged = async () => {
  const ids: string[] = [];
  for (let page = 1; page <= 4; page++) ids.push(...(await ranked('Zêbra', 2, page)).items.map((x) => x.id));
  return ids;
};

/** A Queryable that runs on the real pool and keeps what it ran, to explain the statements after. */
const recording = (pool: Queryable) => {
  const ran: { text: string; params: unknown[] }[] = [];
  const q: Queryable = {
    query: (text: string, params?: unknown[]) => {
      ran.push({ text, params: params ?? [] });
      return pool.query(text, params);
    },
  } as Queryable;
  return { q, ran };
};

describe('search ranking', () => {
  it('puts title matches first, then the most recently changed, then by id, on one page and across pages', async () => {
    const all = await ranked();
    expect(all.total).toBe(6);
    expect(all.capped).toBe(false);
    expect(all.items.map((x) => x.id)).toEqual(expected);
    // a prefix being typed ranks the same way
    expect((await ranked('zeb')).items.map((x) => x.id)).toEqual(expected);
    expect(await paged()).toEqual(expected);
  });

  it('ranks the same when the page comes from the search index: RUM where PostgreSQL has it, GIN otherwise', async () => {
    const pool = srv.db.pool as Queryable;
    forgetSearchIndex(pool);
    // the walk reads nothing: the page and the count come from the index
    Object.assign(searchTuning, { walk: 0, countWalk: 0 });
    const rum = await searchUsesRum(pool);
    if (srv.engine === 'postgres') {
      // the test server has the rum package (.ci/run installs it with PostgreSQL)
      expect(rum).toBe(true);
      expect(await paged()).toEqual(expected);
      expect((await ranked()).items.map((x) => x.id)).toEqual(expected);
      // the newest-first statement is served by the RUM index, sorted inside it
      const { q, ran } = recording(pool);
      const [root] = await srv.db.rows<{ path: string }>(`select path::text from unit where parent_id is null`);
      await searchRegistrations(q, 'zebra', { scopePath: root!.path }, 20, 0);
      const ordered = ran.filter((s) => s.text.includes('<=|'));
      expect(ordered.length).toBeGreaterThan(0);
      // (on the demo's few dozen rows the planner rightly reads them all and sorts: told to do
      // neither, it takes the order from the RUM index, which only an index that serves it can give)
      for (const s of ordered) {
        const plan = await srv.db.tx(async (t) => {
          await t.query('set local enable_seqscan = off');
          await t.query('set local enable_sort = off');
          const r = await t.query<{ 'QUERY PLAN': string }>(`explain ${s.text}`, s.params);
          return r.rows.map((x) => x['QUERY PLAN']).join('\n');
        });
        expect(plan).toContain(`Index Scan using ${SEARCH_RUM_INDEX}`);
        expect(plan).toContain('Order By: (updated_at <=|');
        expect(plan).not.toMatch(/Sort Key/);
      }
      // without the index (a server without the package), the GIN path gives the same answer
      await srv.db.rows(`drop index ${SEARCH_RUM_INDEX}`);
      forgetSearchIndex(pool);
      expect(await searchUsesRum(pool)).toBe(false);
    } else {
      // PGlite has no RUM: migration 0044 created nothing
      expect(rum).toBe(false);
    }
    const gin = await ranked();
    expect(gin.total).toBe(6);
    expect(gin.items.map((x) => x.id)).toEqual(expected);
    expect(await paged()).toEqual(expected);
  });

  it('counts exactly up to the cap from the index as from the walk', async () => {
    const walked = await ranked('zebra');
    Object.assign(searchTuning, { walk: 0, countWalk: 0 });
    const indexed = await ranked('zebra');
    expect(indexed.total).toBe(walked.total);
    // a page past the end still says how many there are
    const past = await ranked('zebra', 20, 3);
    expect(past).toMatchObject({ total: 6, capped: false, items: [] });
  });
});
