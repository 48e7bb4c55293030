/**
 * "Bản đồ hành chính": an administrator loads the 2025 map and then the 2025 history while the
 * server runs; each load is a stored job with its stage and counts, one at a time, admins only.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
useDemo((demo) => {
  ({ srv, u } = demo);
});

async function finished(admin: Client, id: string) {
  for (let i = 0; i < 600; i++) {
    const r = await admin.get(`/api/v1/admin-map/loads/${id}`);
    expect(r.status).toBe(200);
    if (r.body.state === 'done' || r.body.state === 'failed') return r.body;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error('load did not finish');
}

const count = async (sql: string) => (await srv.db.rows<{ n: number }>(sql))[0]!.n;

describe('loading the administrative map from the screen', () => {
  it('only an administrator of the whole country may load or read the loads', async () => {
    for (const who of [u.officer, u.unit, u.viewer, u.member]) {
      const r = await who.post('/api/v1/admin-map/loads', { kind: 'admin_units' });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect((await who.get('/api/v1/admin-map/loads')).status).toBe(403);
    }
    expect(await count('select count(*)::int as n from admin_load_job')).toBe(0);
  });

  it('one load at a time: while another runs, a start answers 409 in Vietnamese', async () => {
    const [admin] = await srv.db.rows<{ id: string }>(`select id from app_user where username = 'admin'`);
    await srv.db.rows(
      `insert into admin_load_job (id, kind, state, created_by) values ('00000000-0000-4000-8000-000000000001', 'admin_units', 'running', $1)`,
      [admin!.id],
    );
    const r = await u.admin.post('/api/v1/admin-map/loads', { kind: 'admin_history' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ADMIN_LOAD_RUNNING');
    expect(r.body.error.message).toContain('Đang có một lần nạp');
    await srv.db.rows(`update admin_load_job set state = 'failed', finished_at = now() where id = '00000000-0000-4000-8000-000000000001'`);
  });

  it('loads the 2025 map, then the history, each to the end with its counts, and the list keeps them', async () => {
    const start = await u.admin.post('/api/v1/admin-map/loads', { kind: 'admin_units' });
    expect(start.status).toBe(202);
    expect(start.body.kind).toBe('admin_units');
    const map = await finished(u.admin, start.body.id);
    expect(map).toMatchObject({ state: 'done', stageLabel: 'Đã xong', rowsRead: 34 + 3321, error: null });
    expect(await count(`select count(*)::int as n from unit where kind = 'commune' and valid_to is null`)).toBe(3321);
    expect(await count(`select count(*)::int as n from unit where kind = 'province' and valid_to is null`)).toBe(34);
    expect(map.unitsWritten).toBe(map.result.unitsAdded);
    expect(map.result.unitsAdded).toBeGreaterThan(3000); // the demo had Vĩnh Long only

    const history = await finished(u.admin, (await u.admin.post('/api/v1/admin-map/loads', { kind: 'admin_history' })).body.id);
    expect(history.state).toBe('done');
    expect(await count(`select count(*)::int as n from unit where not active and valid_to = '2025-06-30'`)).toBe(52 + 696 + 9903);
    expect(history.unitsWritten).toBe(history.result.oldUnitsAdded + history.result.mapUnitsAdded);
    expect(await count(`select count(*)::int as n from unit_lineage where effective_date = '2025-07-01'`)).toBe(10566 + 696 + 52);

    // A page opened again finds both loads with their figures.
    const list = await u.admin.get('/api/v1/admin-map/loads');
    expect(
      list.body.items.slice(0, 2).map((j: { kind: string; state: string; createdBy: string }) => [j.kind, j.state, j.createdBy]),
    ).toEqual([
      ['admin_history', 'done', 'Quản trị hệ thống'],
      ['admin_units', 'done', 'Quản trị hệ thống'],
    ]);
    // Loading again adds nothing.
    const again = await finished(u.admin, (await u.admin.post('/api/v1/admin-map/loads', { kind: 'admin_history' })).body.id);
    expect(again.result).toEqual({ mapUnitsAdded: 0, oldUnitsAdded: 0, versionsAdded: 0, lineageAdded: 0, changesAdded: 0 });
  });
});
