/**
 * "Tệp đã xuất của tôi" (GET /api/v1/exports): each user sees their own export jobs, newest first,
 * paged with the total; nobody sees another user's jobs, not even an admin above them; a job made
 * for a place no longer in the user's view is not listed; jobs older than a day are gone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob, ExportJobList } from '../../src/domain/report-schemas.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginAll, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
const ids: Record<string, string> = {};
const views: Record<string, string> = {};

beforeAll(async () => {
  srv = await startTestServer({ web: false });
  u = await loginAll(srv);
  for (const r of await srv.db.rows<{ username: string; id: string; path: string }>(
    `select a.username, a.id, v.path::text as path from app_user a join unit v on v.id = a.view_unit_id
      where a.username in ('admin', 'officer', 'viewer', 'unit')`,
  )) {
    ids[r.username] = r.id;
    views[r.username] = r.path;
  }
});
afterAll(async () => {
  await srv?.close();
});

type Who = 'admin' | 'officer' | 'viewer' | 'unit';

/** A finished job as the runner leaves it, made `minutesAgo` ago by `who` for the place `scope`. */
async function pastJob(who: Who, minutesAgo: number, scope = views[who]!): Promise<string> {
  const id = randomUUID();
  await srv.db.rows(
    `insert into export_job (id, kind, params, scope_path, created_by, state, progress, total, file_name, created_at, finished_at)
     values ($1, 'registrations', $2::jsonb, $3::ltree, $4, 'done', 3, 3, 'danh-sach-mo-hinh.xlsx',
             now() - make_interval(mins => $5), now() - make_interval(mins => $5) + interval '5 seconds')`,
    [id, JSON.stringify({ filter: { scopePath: scope }, description: `Xuất của ${who}` }), scope, ids[who], minutesAgo],
  );
  return id;
}

async function mine(who: Who, query = ''): Promise<ExportJobList> {
  const r = await u[who].get(`/api/v1/exports${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as ExportJobList;
}

/** Asks for an export as the screen does and waits until the runner has finished it. */
async function exportNow(who: Who): Promise<ExportJob> {
  const r = await u[who].post('/api/v1/exports', { kind: 'registrations', filter: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  for (let i = 0; i < 400; i++) {
    const j = await u[who].get(`/api/v1/exports/${r.body.id}`);
    if (j.body.state === 'done' || j.body.state === 'failed') return j.body as ExportJob;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('export not finished');
}

describe('my exports', () => {
  it('lists the user’s own jobs newest first, as GET /exports/:id answers them, paged with the total', async () => {
    const older = [await pastJob('officer', 50), await pastJob('officer', 40), await pastJob('officer', 30), await pastJob('officer', 20)];
    const fresh = await exportNow('officer');
    expect(fresh.state).toBe('done');
    const expected = [fresh.id, ...older.reverse()];

    const all = await mine('officer');
    expect(all.total).toBe(5);
    expect(all.items.map((j) => j.id)).toEqual(expected);
    // each item is the job itself: kind, state, progress, file name, times
    expect(all.items[0]).toEqual(fresh);
    expect(all.items[1]).toMatchObject({
      kind: 'registrations',
      state: 'done',
      progress: 3,
      total: 3,
      fileName: 'danh-sach-mo-hinh.xlsx',
      error: null,
    });
    expect(Date.parse(all.items[1]!.finishedAt!)).toBeGreaterThan(Date.parse(all.items[1]!.createdAt));

    const pages = await Promise.all([1, 2, 3].map((p) => mine('officer', `?page=${p}&pageSize=2`)));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.items.map((j) => j.id))).toEqual([expected.slice(0, 2), expected.slice(2, 4), expected.slice(4)]);
    expect((await mine('officer', '?page=4&pageSize=2')).items).toEqual([]);
  });

  it('another user never sees them, not even the admin whose view holds the officer’s province', async () => {
    const officers = (await mine('officer')).items.map((j) => j.id);
    expect(officers.length).toBeGreaterThan(0);
    const adminsOwn = await pastJob('admin', 5);
    const admin = await mine('admin');
    expect(admin.items.map((j) => j.id)).toEqual([adminsOwn]);
    for (const id of officers) expect(admin.items.map((j) => j.id)).not.toContain(id);
    expect(admin.total).toBe(1);
    for (const who of ['viewer', 'unit'] as const) {
      const seen = (await mine(who)).items.map((j) => j.id);
      for (const id of officers) expect(seen).not.toContain(id);
    }
    // nor can it be opened by its id
    expect((await u.admin.get(`/api/v1/exports/${officers[0]}`)).status).toBe(404);
  });

  it('a read-only leader sees only their own, and not one made for a place that has left their view', async () => {
    const own = await exportNow('viewer');
    const older = await pastJob('viewer', 15);
    // made while the leader's view was the whole country (the admin's view, above the province)
    await pastJob('viewer', 10, views.admin);
    const list = await mine('viewer');
    expect(list.items.map((j) => j.id)).toEqual([own.id, older]);
    expect(list.total).toBe(2);
  });

  it('jobs older than a day are gone once the runner has expired them', async () => {
    const old = await pastJob('unit', 25 * 60);
    const kept = await pastJob('unit', 60);
    expect((await mine('unit')).items.map((j) => j.id)).toEqual([kept, old]);
    // the runner removes expired jobs whenever it works, here for the next export asked for
    const fresh = await exportNow('unit');
    const list = await mine('unit');
    expect(list.items.map((j) => j.id)).toEqual([fresh.id, kept]);
    expect(list.total).toBe(2);
  });

  it('needs a session and refuses a page that is not a page', async () => {
    const anon = await fetch(`${srv.baseUrl}/api/v1/exports`);
    expect(anon.status).toBe(401);
    const bad = await u.officer.get('/api/v1/exports?page=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
