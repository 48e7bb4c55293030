/** Quota compliance of a campaign: who met the quota, who fell short, who registered nothing. */
import { describe, expect, it } from 'vitest';
import { downloadSheet, launchedCampaign, unitId, useDemo, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT, DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';

let u: Users;
let commune: string;

useDemo((demo) => {
  ({
    u,
    units: { commune },
  } = demo);
});

async function registerUnder(campaignId: string, unit: string, title: string, submit = true, year = 2026) {
  const d = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: unit,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    campaignId,
    startDate: `${year}-02-01`,
    endDate: `${year}-11-30`,
    level: 'grassroots',
    criteria: [{ name: 'Số hộ tham gia', target: 10 }],
  });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  if (submit) expect((await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version })).status).toBe(200);
}

describe('quota compliance', () => {
  it('lists the units below with their quota and status, those with nothing first', async () => {
    // For the commune: every Party organisation builds 1 new model; every unit directly below builds 2.
    const c = await launchedCampaign(u.officer, {
      unitId: commune,
      title: 'Thi đua “Dân vận khéo” năm 2026',
      yearFrom: 2026,
      yearTo: 2027,
      startDate: '2026-01-10',
      endDate: '2027-12-31',
      quotas: [
        { unitKind: 'party', minNew: 1, minConsolidated: 0, minTotal: 1 },
        { unitKind: null, minNew: 0, minConsolidated: 0, minTotal: 2 },
      ],
    });

    const [party, women, farmers] = (await Promise.all(
      [`${DEMO_COMMUNE_UNIT}-DU`, `${DEMO_COMMUNE_UNIT}-HPN`, `${DEMO_COMMUNE_UNIT}-HND`].map((x) => unitId(u.admin, x)),
    )) as [string, string, string];
    await registerUnder(c.body.id, party, 'Đảng ủy gần dân');
    await registerUnder(c.body.id, women, 'Phụ nữ tiết kiệm');
    await registerUnder(c.body.id, women, 'Phụ nữ giữ gìn vệ sinh');
    await registerUnder(c.body.id, farmers, 'Nông dân giúp nhau');
    await registerUnder(c.body.id, farmers, 'Bản nháp chưa gửi', false); // a draft does not count
    await registerUnder(c.body.id, farmers, 'Mô hình năm sau', true, 2027); // another year

    const r = await u.officer.get(`/api/v1/campaigns/${c.body.id}/compliance?year=2026`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const byName = new Map(r.body.rows.map((x: any) => [x.unit.name, x]));
    expect(byName.get('Đảng ủy Càng Long')).toMatchObject({ status: 'met', newCount: 1, total: 1, quota: { minNew: 1, minTotal: 1 } });
    expect(byName.get('Hội Liên hiệp Phụ nữ Càng Long')).toMatchObject({ status: 'met', total: 2, quota: { minTotal: 2 } });
    expect(byName.get('Hội Nông dân Càng Long')).toMatchObject({ status: 'short', total: 1 });
    expect(byName.get('Trạm Y tế Càng Long')).toMatchObject({ status: 'none', total: 0 });
    // 13 organisations and 3 hamlets sit directly below the commune
    expect(r.body.summary).toEqual({ units: 16, met: 2, short: 1, none: 13 });
    expect(r.body.rows[0].status).toBe('none');
    expect(r.body.rows.at(-1).status).toBe('met');

    // the same table in Excel, in the same order, with a total row
    const sheet = await downloadSheet(u.officer, `/api/v1/campaigns/${c.body.id}/compliance/xlsx?year=2026`);
    expect(sheet.title).toBe('TÌNH HÌNH THỰC HIỆN CHỈ TIÊU NĂM 2026');
    expect(sheet.subtitle).toContain('Đạt 2, chưa đạt 1, chưa đăng ký 13 trong 16 đơn vị');
    expect(sheet.rows.slice(0, -1).map((x) => x[2])).toEqual(r.body.rows.map((x: any) => x.unit.name));
    expect(sheet.rows.find((x) => x[2] === 'Hội Nông dân Càng Long')!.slice(3)).toEqual([2, 1, 0, 0, 1, 'Chưa đạt']);
    expect(sheet.rows.at(-1)!.slice(2, 8)).toEqual([
      'Tổng cộng',
      r.body.rows.reduce((n: number, x: any) => n + x.quota.minTotal, 0),
      4,
      0,
      0,
      4,
    ]);

    const next = await u.officer.get(`/api/v1/campaigns/${c.body.id}/compliance?year=2027`);
    expect(next.body.summary).toMatchObject({ met: 0, short: 1 });

    // the commune's own officer sees the same; a viewer of another commune does not find the campaign
    expect((await u.unit.get(`/api/v1/campaigns/${c.body.id}/compliance?year=2026`)).body.summary).toEqual(r.body.summary);
  });

  it('a commune meets a province quota through what its organisations registered', async () => {
    const province = await unitId(u.admin, DEMO_PROVINCE_UNIT);
    const c = await launchedCampaign(u.officer, {
      unitId: province,
      title: 'Thi đua toàn tỉnh năm 2026',
      yearFrom: 2026,
      yearTo: 2026,
      startDate: '2026-01-10',
      endDate: '2026-12-31',
      quotas: [{ unitKind: null, minNew: 0, minConsolidated: 0, minTotal: 1 }],
    });
    await registerUnder(c.body.id, await unitId(u.admin, `${DEMO_COMMUNE_UNIT}-HPN`), 'Phụ nữ cùng làm đường hoa');
    const r = (await u.officer.get(`/api/v1/campaigns/${c.body.id}/compliance?year=2026`)).body;
    expect(r.rows.find((x: any) => x.unit.code === DEMO_COMMUNE_UNIT)).toMatchObject({ status: 'met', total: 1, newCount: 1 });
    expect(r.rows.find((x: any) => x.unit.code === DEMO_OTHER_COMMUNE_UNIT)).toMatchObject({ status: 'none', total: 0 });
    expect(r.summary.met).toBe(1);
  });

  it('answers not found for a campaign outside the view', async () => {
    const other = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    const c = await launchedCampaign(u.officer, {
      unitId: other,
      title: 'Đợt của phường',
      yearFrom: 2026,
      yearTo: 2026,
      startDate: '2026-01-10',
      endDate: '2026-12-31',
      quotas: [],
    });
    const r = await u.unit.get(`/api/v1/campaigns/${c.body.id}/compliance`);
    expect(r.status).toBe(404);
    expect((await u.unit.bytes(`/api/v1/campaigns/${c.body.id}/compliance/xlsx`)).status).toBe(404);
    expect(r.body.error.message).toContain('đợt phát động');
  });
});
