import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ web: false, seed: false });
});
afterAll(async () => {
  await srv?.close();
});

describe('API surface', () => {
  it('health names the engine', async () => {
    const r = await new Client(srv.baseUrl).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: srv.engine });
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const r = await new Client(srv.baseUrl).get('/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/units', '/api/v1/units/{id}', '/api/v1/users', '/api/v1/audit']) {
      expect(r.body.paths[p], p).toBeDefined();
    }
    const login = r.body.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['username', 'password']);
    const create = r.body.paths['/api/v1/units'].post.requestBody.content['application/json'].schema;
    expect(create.properties.kind.enum).toContain('fatherland_front');
  });

  it('serves a browsable docs page', async () => {
    const res = await fetch(`${srv.baseUrl}/api/v1/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/swagger/i);
  });

  it('answers unknown API paths with the error shape in Vietnamese', async () => {
    const r = await new Client(srv.baseUrl).get('/api/v1/khong-co');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(r.body.error.message).toMatch(/Không tìm thấy/);
  });

  it('answers a malformed body with 400 and a Vietnamese message', async () => {
    const res = await fetch(`${srv.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: srv.baseUrl },
      body: '{"username":',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/Dữ liệu chưa hợp lệ/);
  });
});
