import { afterAll, beforeAll, expect } from 'vitest';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT, DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';

export type Users = Record<'admin' | 'officer' | 'member' | 'unit' | 'viewer', Client>;

export async function loginAll(srv: TestServer): Promise<Users> {
  const names = ['admin', 'officer', 'member', 'unit', 'viewer'] as const;
  const clients = await Promise.all(names.map((n) => loggedIn(srv.baseUrl, n, DEMO_PASSWORD)));
  return Object.fromEntries(names.map((n, i) => [n, clients[i]])) as Users;
}

/** The demo units the tests work in, by their codes (Vĩnh Long province, Càng Long and Trà Vinh communes). */
export const DEMO_UNITS = {
  province: DEMO_PROVINCE_UNIT,
  commune: DEMO_COMMUNE_UNIT,
  otherCommune: DEMO_OTHER_COMMUNE_UNIT,
  womenUnion: `${DEMO_COMMUNE_UNIT}-HPN`,
  farmers: `${DEMO_COMMUNE_UNIT}-HND`,
  hamlet: `${DEMO_COMMUNE_UNIT}-AP1`,
  otherFarmers: `${DEMO_OTHER_COMMUNE_UNIT}-HND`,
} as const;
export type DemoUnits = Record<keyof typeof DEMO_UNITS, string>;

export interface Demo {
  srv: TestServer;
  u: Users;
  units: DemoUnits;
}

/**
 * A server with the demo data (and, with `models`, the demo's models, proposals and campaign), every
 * demo user signed in, and the ids of the demo units looked up once, in parallel.
 */
export async function startDemo(opts: { models?: boolean } = {}): Promise<Demo> {
  const srv = await startTestServer({ web: false, models: opts.models });
  const u = await loginAll(srv);
  const keys = Object.keys(DEMO_UNITS) as (keyof typeof DEMO_UNITS)[];
  const ids = await Promise.all(keys.map((k) => unitId(u.admin, DEMO_UNITS[k])));
  return { srv, u, units: Object.fromEntries(keys.map((k, i) => [k, ids[i]])) as DemoUnits };
}

/**
 * The test file's server: started (with `startDemo`) before its tests, handed to `ready` to keep what
 * the file needs and prepare its records, and closed after its tests.
 */
export function useDemo(ready: (demo: Demo) => void | Promise<void>, opts: { models?: boolean } = {}): void {
  let srv: TestServer | undefined;
  beforeAll(async () => {
    const demo = await startDemo(opts);
    srv = demo.srv;
    await ready(demo);
  });
  afterAll(async () => {
    await srv?.close();
  });
}

/** A server with the demo's models, proposals and campaign, and every demo user signed in. */
export async function startWithDemoModels(): Promise<Demo> {
  return startDemo({ models: true });
}

/** Looks a unit up by its code through the admin's eyes (the whole tree). */
export async function unitId(admin: Client, code: string): Promise<string> {
  const r = await admin.get(`/api/v1/units?q=${encodeURIComponent(code)}`);
  const hit = r.body.items.find((u: { code: string }) => u.code === code);
  if (!hit) throw new Error(`no unit ${code}`);
  return hit.id;
}

/** Takes an accepted registration through a recognition round: checklist, acknowledgement, two votes, decision. */
export async function recognise(u: Users, roundUnitId: string, registrationId: string): Promise<void> {
  const round = await u.officer.post('/api/v1/recognition-rounds', {
    unitId: roundUnitId,
    title: `Xét công nhận ${registrationId.slice(0, 8)}`,
  });
  if (round.status !== 201) throw new Error(`round: ${JSON.stringify(round.body)}`);
  const added = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId });
  if (added.status !== 200 && added.status !== 201) throw new Error(`candidate: ${JSON.stringify(added.body)}`);
  const cand =
    added.body.candidates.find((c: { registrationId: string }) => c.registrationId === registrationId) ?? added.body.candidates[0];
  const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${registrationId}`;
  await u.officer.put(`${base}/checklist`, {
    items: cand.checklist.map((c: { criterionId: string; completionPct: number | null }) => ({
      criterionId: c.criterionId,
      mark: 'met',
      // below the target, the committee writes why it is met nonetheless
      ...(c.completionPct !== null && c.completionPct < 100 ? { reason: 'Ban Chỉ đạo đánh giá đạt yêu cầu' } : {}),
    })),
  });
  await u.unit.post(`${base}/acknowledge`, { note: 'Đơn vị xác nhận' });
  await u.member.post(`${base}/vote`, { vote: 'for' });
  await u.officer.post(`${base}/vote`, { vote: 'for' });
  const done = await u.officer.post(`${base}/decide`, {
    result: 'recognised',
    level: 'province',
    decisionNo: '01-QĐ/BCĐ',
    decisionDate: '2025-12-15',
    issuer: 'Ban Chỉ đạo tỉnh',
  });
  if (done.status !== 200) throw new Error(`decide: ${JSON.stringify(done.body)}`);
}

/** An exported sheet as the reader sees it: title (row 1), filters (row 2), header (row 3), data rows. */
export async function downloadSheet(c: Client, url: string) {
  const r = await c.bytes(url);
  if (r.status !== 200) return { status: r.status, title: '', subtitle: '', header: [] as string[], rows: [] as unknown[][] };
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(r.body as never);
  const ws = book.worksheets[0]!;
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 4; n <= ws.rowCount; n++) rows.push(values(n));
  return {
    status: r.status,
    type: r.headers.get('content-type'),
    title: String(ws.getCell('A1').value),
    subtitle: String(ws.getCell('A2').value),
    header: values(3).map(String),
    rows,
  };
}

/** An officer's campaign, created and launched (each step checked); the creation's answer. */
export async function launchedCampaign(officer: Client, campaign: Record<string, unknown>) {
  const c = await officer.post('/api/v1/campaigns', campaign);
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  expect((await officer.post(`/api/v1/campaigns/${c.body.id}/launch`, { version: c.body.version })).status).toBe(200);
  return c;
}
