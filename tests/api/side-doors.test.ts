/**
 * Side doors: every id a list, an export, the statistics or a report accepts in its query or body
 * (and every record id in a path) answers for a record outside the caller's view exactly as for an
 * id that does not exist: the same status, the same error, and never the record's title or name,
 * neither in the JSON nor in a downloaded sheet. Run as the commune officer ("unit", Xã Càng Long)
 * against records of another commune, of another province, a draft campaign of the province above,
 * and a random uuid.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { recognise, startDemo, type Users } from './helpers.js';
import { doors, foreign, own, registrationBody, reorganisationBody, reportBody } from './side-doors-table.js';
import { DEMO_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;

/** Names and titles the commune officer must never read. */
const SECRETS = [
  'Đợt bí mật nháp của tỉnh',
  'Đợt bí mật của xã khác',
  'Đợt bí mật của tỉnh khác',
  'Mô hình bí mật của xã khác',
  'Báo cáo bí mật của xã khác',
  'Đợt xét bí mật của xã khác',
  'Tỉnh Bí Mật',
  'Cán Bộ Bí Mật',
];

async function created(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status !== 201 && res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  const demo = await startDemo();
  ({ srv, u } = demo);
  const { commune, otherCommune, province, womenUnion: org } = demo.units;
  const root = (await u.admin.get(`/api/v1/units/${province}`)).body.parentId;
  const otherProvince = await created(
    u.admin.post('/api/v1/units', { parentId: root, code: 'T99', name: 'Tỉnh Bí Mật', kind: 'province', level: 'province' }),
    'province',
  );
  foreign.unit.push({ label: 'a commune of the same province', id: otherCommune }, { label: 'another province', id: otherProvince.id });

  const campaign = (unit: string, title: string) => ({
    unitId: unit,
    title,
    yearFrom: 2026,
    yearTo: 2027,
    startDate: '2026-01-10',
    endDate: '2027-12-31',
    quotas: [{ unitKind: null, minNew: 1, minConsolidated: 0, minTotal: 1 }],
  });
  const draft = await created(u.officer.post('/api/v1/campaigns', campaign(province, 'Đợt bí mật nháp của tỉnh')), 'draft campaign');
  const ofCommune = await created(u.officer.post('/api/v1/campaigns', campaign(otherCommune, 'Đợt bí mật của xã khác')), 'campaign');
  await created(u.officer.post(`/api/v1/campaigns/${ofCommune.id}/launch`, { version: ofCommune.version }), 'launch');
  const ofProvince = await created(u.admin.post('/api/v1/campaigns', campaign(otherProvince.id, 'Đợt bí mật của tỉnh khác')), 'campaign');
  await created(u.admin.post(`/api/v1/campaigns/${ofProvince.id}/launch`, { version: ofProvince.version }), 'launch');
  foreign.campaign.push(
    { label: 'a draft of the province above', id: draft.id },
    { label: 'a campaign of another commune', id: ofCommune.id },
    { label: 'a campaign of another province', id: ofProvince.id },
  );

  const reg = await created(
    u.officer.post(
      '/api/v1/registrations',
      registrationBody(otherCommune, { title: 'Mô hình bí mật của xã khác', campaignId: ofCommune.id }),
    ),
    'registration',
  );
  await created(u.officer.post(`/api/v1/registrations/${reg.id}/submit`, { version: reg.version }), 'submit');
  foreign.registration.push({ label: 'a registration of another commune', id: reg.id });
  const report = await created(
    u.officer.post('/api/v1/review-reports', reportBody(otherCommune, { title: 'Báo cáo bí mật của xã khác', campaignId: ofCommune.id })),
    'report',
  );
  foreign.report.push({ label: 'a report of another commune', id: report.id });
  const round = await created(
    u.officer.post('/api/v1/recognition-rounds', { unitId: otherCommune, campaignId: ofCommune.id, title: 'Đợt xét bí mật của xã khác' }),
    'round',
  );
  foreign.round.push({ label: 'a round of another commune', id: round.id });
  const minutes = await created(
    u.officer.post('/api/v1/papers', { kind: 'minutes', roundId: round.id, place: 'Trà Vinh', autoNumber: true }),
    'minutes',
  );
  const form = await created(
    u.officer.post('/api/v1/papers', { kind: 'registration_form', registrationId: reg.id, place: 'Trà Vinh' }),
    'registration form',
  );
  foreign.paper.push(
    { label: 'the minutes of a round of another commune', id: minutes.id },
    { label: 'the registration form of another commune', id: form.id },
  );
  const user = await created(
    u.admin.post('/api/v1/users', {
      username: 'canbo.bimat',
      fullName: 'Cán Bộ Bí Mật',
      role: 'officer',
      unitId: otherCommune,
      entryUnitId: otherCommune,
      viewUnitId: otherCommune,
      password: 'Vinh-Long-bi-mat-2026!',
    }),
    'user',
  );
  foreign.user.push({ label: 'an officer of another commune', id: user.id });
  const reorganisation = await created(
    u.admin.post(
      '/api/v1/reorganisations',
      reorganisationBody({ kind: 'rename', unit: { unitId: otherProvince.id }, name: 'Tỉnh Bí Mật' }),
    ),
    'reorganisation',
  );
  foreign.reorganisation.push({ label: 'a reorganisation of another province', id: reorganisation.id });

  const child = await created(
    u.unit.post('/api/v1/units', {
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-CS`,
      name: 'Tổ thử cửa sau',
      kind: 'mass_association',
      level: 'grassroots',
    }),
    'own unit',
  );
  const ownReg = await created(u.unit.post('/api/v1/registrations', registrationBody(org)), 'own registration');
  // a recognised model of the commune, which it may propose for a commendation
  const model = await created(
    u.unit.post('/api/v1/registrations', registrationBody(org, { title: 'Mô hình được công nhận của xã' })),
    'model',
  );
  const sent = await created(u.unit.post(`/api/v1/registrations/${model.id}/submit`, { version: model.version }), 'submit');
  await created(u.officer.post(`/api/v1/registrations/${model.id}/accept`, { version: sent.version }), 'accept');
  await recognise(u, province, model.id);
  Object.assign(own, {
    commune,
    org,
    child: { id: child.id, version: child.version },
    reg: { id: ownReg.id, version: ownReg.version },
    recognised: model.id,
  });
});
afterAll(async () => {
  await srv?.close();
});

interface Answer {
  status: number;
  error: unknown;
  summary: unknown;
  text: string;
}

/** Every cell of every sheet of a workbook, as one text. */
async function sheetText(bytes: Buffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const parts: string[] = [];
  for (const ws of book.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        parts.push(String(cell.text));
      }),
    );
  return parts.join('\n');
}

/** The answer as a reader compares it; an export job is followed to its sheet. */
async function answer(c: Client, method: string, url: string, body?: unknown): Promise<Answer> {
  if (method === 'GET' && /\/(xlsx|docx|pdf)(\?|$)/.test(url)) {
    const r = await c.bytes(`/api/v1${url}`);
    const type = r.headers.get('content-type') ?? '';
    const text = type.includes('json')
      ? r.body.toString('utf8')
      : url.includes('/xlsx')
        ? await sheetText(r.body)
        : r.body.toString('latin1');
    return { status: r.status, error: type.includes('json') ? JSON.parse(text).error : null, summary: null, text };
  }
  const r = await c.request(method, `/api/v1${url}`, body);
  let text = JSON.stringify(r.body);
  if (r.status === 202 && url === '/exports') {
    for (let i = 0; i < 200; i++) {
      const job = await c.get(`/api/v1/exports/${r.body.id}`);
      if (job.body.state === 'done' || job.body.state === 'failed') break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    const file = await c.bytes(`/api/v1/exports/${r.body.id}/file`);
    text += file.status === 200 ? await sheetText(file.body) : file.body.toString('utf8');
  }
  const b = r.body as any;
  // What a list says besides its rows: how many there are.
  const summary =
    b && typeof b === 'object' && !b.error
      ? {
          total: b.total,
          items: Array.isArray(b.items) ? b.items.length : undefined,
          rows: Array.isArray(b.rows) ? b.rows.length : undefined,
        }
      : null;
  return { status: r.status, error: b?.error ?? null, summary, text };
}

describe('an id outside the view answers as an unknown id, everywhere', () => {
  for (const door of doors) {
    it(`${door.name} (${door.kind})`, async () => {
      const [method, url, body] = door.call(randomUUID());
      const unknown = await answer(u.unit, method, url, body);
      for (const f of foreign[door.kind]) {
        const [m, path, b] = door.call(f.id);
        const seen = await answer(u.unit, m, path, b);
        const what = `${door.name} with ${f.label}`;
        expect({ status: seen.status, error: seen.error, summary: seen.summary }, what).toEqual({
          status: unknown.status,
          error: unknown.error,
          summary: unknown.summary,
        });
        for (const secret of SECRETS) expect(seen.text, `${what} prints “${secret}”`).not.toContain(secret);
      }
    });
  }

  it("a commune officer who opens rounds: the province's draft campaign is unknown in a round and in a report", async () => {
    const { loggedIn } = await import('../support/client.js');
    const officer = await loggedIn(srv.baseUrl, 'canbo.bimat', 'Vinh-Long-bi-mat-2026!');
    const draft = foreign.campaign[0]!.id;
    const commune = foreign.unit[0]!.id;
    for (const [path, body] of [
      ['/recognition-rounds', (campaignId: string) => ({ unitId: commune, campaignId, title: 'Đợt xét của xã' })],
      ['/review-reports', (campaignId: string) => reportBody(commune, { campaignId })],
    ] as const) {
      const unknown = await answer(officer, 'POST', path, body(randomUUID()));
      const seen = await answer(officer, 'POST', path, body(draft));
      expect({ status: seen.status, error: seen.error }, path).toEqual({ status: unknown.status, error: unknown.error });
      expect(seen.status, path).toBe(404);
      expect(seen.text).not.toContain('Đợt bí mật nháp của tỉnh');
    }
  });

  it('the records behind the ids are there: their owners read them, and the commune proposes to its province', async () => {
    const province = (await u.admin.get(`/api/v1/units/${own.commune}`)).body.parentId;
    const p = await u.unit.post(`/api/v1/registrations/${own.recognised}/proposals`, {
      toUnitId: province,
      formCode: 'bang_khen_ubnd_tinh',
      reason: 'Mô hình tiêu biểu của xã',
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect((await u.officer.get(`/api/v1/campaigns/${foreign.campaign[0]!.id}/compliance?year=2026`)).status).toBe(200);
    expect((await u.officer.get(`/api/v1/registrations/${foreign.registration[0]!.id}`)).status).toBe(200);
    expect((await u.officer.get(`/api/v1/review-reports/${foreign.report[0]!.id}`)).status).toBe(200);
    expect((await u.admin.get(`/api/v1/campaigns/${foreign.campaign[2]!.id}`)).body.title).toBe('Đợt bí mật của tỉnh khác');
  });
});
