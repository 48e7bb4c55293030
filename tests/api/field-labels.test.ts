import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../../src/domain/field-labels.js';
import { Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer({ seed: false, web: false });
});
afterAll(async () => srv?.close());

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** Every field a request may carry, from the OpenAPI document: body fields at any depth, query and path parameters. */
function requestFields(doc: {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { name: string }[] }>
  >;
  components?: { schemas?: Record<string, Schema> };
}) {
  const fields = new Map<string, string>();
  const seen = new Set<Schema>();
  const walk = (schema: Schema | boolean | undefined, where: string) => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
    if (!s || seen.has(s)) return;
    seen.add(s);
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (!fields.has(name)) fields.set(name, where);
      walk(sub, where);
    }
    walk(s.items, where);
    walk(s.additionalProperties, where);
    for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub, where);
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      walk(op.requestBody?.content?.['application/json']?.schema, `${method} ${path}`);
      for (const p of op.parameters ?? []) if (!fields.has(p.name)) fields.set(p.name, `${method} ${path}`);
    }
  }
  return fields;
}

describe('validation messages name request fields in Vietnamese', () => {
  it('every field of every request in the OpenAPI document has a Vietnamese name', async () => {
    const doc = (await new Client(srv.baseUrl).get('/api/v1/openapi.json')).body;
    const fields = requestFields(doc);
    expect(fields.size).toBeGreaterThan(150);
    const unnamed = [...fields].filter(([name]) => !FIELD_LABELS[name]).map(([name, where]) => `${name} (${where})`);
    expect(unnamed).toEqual([]);
  });

  it('a review report sent empty is refused naming its fields as the screen does; in English the keys stay', async () => {
    const vi = await new Client(srv.baseUrl).post('/api/v1/review-reports', {});
    expect(vi.status).toBe(400);
    expect(vi.body.error.code).toBe('VALIDATION_FAILED');
    expect(vi.body.error.message).toContain('Cơ quan ban hành');
    expect(vi.body.error.message).toContain('Địa danh');
    expect(vi.body.error.message).toContain('Ngày báo cáo');
    // A name several screens share is told apart by the route: here the reporting unit, as the report form says.
    expect(vi.body.error.message).toContain('Đơn vị báo cáo');
    expect(vi.body.error.message).not.toMatch(/issuingBody|place|reportDate|unitId/);

    const en = await new Client(srv.baseUrl, 'en').post('/api/v1/review-reports', {});
    expect(en.status).toBe(400);
    expect(en.body.error.message).toContain('issuingBody');
    expect(en.body.error.message).not.toContain('Cơ quan ban hành');
  });

  it("a criterion without a name is named as the criterion's name, not a unit's", async () => {
    const res = await new Client(srv.baseUrl).post('/api/v1/registrations', { criteria: [{ target: 'x' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Tiêu chí – Tên tiêu chí');
    expect(res.body.error.message).not.toContain('Tên đơn vị');
    expect(res.body.error.message).not.toMatch(/\bcriteria\b|\bname\b/);
  });
});
