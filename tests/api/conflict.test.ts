import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../../src/http/errors.js';
import { startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer({ seed: false, web: false });
});
afterAll(async () => srv?.close());

describe('database refusals and rules, on the real database', () => {
  it('a unique index the server does not know answers CONFLICT in Vietnamese, not a stale version', async () => {
    const app = Fastify();
    installErrorHandling(app);
    // A real unique violation from the real database: the first migration is already recorded.
    app.post('/duplicate', async () => {
      await srv.db.pool.query('insert into schema_migration (name) values ($1)', ['0001_foundation.sql']);
      return {};
    });
    const vi = await app.inject({ method: 'POST', url: '/duplicate' });
    expect(vi.statusCode).toBe(409);
    expect(vi.json().error.code).toBe('CONFLICT');
    expect(vi.json().error.message).toContain('trùng');
    const en = await app.inject({ method: 'POST', url: '/duplicate', headers: { 'accept-language': 'en' } });
    expect(en.json().error.code).toBe('CONFLICT');
    await app.close();
  });

  it('dvk_counted_state counts what was sent for appraisal and not refused', async () => {
    const { rows } = await srv.db.pool.query<{ state: string; counted: boolean }>(
      `select s as state, dvk_counted_state(s) as counted from unnest($1::text[]) s`,
      [['draft', 'submitted', 'returned', 'accepted', 'rejected', 'recognised', 'not_recognised', 'completed', 'discontinued']],
    );
    expect(rows.filter((r) => !r.counted).map((r) => r.state)).toEqual(['draft', 'rejected']);
  });
});
