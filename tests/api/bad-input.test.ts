/** Odd input a user or a script can send: each gets a clear 4xx, never a server error. */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { launchedCampaign, startDemo, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;
let commune: string;
let womenUnion: string;
let province: string;

beforeAll(async () => {
  ({
    srv,
    u,
    units: { commune, womenUnion, province },
  } = await startDemo());
});

const registration = (over: Record<string, unknown> = {}) => ({
  kind: 'model',
  unitId: womenUnion,
  holder: 'collective',
  title: 'Mô hình tiết kiệm vì người nghèo',
  fieldCode: 'economic',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  level: 'commune',
  criteria: [{ name: 'Số hộ tham gia', target: 50, unitOfMeasure: 'hộ' }],
  ...over,
});

/** A refusal as every client reads it: the status, a stable code and a Vietnamese message. */
function refused(r: { status: number; body: any }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(Object.keys(r.body)).toEqual(['error']);
  expect(r.body.error.code).toBe(code);
  expect(r.body.error.message).toMatch(/[àáảãạăâđêôơưầấẩẫậềếểễệồốổỗộờớởỡợừứửữự]/i);
  return r.body.error.message as string;
}
afterAll(async () => {
  await srv?.close();
});

describe('bad input', () => {
  it('a NUL character in text is refused with 400, signed in or not', async () => {
    const r = await u.officer.post('/api/v1/units', {
      parentId: commune,
      code: 'NUL-1',
      name: 'Tên\u0000lạ',
      kind: 'other',
      level: 'grassroots',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect((await u.officer.get('/api/v1/units?q=%00')).status).toBeLessThan(500);
    expect((await new Client(srv.baseUrl).login('ad\u0000min', 'x')).status).toBeLessThan(500);
  });

  it('years and dates out of range are refused', async () => {
    expect((await u.officer.get('/api/v1/registrations?year=99999999999')).status).toBe(400);
    const r = await u.officer.post('/api/v1/units', {
      parentId: commune,
      code: 'NGAY-0',
      name: 'Ngày lạ',
      kind: 'other',
      level: 'grassroots',
      validFrom: '0000-01-01',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('1900–2100');
  });

  it('a typed % or _ in the account search is a literal character', async () => {
    const all = await u.admin.get('/api/v1/users?q=%25');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(0);
  });

  it('two units created at once with the same code: one wins, the other gets 409, never 500', async () => {
    const other = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    const results = await Promise.all(
      [commune, other, commune, other].map((parentId) =>
        u.admin.post('/api/v1/units', { parentId, code: 'DONG-THOI', name: 'Đơn vị tạo đồng thời', kind: 'other', level: 'grassroots' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'UNIT_CODE_TAKEN')).toBe(true);
  });

  it('a repeated query parameter: the showcase reads the first value, no API route answers 500', async () => {
    const page = await fetch(`${srv.baseUrl}/cong-khai?tim=a&tim=b&linhVuc=economic&linhVuc=social&nam=2025&nam=2026&trang=1&trang=2`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('name="tim" value="a"');

    // Every GET of the API with each of its query parameters given twice, values its schema accepts.
    const doc = (await u.admin.get('/api/v1/openapi.json')).body;
    const value = (schema: any, i: number): string => {
      const s = schema?.anyOf?.find((x: any) => x.type !== 'null') ?? schema ?? {};
      if (s.enum) return String(s.enum[i % s.enum.length]);
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return `2026-0${i + 1}-01`;
      if (s.type === 'integer' || s.type === 'number') return String(i + 1);
      return i ? 'b' : 'a';
    };
    let probed = 0;
    for (const [route, ops] of Object.entries<any>(doc.paths)) {
      const get = ops.get;
      const query = (get?.parameters ?? []).filter((p: any) => p.in === 'query');
      if (!query.length) continue;
      const url = route.replace(/\{[^}]+\}/g, randomUUID());
      for (const p of query) {
        const qs = new URLSearchParams([
          [p.name, value(p.schema, 0)],
          [p.name, value(p.schema, 1)],
        ]);
        const r = await u.admin.get(`${url}?${qs}`);
        expect(r.status, `${route}?${qs}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
        if (r.status >= 400) expect(r.body.error.code, route).toMatch(/^[A-Z_]+$/);
        probed++;
      }
    }
    expect(probed).toBeGreaterThan(20);
  });

  it('a registration level comes from the closed list; the district level only for periods starting before 1 July 2025', async () => {
    const galaxy = await u.unit.post('/api/v1/registrations', registration({ title: 'Mô hình cấp lạ', level: 'galaxy' }));
    expect(refused(galaxy, 400, 'VALIDATION_FAILED')).toContain('Cấp');
    const list = await u.unit.get('/api/v1/registrations?q=cap%20la&pageSize=200');
    expect(list.body.items.map((x: any) => x.title)).not.toContain('Mô hình cấp lạ');

    const late = await u.unit.post(
      '/api/v1/registrations',
      registration({ level: 'district', startDate: '2025-07-01', endDate: '2025-12-31', year: 2025 }),
    );
    expect(refused(late, 400, 'DISTRICT_LEVEL_ENDED')).toContain('01/07/2025');
    const early = await u.unit.post(
      '/api/v1/registrations',
      registration({ level: 'district', startDate: '2025-03-01', endDate: '2025-12-31', year: 2025 }),
    );
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    expect(early.body.level).toBe('district');

    // An edit obeys the same rules, with the stored values it does not change.
    refused(
      await u.unit.patch(`/api/v1/registrations/${early.body.id}`, { version: early.body.version, level: 'galaxy' }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await u.unit.patch(`/api/v1/registrations/${early.body.id}`, { version: early.body.version, startDate: '2025-08-01' }),
      400,
      'DISTRICT_LEVEL_ENDED',
    );
    const moved = await u.unit.patch(`/api/v1/registrations/${early.body.id}`, {
      version: early.body.version,
      startDate: '2025-08-01',
      level: 'commune',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const levels = (await u.officer.get('/api/v1/stats?groupBy=level&allStates=true')).body;
    expect(JSON.stringify(levels)).not.toContain('galaxy');
  });

  it('text that shows nothing is refused, control characters are refused, long text keeps its lines', async () => {
    for (const title of ['\u200B\u200B\u200B', '\u0301\u0323\u0309', '\u200D\u200C', '\u3164', '\u00A0 \u2003']) {
      const r = await u.unit.post('/api/v1/registrations', registration({ title }));
      expect(refused(r, 400, 'VALIDATION_FAILED'), JSON.stringify(title)).toContain('Tên (tiêu đề)');
    }
    expect(
      refused(await u.unit.post('/api/v1/registrations', registration({ title: '\u0301\u0301' })), 400, 'VALIDATION_FAILED'),
    ).toContain('không nhìn thấy');
    for (const title of ['Mô hình\u0007 chuông', 'Mô hình \u001B[31mđỏ', 'Mô hình \u202Eđảo chiều', 'Mô hình \uD800 lẻ']) {
      const r = await u.unit.post('/api/v1/registrations', registration({ title }));
      expect(refused(r, 400, 'VALIDATION_FAILED'), JSON.stringify(title)).toContain('ký tự điều khiển');
    }
    refused(await u.unit.post('/api/v1/registrations', registration({ problem: 'Hộ nghèo\u0000 thiếu vốn' })), 400, 'VALIDATION_FAILED');

    // Every text field goes through the same helper: a unit's name, a user's name, a campaign's title.
    refused(
      await u.unit.post('/api/v1/units', { parentId: commune, code: 'VO-HINH', name: '\u200B\u0301', kind: 'other', level: 'grassroots' }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await u.officer.post('/api/v1/campaigns', {
        unitId: province,
        title: '\u200D',
        yearFrom: 2026,
        yearTo: 2026,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await u.admin.post('/api/v1/users', {
        username: 'vohinh',
        fullName: '\u0301\u0301',
        role: 'unit_officer',
        unitId: commune,
        entryUnitId: commune,
        viewUnitId: commune,
        password: 'Mat-khau-2026!',
      }),
      400,
      'VALIDATION_FAILED',
    );

    // What is kept: line breaks and tabs in long text (CR LF as LF), one line's breaks as spaces,
    // composed Vietnamese, zero-width spaces removed.
    const ok = await u.unit.post(
      '/api/v1/registrations',
      registration({
        title: 'Mô hình\n“Dân vận\u200B khéo”\tấp 3',
        problem: 'Dòng một\r\nDòng hai\tcột',
        personPosition: 'Chu\u0309 tịch',
      }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.title).toBe('Mô hình “Dân vận khéo” ấp 3');
    expect(ok.body.problem).toBe('Dòng một\nDòng hai\tcột');
    expect(ok.body.personPosition).toBe('Chủ tịch');

    refused(
      await u.unit.patch(`/api/v1/registrations/${ok.body.id}`, { version: ok.body.version, title: '\u200B' }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await u.unit.patch(`/api/v1/registrations/${ok.body.id}`, { version: ok.body.version, solutions: 'Bước 1\u0008' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it("the period lies in the registration year and its campaign's years, with sane dates", async () => {
    const r1900 = await u.unit.post('/api/v1/registrations', registration({ startDate: '1900-01-01', endDate: '1900-12-31', year: 2025 }));
    expect(refused(r1900, 400, 'PERIOD_OUTSIDE_YEAR')).toContain('2025');
    refused(
      await u.unit.post('/api/v1/registrations', registration({ startDate: '1900-01-01', endDate: '2025-12-31', year: 2025 })),
      400,
      'PERIOD_TOO_LONG',
    );
    refused(
      await u.unit.post('/api/v1/registrations', registration({ startDate: '2026-05-01', endDate: '2026-01-01' })),
      400,
      'DATES_INVALID',
    );
    const across = await u.unit.post('/api/v1/registrations', registration({ startDate: '2025-10-01', endDate: '2026-09-30', year: 2026 }));
    expect(across.status, JSON.stringify(across.body)).toBe(201);
    refused(
      await u.unit.patch(`/api/v1/registrations/${across.body.id}`, { version: across.body.version, year: 2030 }),
      400,
      'PERIOD_OUTSIDE_YEAR',
    );
    refused(
      await u.unit.patch(`/api/v1/registrations/${across.body.id}`, { version: across.body.version, endDate: '2025-09-30' }),
      400,
      'DATES_INVALID',
    );
    // New dates without a year: the year stays while the period overlaps it, else follows the start.
    const shorter = await u.unit.patch(`/api/v1/registrations/${across.body.id}`, {
      version: across.body.version,
      startDate: '2026-01-01',
    });
    expect(shorter.body.year).toBe(2026);
    const later = await u.unit.patch(`/api/v1/registrations/${across.body.id}`, {
      version: shorter.body.version,
      startDate: '2027-01-05',
      endDate: '2027-12-20',
    });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body.year).toBe(2027);

    const c = await launchedCampaign(u.officer, {
      unitId: province,
      title: 'Thi đua năm 2026–2027',
      yearFrom: 2026,
      yearTo: 2027,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    const outside = await u.unit.post(
      '/api/v1/registrations',
      registration({ campaignId: c.body.id, startDate: '2028-01-01', endDate: '2028-12-31' }),
    );
    expect(refused(outside, 400, 'YEAR_OUTSIDE_CAMPAIGN')).toContain('Thi đua năm 2026–2027');
    const inside = await u.unit.post(
      '/api/v1/registrations',
      registration({ campaignId: c.body.id, startDate: '2027-01-01', endDate: '2027-12-31' }),
    );
    expect(inside.status, JSON.stringify(inside.body)).toBe(201);
    // Moving the year, or moving a registration of 2028 into the campaign, meets the same rule.
    refused(
      await u.unit.patch(`/api/v1/registrations/${inside.body.id}`, {
        version: inside.body.version,
        year: 2028,
        startDate: '2028-01-01',
        endDate: '2028-12-31',
      }),
      400,
      'YEAR_OUTSIDE_CAMPAIGN',
    );
    const free = await u.unit.post('/api/v1/registrations', registration({ startDate: '2028-01-01', endDate: '2028-12-31' }));
    expect(free.status).toBe(201);
    refused(
      await u.unit.patch(`/api/v1/registrations/${free.body.id}`, { version: free.body.version, campaignId: c.body.id }),
      400,
      'YEAR_OUTSIDE_CAMPAIGN',
    );
  });

  it('a deactivated unit takes no registration and no sub-unit', async () => {
    const team = await u.unit.post('/api/v1/units', {
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-NGUNG`,
      name: 'Tổ đã giải thể',
      kind: 'other',
      level: 'grassroots',
    });
    expect(team.status).toBe(201);
    const off = await u.unit.post(`/api/v1/units/${team.body.id}/deactivate`, { version: team.body.version });
    expect(off.status).toBe(200);
    expect(
      refused(await u.unit.post('/api/v1/registrations', registration({ unitId: team.body.id })), 409, 'UNIT_INACTIVE_REGISTRATION'),
    ).toContain('Tổ đã giải thể');
    refused(
      await u.unit.post('/api/v1/units', {
        parentId: team.body.id,
        code: `${DEMO_COMMUNE_UNIT}-NGUNG-1`,
        name: 'Tổ con',
        kind: 'other',
        level: 'grassroots',
      }),
      409,
      'UNIT_INACTIVE',
    );
  });

  it('an oversized request header answers 431 with a code and a Vietnamese message', async () => {
    const r = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request(`${srv.baseUrl}/api/v1/auth/me`, { headers: { cookie: `x=${'a'.repeat(40_000)}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(r.status).toBe(431);
    expect(r.type).toContain('application/json');
    refused({ status: r.status, body: JSON.parse(r.body) }, 431, 'HEADERS_TOO_LARGE');
  });
});
