/**
 * A client whose answer was lost sends the same create again: with the same Idempotency-Key it gets
 * the first answer back and nothing is written twice, for every create the API offers.
 */
import { describe, expect, it } from 'vitest';
import type { Client, Reply } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { recognise, useDemo, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, womenUnion: string;
let accepted: { id: string; criteria: { id: string }[] };
let recognised: string;
let keySeq = 0;

// The smallest valid PNG (1×1 pixel).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2e4b10000000049454e44ae426082',
  'hex',
);

const registration = (n: number, unit = womenUnion) => ({
  kind: 'model',
  unitId: unit,
  holder: 'collective',
  title: `Mô hình gửi lại ${n}`,
  fieldCode: 'economic',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  level: 'commune',
  criteria: [{ name: 'Số hộ tham gia', target: 10 + n, unitOfMeasure: 'hộ' }],
});

/** A fresh key, as the web app makes one per form submission. */
function newKey(): string {
  keySeq += 1;
  return `k-${Date.now().toString(36)}-${keySeq}`;
}

function send(c: Client, path: string, body: unknown, key?: string): Promise<Reply> {
  return c.request('POST', path, body, key === undefined ? {} : { 'idempotency-key': key });
}

async function count(table: string): Promise<number> {
  return (await srv.db.one<{ n: number }>(`select count(*)::int as n from ${table}`)).n;
}

/** Exports of the tests run at once; wait for the runner so that the per-user limit is not in the way. */
async function exportsSettled(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await srv.db.one<{ n: number }>(`select count(*)::int as n from export_job where state in ('queued', 'running')`)).n === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('exports still running');
}

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { province, commune, womenUnion },
  } = demo);
  const d = await u.unit.post('/api/v1/registrations', registration(900));
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  accepted = (await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version })).body;
  const r = await u.unit.post('/api/v1/registrations', registration(901));
  const rs = await u.unit.post(`/api/v1/registrations/${r.body.id}/submit`, { version: r.body.version });
  await u.officer.post(`/api/v1/registrations/${r.body.id}/accept`, { version: rs.body.version });
  await recognise(u, province, r.body.id);
  recognised = r.body.id;
});

interface CreateCase {
  name: string;
  who: () => Client;
  path: () => string;
  /** The n-th distinct body (unique codes and names differ between n). */
  body: (n: number) => unknown;
  table: string;
  status: number;
}

const cases: CreateCase[] = [
  {
    name: 'registration',
    who: () => u.unit,
    path: () => '/api/v1/registrations',
    body: (n) => registration(n),
    table: 'registration',
    status: 201,
  },
  {
    name: 'unit',
    who: () => u.unit,
    path: () => '/api/v1/units',
    table: 'unit',
    status: 201,
    body: (n) => ({
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-IDEM-${n}`,
      name: `Chi hội Ấp ${n}`,
      kind: 'socio_political',
      level: 'grassroots',
    }),
  },
  {
    name: 'user',
    who: () => u.admin,
    path: () => '/api/v1/users',
    table: 'app_user',
    status: 201,
    body: (n) => ({
      username: `canbo.idem${n}`,
      fullName: `Cán bộ ${n}`,
      role: 'unit_officer',
      unitId: commune,
      entryUnitId: commune,
      viewUnitId: commune,
      password: 'Mat-khau-2026',
    }),
  },
  {
    name: 'campaign',
    who: () => u.officer,
    path: () => '/api/v1/campaigns',
    table: 'campaign',
    status: 201,
    body: (n) => ({
      unitId: province,
      title: `Đợt thi đua gửi lại ${n}`,
      yearFrom: 2026,
      yearTo: 2027,
      startDate: '2026-01-15',
      endDate: '2027-12-31',
      quotas: [],
    }),
  },
  {
    name: 'criterion template',
    who: () => u.officer,
    path: () => '/api/v1/criteria-templates',
    table: 'criterion_template',
    status: 201,
    body: (n) => ({ target: 'collective', unitKind: 'school', name: `Tiêu chí gửi lại ${n}` }),
  },
  {
    name: 'inspection',
    who: () => u.member,
    path: () => `/api/v1/registrations/${accepted.id}/inspections`,
    table: 'inspection',
    status: 201,
    body: (n) => ({
      inspectedOn: '2026-06-15',
      overall: 'on_track',
      assessment: `Lần kiểm tra ${n}`,
      criteria: [{ criterionId: accepted.criteria[0]!.id, achieved: n % 100 }],
    }),
  },
  {
    name: 'recognition round',
    who: () => u.officer,
    path: () => '/api/v1/recognition-rounds',
    table: 'recognition_round',
    status: 201,
    body: (n) => ({ unitId: province, title: `Xét công nhận gửi lại ${n}` }),
  },
  {
    name: 'commendation',
    who: () => u.officer,
    path: () => `/api/v1/registrations/${recognised}/commendations`,
    table: 'commendation',
    status: 201,
    body: (n) => ({ formCode: 'giay_khen_btv', issuer: 'Ban Thường vụ Tỉnh ủy', decisionNo: `${n}-QĐ/TU`, decisionDate: '2026-11-22' }),
  },
  {
    name: 'proposal',
    who: () => u.unit,
    path: () => `/api/v1/registrations/${recognised}/proposals`,
    table: 'commendation_proposal',
    status: 201,
    body: (n) => ({ toUnitId: province, formCode: 'bang_khen_ubnd_tinh', reason: `Mô hình tiêu biểu, đề nghị lần ${n}` }),
  },
  {
    name: 'review report',
    who: () => u.unit,
    path: () => '/api/v1/review-reports',
    table: 'review_report',
    status: 201,
    body: (n) => ({
      unitId: commune,
      kind: 'interim',
      yearFrom: 2025,
      yearTo: 2025,
      title: `Sơ kết gửi lại ${n}`,
      parentBody: 'Đảng bộ xã Càng Long',
      issuingBody: 'Ban Chỉ đạo xã Càng Long',
      number: `Số ${n}-BC/BCĐ`,
      place: 'Càng Long',
      reportDate: '2025-12-20',
    }),
  },
  {
    name: 'export',
    who: () => u.viewer,
    path: () => '/api/v1/exports',
    table: 'export_job',
    status: 202,
    body: (n) => ({ kind: 'registrations', filter: { year: 2000 + n } }),
  },
];

describe('Idempotency-Key on every create', () => {
  for (const c of cases) {
    describe(c.name, () => {
      it('the same request twice with one key answers the first result and writes one row', async () => {
        await exportsSettled();
        const before = await count(c.table);
        const key = newKey();
        const first = await send(c.who(), c.path(), c.body(1), key);
        expect(first.status, JSON.stringify(first.body)).toBe(c.status);
        expect(first.headers.get('idempotent-replayed')).toBeNull();
        const again = await send(c.who(), c.path(), c.body(1), key);
        expect(again.status).toBe(c.status);
        expect(again.body).toEqual(first.body);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(await count(c.table)).toBe(before + 1);
      });

      it('the same key sent several times at once writes one row, and every answer names it', async () => {
        await exportsSettled();
        const before = await count(c.table);
        const key = newKey();
        const answers = await Promise.all([1, 2, 3].map(() => send(c.who(), c.path(), c.body(2), key)));
        for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(c.status);
        expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
        expect(await count(c.table)).toBe(before + 1);
      });

      it('the same key with another body is refused (422) and writes nothing', async () => {
        await exportsSettled();
        const key = newKey();
        expect((await send(c.who(), c.path(), c.body(3), key)).status).toBe(c.status);
        const before = await count(c.table);
        const other = await send(c.who(), c.path(), c.body(4), key);
        expect(other.status).toBe(422);
        expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
        expect(other.body.error.message).toContain('đã được dùng');
        expect(await count(c.table)).toBe(before);
      });

      it('without a key, two requests create two rows (as before)', async () => {
        await exportsSettled();
        const before = await count(c.table);
        expect((await send(c.who(), c.path(), c.body(5))).status).toBe(c.status);
        await exportsSettled();
        expect((await send(c.who(), c.path(), c.body(6))).status).toBe(c.status);
        expect(await count(c.table)).toBe(before + 2);
      });
    });
  }

  it('an evidence upload sent again with its key stores one file', async () => {
    const upload = async (key: string) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(PNG)]), 'anh.png');
      const res = await fetch(`${srv.baseUrl}/api/v1/registrations/${accepted.id}/evidence`, {
        method: 'POST',
        body: form,
        headers: { cookie: u.unit.cookie!, origin: srv.baseUrl, 'idempotency-key': key },
      });
      return { status: res.status, body: await res.json(), replayed: res.headers.get('idempotent-replayed') };
    };
    const before = await count('evidence_file');
    const key = newKey();
    const first = await upload(key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await upload(key);
    expect(again).toEqual({ ...first, replayed: 'true' });
    expect(await count('evidence_file')).toBe(before + 1);
  });

  it('another user with the same key creates their own record', async () => {
    const key = newKey();
    const before = await count('registration');
    const a = await send(u.unit, '/api/v1/registrations', registration(20), key);
    const b = await send(u.officer, '/api/v1/registrations', registration(20), key);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
    expect(await count('registration')).toBe(before + 2);
  });

  it('a refused request leaves its key free: the corrected request with the same key creates', async () => {
    const key = newKey();
    const otherCommune = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    const before = await count('registration');
    const refused = await send(u.unit, '/api/v1/registrations', registration(21, otherCommune), key);
    expect(refused.status).toBe(404);
    expect(await count('registration')).toBe(before);
    const corrected = await send(u.unit, '/api/v1/registrations', registration(21), key);
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('registration')).toBe(before + 1);
  });

  it('a key whose change committed but whose answer was never stored (the process died) answers 409 and writes nothing', async () => {
    const key = newKey();
    const me = (await u.unit.get('/api/v1/auth/me')).body.user;
    const body = registration(30);
    const first = await send(u.unit, '/api/v1/registrations', body, key);
    expect(first.status).toBe(201);
    // What a kill -9 between the commit and the answer leaves: the key row without its answer.
    await srv.db.rows(
      `update idempotency_key set response_status = null, response_type = null, response_body = null, created_at = now() - interval '2 minutes'
        where user_id = $1 and key = $2`,
      [me.id, key],
    );
    const before = await count('registration');
    const retry = await send(u.unit, '/api/v1/registrations', body, key);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('IDEMPOTENCY_UNANSWERED');
    expect(retry.body.error.message).toContain('tải lại trang');
    expect(await count('registration')).toBe(before);
  });

  it('a key older than a day is forgotten', async () => {
    const key = newKey();
    const first = await send(u.unit, '/api/v1/registrations', registration(40), key);
    await srv.db.rows(`update idempotency_key set created_at = now() - interval '25 hours' where key = $1`, [key]);
    const before = await count('registration');
    const later = await send(u.unit, '/api/v1/registrations', registration(40), key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await count('registration')).toBe(before + 1);
  });

  it('a key that is not 1–100 printable ASCII characters is refused (400) and writes nothing', async () => {
    const before = await count('registration');
    for (const key of ['x'.repeat(101), 'kh\u00f3a', 'a\tb', '']) {
      const r = await send(u.unit, '/api/v1/registrations', registration(50), key);
      expect(r.status, key).toBe(400);
      expect(r.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    expect(await count('registration')).toBe(before);
  });
});
