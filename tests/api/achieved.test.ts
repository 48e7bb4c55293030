/**
 * Planned and achieved side by side: what a registration achieved is what its latest inspection
 * recorded (the latest date, whatever the order of entry), and the statistics (from the rollup and
 * from the unit-level tally) and the review report's figures sum it like the counts.
 */
import { describe, expect, it } from 'vitest';
import { useDemo, type Users } from './helpers.js';

let u: Users;
let province: string, commune: string, womenUnion: string, farmers: string;

useDemo((demo) => {
  ({
    u,
    units: { province, commune, womenUnion, farmers },
  } = demo);
});

async function accepted(unitId: string, title: string, plannedFundsVnd: number, plannedWorkdays: number) {
  const d = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    plannedFundsVnd,
    plannedWorkdays,
    criteria: [{ name: 'Số bóng đèn lắp mới', target: 200, unitOfMeasure: 'bóng' }],
  });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  return (await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version })).body;
}

async function inspect(reg: any, inspectedOn: string, achieved: number, fundsVnd: number, workdays: number, peopleReached: number) {
  const r = await u.officer.post(`/api/v1/registrations/${reg.id}/inspections`, {
    inspectedOn,
    overall: 'on_track',
    fundsVnd,
    workdays,
    peopleReached,
    criteria: [{ criterionId: reg.criteria[0].id, achieved }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('planned and achieved', () => {
  it('statistics and the review report sum what the latest inspections recorded beside what was planned', async () => {
    const lights = await accepted(womenUnion, 'Mô hình “Thắp sáng đường quê”', 40_000_000, 300);
    const fields = await accepted(farmers, 'Mô hình “Cánh đồng liên kết”', 25_000_000, 150);
    const idle = await accepted(farmers, 'Mô hình “Tổ hợp tác rau sạch”', 10_000_000, 50);
    // entered out of order: the inspection of September counts, not the one of May entered after it
    const sept = await inspect(lights, '2026-09-15', 130, 32_500_000, 260, 1_200);
    expect(sept.criteria[0]).toMatchObject({ achieved: 130, target: 200, unitOfMeasure: 'bóng', completionPct: 65 });
    await inspect(lights, '2026-05-15', 40, 9_000_000, 80, 300);
    await inspect(fields, '2026-08-01', 250, 27_000_000, 140, 450);
    const planned = { fundsVnd: 75_000_000, workdays: 500 };
    const achieved = { inspected: 2, achievedFundsVnd: 59_500_000, achievedWorkdays: 400, peopleReached: 1_650 };

    // the province's table by commune is read from the rollup
    const byChild = (await u.officer.get(`/api/v1/stats?unitId=${province}&groupBy=child`)).body;
    expect(byChild.total).toMatchObject({ count: 3, ...planned, ...achieved });
    expect(byChild.rows.find((r: any) => r.keys.child === commune)).toMatchObject({ count: 3, ...planned, ...achieved });
    // the commune's table by state and by organisation from the unit-level tally
    const byState = (await u.officer.get(`/api/v1/stats?unitId=${commune}&groupBy=state`)).body;
    expect(byState.total).toMatchObject({ count: 3, ...planned, ...achieved });
    const orgs = (await u.officer.get(`/api/v1/stats?unitId=${commune}&groupBy=child`)).body.rows;
    expect(orgs.find((r: any) => r.keys.child === womenUnion)).toMatchObject({
      inspected: 1,
      achievedFundsVnd: 32_500_000,
      achievedWorkdays: 260,
      peopleReached: 1_200,
    });
    expect(orgs.find((r: any) => r.keys.child === farmers)).toMatchObject({
      count: 2,
      fundsVnd: 35_000_000,
      inspected: 1,
      achievedFundsVnd: 27_000_000,
    });
    expect(idle.state).toBe('accepted');

    const report = await u.unit.post('/api/v1/review-reports', {
      unitId: commune,
      kind: 'interim',
      yearFrom: 2026,
      yearTo: 2026,
      title: 'Sơ kết phong trào “Dân vận khéo” năm 2026',
      issuingBody: 'Ban Chỉ đạo phong trào “Dân vận khéo” xã Càng Long',
      place: 'Càng Long',
      reportDate: '2026-12-20',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const figures = (await u.unit.get(`/api/v1/review-reports/${report.body.id}/figures`)).body;
    expect(figures.total).toMatchObject({ total: 3, ...planned, ...achieved });
  });
});
