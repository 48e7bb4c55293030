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

let srv: TestServer;
let u: Users;

/** Names and titles the commune officer must never read. */
const SECRETS = [
  'Đợt bí mật nháp của tỉnh', 'Đợt bí mật của xã khác', 'Đợt bí mật của tỉnh khác', 'Mô hình bí mật của xã khác',
  'Báo cáo bí mật của xã khác', 'Đợt xét bí mật của xã khác', 'Tỉnh Bí Mật', 'Cán Bộ Bí Mật',
];

type Kind = 'unit' | 'campaign' | 'registration' | 'report' | 'round' | 'user';
const foreign: Record<Kind, { label: string; id: string }[]> = { unit: [], campaign: [], registration: [], report: [], round: [], user: [] };
let own: { commune: string; org: string; child: { id: string; version: number }; reg: { id: string; version: number }; recognised: string };

const registrationBody = (unit: string, extra: Record<string, unknown> = {}) => ({
  kind: 'model', unitId: unit, holder: 'collective', title: 'Mô hình thử cửa sau', fieldCode: 'economic',
  startDate: '2026-02-01', endDate: '2026-11-30', level: 'grassroots', criteria: [{ name: 'Số hộ tham gia', target: 10 }], ...extra,
});
const reportBody = (unit: string, extra: Record<string, unknown> = {}) => ({
  unitId: unit, kind: 'interim', yearFrom: 2026, yearTo: 2026, title: 'Báo cáo thử cửa sau', issuingBody: 'BAN CHỈ ĐẠO XÃ CÀNG LONG',
  place: 'Càng Long', reportDate: '2026-06-30', ...extra,
});

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
  const otherProvince = await created(u.admin.post('/api/v1/units', { parentId: root, code: 'T99', name: 'Tỉnh Bí Mật', kind: 'province', level: 'province' }), 'province');
  foreign.unit.push({ label: 'a commune of the same province', id: otherCommune }, { label: 'another province', id: otherProvince.id });

  const campaign = (unit: string, title: string) => ({ unitId: unit, title, yearFrom: 2026, yearTo: 2027, startDate: '2026-01-10', endDate: '2027-12-31', quotas: [{ unitKind: null, minNew: 1, minConsolidated: 0, minTotal: 1 }] });
  const draft = await created(u.officer.post('/api/v1/campaigns', campaign(province, 'Đợt bí mật nháp của tỉnh')), 'draft campaign');
  const ofCommune = await created(u.officer.post('/api/v1/campaigns', campaign(otherCommune, 'Đợt bí mật của xã khác')), 'campaign');
  await created(u.officer.post(`/api/v1/campaigns/${ofCommune.id}/launch`, { version: ofCommune.version }), 'launch');
  const ofProvince = await created(u.admin.post('/api/v1/campaigns', campaign(otherProvince.id, 'Đợt bí mật của tỉnh khác')), 'campaign');
  await created(u.admin.post(`/api/v1/campaigns/${ofProvince.id}/launch`, { version: ofProvince.version }), 'launch');
  foreign.campaign.push({ label: 'a draft of the province above', id: draft.id }, { label: 'a campaign of another commune', id: ofCommune.id }, { label: 'a campaign of another province', id: ofProvince.id });

  const reg = await created(u.officer.post('/api/v1/registrations', registrationBody(otherCommune, { title: 'Mô hình bí mật của xã khác', campaignId: ofCommune.id })), 'registration');
  await created(u.officer.post(`/api/v1/registrations/${reg.id}/submit`, { version: reg.version }), 'submit');
  foreign.registration.push({ label: 'a registration of another commune', id: reg.id });
  const report = await created(u.officer.post('/api/v1/review-reports', reportBody(otherCommune, { title: 'Báo cáo bí mật của xã khác', campaignId: ofCommune.id })), 'report');
  foreign.report.push({ label: 'a report of another commune', id: report.id });
  const round = await created(u.officer.post('/api/v1/recognition-rounds', { unitId: otherCommune, campaignId: ofCommune.id, title: 'Đợt xét bí mật của xã khác' }), 'round');
  foreign.round.push({ label: 'a round of another commune', id: round.id });
  const user = await created(u.admin.post('/api/v1/users', {
    username: 'canbo.bimat', fullName: 'Cán Bộ Bí Mật', role: 'officer', unitId: otherCommune, entryUnitId: otherCommune, viewUnitId: otherCommune, password: 'Vinh-Long-bi-mat-2026!',
  }), 'user');
  foreign.user.push({ label: 'an officer of another commune', id: user.id });

  const child = await created(u.unit.post('/api/v1/units', { parentId: commune, code: 'X00834-CS', name: 'Tổ thử cửa sau', kind: 'mass_association', level: 'grassroots' }), 'own unit');
  const ownReg = await created(u.unit.post('/api/v1/registrations', registrationBody(org)), 'own registration');
  // a recognised model of the commune, which it may propose for a commendation
  const model = await created(u.unit.post('/api/v1/registrations', registrationBody(org, { title: 'Mô hình được công nhận của xã' })), 'model');
  const sent = await created(u.unit.post(`/api/v1/registrations/${model.id}/submit`, { version: model.version }), 'submit');
  await created(u.officer.post(`/api/v1/registrations/${model.id}/accept`, { version: sent.version }), 'accept');
  await recognise(u, province, model.id);
  own = { commune, org, child: { id: child.id, version: child.version }, reg: { id: ownReg.id, version: ownReg.version }, recognised: model.id };
});
afterAll(async () => { await srv?.close(); });

interface Answer { status: number; error: unknown; summary: unknown; text: string }

/** Every cell of every sheet of a workbook, as one text. */
async function sheetText(bytes: Buffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const parts: string[] = [];
  for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((cell) => { parts.push(String(cell.text)); }));
  return parts.join('\n');
}

/** The answer as a reader compares it; an export job is followed to its sheet. */
async function answer(c: Client, method: string, url: string, body?: unknown): Promise<Answer> {
  if (method === 'GET' && /\/(xlsx|docx)(\?|$)/.test(url)) {
    const r = await c.bytes(`/api/v1${url}`);
    const type = r.headers.get('content-type') ?? '';
    const text = type.includes('json') ? r.body.toString('utf8') : url.includes('/xlsx') ? await sheetText(r.body) : r.body.toString('latin1');
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
  const summary = b && typeof b === 'object' && !b.error ? { total: b.total, items: Array.isArray(b.items) ? b.items.length : undefined, rows: Array.isArray(b.rows) ? b.rows.length : undefined } : null;
  return { status: r.status, error: b?.error ?? null, summary, text };
}

interface Door { name: string; kind: Kind; call: (id: string) => [method: string, url: string, body?: unknown] }

const doors: Door[] = [
  // filters of lists, statistics and exports
  { name: 'registration list ?unitId', kind: 'unit', call: (id) => ['GET', `/registrations?unitId=${id}`] },
  { name: 'registration list ?campaignId', kind: 'campaign', call: (id) => ['GET', `/registrations?campaignId=${id}`] },
  { name: 'statistics ?unitId', kind: 'unit', call: (id) => ['GET', `/stats?unitId=${id}&groupBy=child`] },
  { name: 'statistics ?campaignId', kind: 'campaign', call: (id) => ['GET', `/stats?campaignId=${id}&groupBy=campaign`] },
  { name: 'statistics ?campaignId, every state', kind: 'campaign', call: (id) => ['GET', `/stats?campaignId=${id}&allStates=true`] },
  { name: 'export job filter.unitId', kind: 'unit', call: (id) => ['POST', '/exports', { kind: 'registrations', filter: { unitId: id } }] },
  { name: 'export job filter.campaignId', kind: 'campaign', call: (id) => ['POST', '/exports', { kind: 'registrations', filter: { campaignId: id } }] },
  { name: 'search ?unitId', kind: 'unit', call: (id) => ['GET', `/search?q=${encodeURIComponent('mô hình')}&unitId=${id}`] },
  { name: 'similar ?unitId', kind: 'unit', call: (id) => ['GET', `/registrations/similar?unitId=${id}&title=${encodeURIComponent('Mô hình bí mật của xã khác')}&year=2026`] },
  { name: 'similar ?excludeId', kind: 'registration', call: (id) => ['GET', `/registrations/similar?unitId=${own.commune}&title=${encodeURIComponent('Mô hình bí mật của xã khác')}&year=2026&excludeId=${id}`] },
  { name: 'unit list ?parentId', kind: 'unit', call: (id) => ['GET', `/units?parentId=${id}`] },
  { name: 'unit sheet ?parentId', kind: 'unit', call: (id) => ['GET', `/units/xlsx?parentId=${id}`] },
  { name: 'audit ?actorId', kind: 'user', call: (id) => ['GET', `/audit?actorId=${id}`] },
  { name: 'audit ?entityId', kind: 'registration', call: (id) => ['GET', `/audit?entityId=${id}`] },
  { name: 'audit sheet ?actorId', kind: 'user', call: (id) => ['GET', `/audit/xlsx?actorId=${id}`] },
  { name: 'audit sheet ?entityId', kind: 'campaign', call: (id) => ['GET', `/audit/xlsx?entityId=${id}`] },
  // campaigns and their compliance table
  { name: 'campaign', kind: 'campaign', call: (id) => ['GET', `/campaigns/${id}`] },
  { name: 'compliance', kind: 'campaign', call: (id) => ['GET', `/campaigns/${id}/compliance?year=2026`] },
  { name: 'compliance sheet', kind: 'campaign', call: (id) => ['GET', `/campaigns/${id}/compliance/xlsx?year=2026`] },
  { name: 'campaign edit', kind: 'campaign', call: (id) => ['PATCH', `/campaigns/${id}`, { version: 1, title: 'Sửa thử' }] },
  { name: 'campaign launch', kind: 'campaign', call: (id) => ['POST', `/campaigns/${id}/launch`, { version: 1 }] },
  { name: 'campaign close', kind: 'campaign', call: (id) => ['POST', `/campaigns/${id}/close`, { version: 1 }] },
  // ids in the bodies of creations
  { name: 'registration body.unitId', kind: 'unit', call: (id) => ['POST', '/registrations', registrationBody(id)] },
  { name: 'registration body.placeUnitId', kind: 'unit', call: (id) => ['POST', '/registrations', registrationBody(own.org, { placeUnitId: id })] },
  { name: 'registration body.campaignId', kind: 'campaign', call: (id) => ['POST', '/registrations', registrationBody(own.org, { campaignId: id })] },
  { name: 'registration body.originId', kind: 'registration', call: (id) => ['POST', '/registrations', registrationBody(own.org, { origin: 'replication', originId: id })] },
  { name: 'registration edit body.campaignId', kind: 'campaign', call: (id) => ['PATCH', `/registrations/${own.reg.id}`, { version: own.reg.version, campaignId: id }] },
  { name: 'report body.unitId', kind: 'unit', call: (id) => ['POST', '/review-reports', reportBody(id)] },
  { name: 'report body.campaignId', kind: 'campaign', call: (id) => ['POST', '/review-reports', reportBody(own.commune, { campaignId: id })] },
  { name: 'round body.unitId', kind: 'unit', call: (id) => ['POST', '/recognition-rounds', { unitId: id, title: 'Đợt xét thử' }] },
  { name: 'round body.campaignId', kind: 'campaign', call: (id) => ['POST', '/recognition-rounds', { unitId: own.commune, campaignId: id, title: 'Đợt xét thử' }] },
  { name: 'campaign body.unitId', kind: 'unit', call: (id) => ['POST', '/campaigns', { unitId: id, title: 'Đợt thử', yearFrom: 2026, yearTo: 2026, startDate: '2026-01-10', endDate: '2026-12-31', quotas: [] }] },
  { name: 'unit body.parentId', kind: 'unit', call: (id) => ['POST', '/units', { parentId: id, code: `CS-${randomUUID().slice(0, 8)}`, name: 'Tổ thử', kind: 'mass_association', level: 'grassroots' }] },
  { name: 'unit move body.newParentId', kind: 'unit', call: (id) => ['POST', `/units/${own.child.id}/move`, { version: own.child.version, newParentId: id }] },
  { name: 'proposal body.toUnitId', kind: 'unit', call: (id) => ['POST', `/registrations/${own.recognised}/proposals`, { toUnitId: id, formCode: 'bang_khen_ubnd_tinh', reason: 'Đề nghị thử cửa sau' }] },
  { name: 'supporter body.supporterId', kind: 'user', call: (id) => ['POST', `/registrations/${own.reg.id}/supporter`, { version: own.reg.version, supporterId: id }] },
  { name: 'user body.unitId', kind: 'unit', call: (id) => ['POST', '/users', { username: 'thu.cua.sau', fullName: 'Thử', role: 'viewer', unitId: id, entryUnitId: null, viewUnitId: id, password: 'Vinh-Long-bi-mat-2026!' }] },
  // records by id
  { name: 'unit', kind: 'unit', call: (id) => ['GET', `/units/${id}`] },
  { name: 'user', kind: 'user', call: (id) => ['GET', `/users/${id}`] },
  { name: 'registration', kind: 'registration', call: (id) => ['GET', `/registrations/${id}`] },
  { name: 'registration inspections', kind: 'registration', call: (id) => ['GET', `/registrations/${id}/inspections`] },
  { name: 'registration commendations', kind: 'registration', call: (id) => ['GET', `/registrations/${id}/commendations`] },
  { name: 'registration supporter candidates', kind: 'registration', call: (id) => ['GET', `/registrations/${id}/supporter-candidates`] },
  { name: 'report', kind: 'report', call: (id) => ['GET', `/review-reports/${id}`] },
  { name: 'report figures', kind: 'report', call: (id) => ['GET', `/review-reports/${id}/figures`] },
  { name: 'report document', kind: 'report', call: (id) => ['GET', `/review-reports/${id}/docx`] },
  { name: 'report sheet', kind: 'report', call: (id) => ['GET', `/review-reports/${id}/xlsx`] },
  { name: 'report edit', kind: 'report', call: (id) => ['PATCH', `/review-reports/${id}`, { version: 1, title: 'Sửa thử' }] },
  { name: 'round', kind: 'round', call: (id) => ['GET', `/recognition-rounds/${id}`] },
  { name: 'round candidates', kind: 'round', call: (id) => ['POST', `/recognition-rounds/${id}/candidates`, { registrationId: own.reg.id }] },
  { name: 'round body.registrationId', kind: 'registration', call: (id) => ['POST', `/recognition-rounds/${foreign.round[0]!.id}/candidates`, { registrationId: id }] },
];

describe('an id outside the view answers as an unknown id, everywhere', () => {
  for (const door of doors) {
    it(`${door.name} (${door.kind})`, async () => {
      const [method, url, body] = door.call(randomUUID());
      const unknown = await answer(u.unit, method, url, body);
      for (const f of foreign[door.kind]) {
        const [m, path, b] = door.call(f.id);
        const seen = await answer(u.unit, m, path, b);
        const what = `${door.name} with ${f.label}`;
        expect({ status: seen.status, error: seen.error, summary: seen.summary }, what).toEqual({ status: unknown.status, error: unknown.error, summary: unknown.summary });
        for (const secret of SECRETS) expect(seen.text, `${what} prints “${secret}”`).not.toContain(secret);
      }
    });
  }

  it('a commune officer who opens rounds: the province\'s draft campaign is unknown in a round and in a report', async () => {
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
    const p = await u.unit.post(`/api/v1/registrations/${own.recognised}/proposals`, { toUnitId: province, formCode: 'bang_khen_ubnd_tinh', reason: 'Mô hình tiêu biểu của xã' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect((await u.officer.get(`/api/v1/campaigns/${foreign.campaign[0]!.id}/compliance?year=2026`)).status).toBe(200);
    expect((await u.officer.get(`/api/v1/registrations/${foreign.registration[0]!.id}`)).status).toBe(200);
    expect((await u.officer.get(`/api/v1/review-reports/${foreign.report[0]!.id}`)).status).toBe(200);
    expect((await u.admin.get(`/api/v1/campaigns/${foreign.campaign[2]!.id}`)).body.title).toBe('Đợt bí mật của tỉnh khác');
  });
});
