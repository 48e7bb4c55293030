/**
 * Fair export queues: one user cannot fill the queue (a few exports queued or running each, then a
 * clear 429), and the runner takes jobs fairly between users, so an officer's export is not
 * starved behind a viewer's long queue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimNextExportJob } from '../../src/data/export-jobs-repo.js';
import { ExportRunner } from '../../src/jobs/export-jobs.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
const ids: Record<string, string> = {};
const scopes: Record<string, string> = {};

useDemo(async (demo) => {
  ({ srv, u } = demo);
  for (const r of await srv.db.rows<{ username: string; id: string; path: string }>(
    `select a.username, a.id, v.path::text as path from app_user a join unit v on v.id = a.view_unit_id where a.username in ('viewer', 'officer')`,
  )) {
    ids[r.username] = r.id;
    scopes[r.username] = r.path;
  }
});

/** A job as a request records it, `minutesAgo` old, in the given state (running: on another instance). */
async function job(who: 'viewer' | 'officer', minutesAgo: number, state: 'queued' | 'running' = 'queued'): Promise<string> {
  const id = randomUUID();
  await srv.db.rows(
    `insert into export_job (id, kind, params, scope_path, created_by, state, created_at)
     values ($1, 'registrations', $2::jsonb, $3::ltree, $4, $5, now() - make_interval(mins => $6))`,
    [id, JSON.stringify({ filter: { scopePath: scopes[who] }, description: `Xuất của ${who}` }), scopes[who], ids[who], state, minutesAgo],
  );
  return id;
}

/** An empty queue, then three jobs of the viewer (10, 9 and 8 minutes old) and one of the officer (1 minute old). */
async function viewerQueueThenOfficer(): Promise<[string, string, string, string]> {
  await srv.db.rows('delete from export_job');
  const v1 = await job('viewer', 10);
  const v2 = await job('viewer', 9);
  const v3 = await job('viewer', 8);
  return [v1, v2, v3, await job('officer', 1)];
}

async function finished(id: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [j] = await srv.db.rows<{ state: string }>('select state from export_job where id = $1', [id]);
    if (j?.state === 'done' || j?.state === 'failed') return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`export ${id} not finished`);
}

describe('fair claiming', () => {
  it('several runners at once: the next job goes to the user with the fewest running, then the oldest', async () => {
    const [v1, v2, v3, o1] = await viewerQueueThenOfficer();
    const order: string[] = [];
    // Claimed and not finished, as by several app instances sharing the queue.
    for (let i = 0; i < 4; i++) order.push((await srv.db.tx((q) => claimNextExportJob(q)))!.id);
    expect(order).toEqual([v1, o1, v2, v3]);
    expect(await srv.db.tx((q) => claimNextExportJob(q))).toBeNull();
  });

  it('one runner working through the queue: the officer who asked later is served second, not after the viewer’s whole queue', async () => {
    const [v1, v2, v3, o1] = await viewerQueueThenOfficer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-exports-'));
    const runner = new ExportRunner(srv.db, dir);
    runner.kick();
    await runner.idle();
    const done = await srv.db.rows<{ id: string; state: string }>(`select id, state from export_job order by started_at`);
    expect(done.map((j) => j.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(done.map((j) => j.id)).toEqual([v1, o1, v2, v3]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a limit per user', () => {
  it('with three exports queued or running, the next one is refused with a clear 429; other users are not', async () => {
    await srv.db.rows('delete from export_job');
    // Two running on another instance and one queued: the viewer's three.
    await job('viewer', 3, 'running');
    await job('viewer', 2, 'running');
    const queued = await job('viewer', 1);
    const refused = await u.viewer.post('/api/v1/exports', { kind: 'registrations', filter: {} });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('EXPORT_QUEUE_FULL');
    expect(refused.body.error.message).toContain('Vui lòng chờ');
    expect(refused.body.error.message).toContain('3');
    expect((await srv.db.one<{ n: number }>(`select count(*)::int as n from export_job where created_by = $1`, [ids.viewer])).n).toBe(3);

    const officer = await u.officer.post('/api/v1/exports', { kind: 'registrations', filter: {} });
    expect(officer.status).toBe(202);

    // Once the queued one is made, the viewer has room for one more.
    await finished(queued);
    const next = await u.viewer.post('/api/v1/exports', { kind: 'registrations', filter: {} });
    expect(next.status).toBe(202);
  });
});
