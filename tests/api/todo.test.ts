/**
 * "Việc cần làm": each count is the length of the list its card opens, follows the work as it moves
 * from one person to the next, and only what the user's role does is offered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { startWithDemoModels, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;

beforeAll(async () => {
  ({ srv, u } = await startWithDemoModels());
});
afterAll(async () => {
  await srv?.close();
});

async function counts(c: Client) {
  const r = await c.get('/api/v1/todo');
  expect(r.status).toBe(200);
  return {
    ...Object.fromEntries((r.body.items as { key: string; count: number }[]).map((i) => [i.key, i.count])),
    roundId: r.body.roundId,
  } as Record<string, number> & { roundId: string | null };
}
const listed = async (c: Client, url: string) => (await c.get(url)).body.total as number;

describe('to-do', () => {
  it('counts what each list holds, and only what the role does', async () => {
    const officer = await counts(u.officer);
    expect(officer.awaiting_appraisal).toBe(await listed(u.officer, '/api/v1/registrations?queue=awaiting_appraisal'));
    expect(officer.awaiting_appraisal).toBeGreaterThan(0); // the demo has submitted models
    expect(officer.proposals).toBe(await listed(u.officer, '/api/v1/proposals?queue=incoming&state=pending'));
    expect(officer.proposals).toBe(2);
    const unit = await counts(u.unit);
    expect(unit.my_drafts).toBe(await listed(u.unit, '/api/v1/registrations?queue=my_drafts'));
    expect(unit.returned_to_me).toBe(await listed(u.unit, '/api/v1/registrations?queue=returned_to_me'));
    expect(unit).not.toHaveProperty('awaiting_appraisal'); // a commune officer registers; the committee appraises
    expect(unit).not.toHaveProperty('proposals');
    expect((await u.viewer.get('/api/v1/todo')).body).toEqual({ items: [], roundId: null }); // a leader who only reads
    // The supporter's "to inspect" card counts, of its list, those past the inspection due date ("quá hạn").
    const queue = (await u.member.get('/api/v1/registrations?queue=to_inspect&pageSize=200')).body;
    expect((await u.member.get('/api/v1/todo')).body.items.find((i: { key: string }) => i.key === 'to_inspect')).toEqual({
      key: 'to_inspect',
      count: queue.total,
      overdue: queue.items.filter((i: { overdue: boolean }) => i.overdue).length,
    });
    expect((await fetchNoSession()).status).toBe(401);
  });

  it('follows a registration from the commune to the committee and back', async () => {
    const before = { unit: await counts(u.unit), officer: await counts(u.officer) };
    const draft = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: await unitId(u.admin, `${DEMO_COMMUNE_UNIT}-HPN`),
      holder: 'collective',
      title: 'Mô hình “Chi hội phụ nữ năm không”',
      fieldCode: 'cultural_social',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ không có người vi phạm pháp luật', target: 40, unitOfMeasure: 'hộ' }],
    });
    expect(draft.status).toBe(201);
    expect((await counts(u.unit)).my_drafts).toBe(before.unit.my_drafts! + 1);
    const sent = await u.unit.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: draft.body.version });
    expect((await counts(u.unit)).my_drafts).toBe(before.unit.my_drafts);
    expect((await counts(u.officer)).awaiting_appraisal).toBe(before.officer.awaiting_appraisal! + 1);
    await u.officer.post(`/api/v1/registrations/${draft.body.id}/return`, {
      version: sent.body.version,
      reason: 'Bổ sung cách làm cụ thể',
    });
    expect((await counts(u.officer)).awaiting_appraisal).toBe(before.officer.awaiting_appraisal);
    expect((await counts(u.unit)).returned_to_me).toBe(before.unit.returned_to_me! + 1);
  });

  it('counts the votes and acknowledgements an open round waits for, and points to the round', async () => {
    const accepted = (await u.unit.get('/api/v1/registrations?state=accepted&pageSize=200')).body.items[0];
    expect(accepted).toBeTruthy();
    const before = { member: await counts(u.member), unit: await counts(u.unit) };
    const round = await u.officer.post('/api/v1/recognition-rounds', {
      unitId: await unitId(u.admin, DEMO_PROVINCE_UNIT),
      title: 'Xét công nhận đợt cuối năm 2026',
    });
    expect((await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: accepted.id })).status).toBe(
      200,
    );
    const member = await counts(u.member);
    expect(member.votes).toBe((before.member.votes ?? 0) + 1);
    // a round outside any campaign has no recognition date: nothing in it is late
    const votes = (await u.member.get('/api/v1/todo')).body.items.find((i: { key: string }) => i.key === 'votes');
    expect(votes).toEqual({ key: 'votes', count: member.votes, overdue: 0 });
    expect(member.roundId).toBe(round.body.id);
    expect((await counts(u.unit)).acknowledgements).toBe((before.unit.acknowledgements ?? 0) + 1);
    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${accepted.id}`;
    expect((await u.member.post(`${base}/vote`, { vote: 'for' })).status).toBe(200);
    expect((await counts(u.member)).votes).toBe(before.member.votes ?? 0);
    expect((await u.unit.post(`${base}/acknowledge`, {})).status).toBe(200);
    expect((await counts(u.unit)).acknowledgements).toBe(before.unit.acknowledgements ?? 0);
  });
});

function fetchNoSession() {
  return fetch(`${srv.baseUrl}/api/v1/todo`);
}
