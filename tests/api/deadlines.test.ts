/**
 * A campaign's calendar: moving the app's clock across the registration deadline sends the
 * reminders once at each step (before, on the day, after), marks the units still waiting "quá hạn"
 * in the compliance table, and a restarted job sends nothing again. Inspection due dates remind the
 * supporter of a model not yet inspected. The clock is injected; nothing sleeps.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername, insertUser } from '../../src/data/users-repo.js';
import { ReminderJob } from '../../src/jobs/reminders.js';
import { hashPassword } from '../../src/services/auth/passwords.js';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { loginAll, unitId, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let hpn: Client;
let commune: string, womenUnion: string, farmers: string;
let t = Date.parse('2026-03-01T03:00:00Z');
const now = () => new Date(t);
/** 10:00 in Vietnam on that day. */
const at = (day: string) => {
  t = Date.parse(`${day}T03:00:00Z`);
};

beforeAll(async () => {
  srv = await startTestServer({ web: false, app: { now } });
  u = await loginAll(srv);
  [commune, womenUnion, farmers] = (await Promise.all(['X29266', 'X29266-HPN', 'X29266-HND'].map((c) => unitId(u.admin, c)))) as [
    string,
    string,
    string,
  ];
  // The women's union's own officer.
  await insertUser(srv.db.pool, {
    id: randomUUID(),
    username: 'hpn',
    fullName: 'Cán bộ Hội Phụ nữ',
    position: null,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    role: 'unit_officer',
    unitId: womenUnion,
    entryUnitId: womenUnion,
    viewUnitId: womenUnion,
    mustChangePassword: false,
  } as never);
  hpn = await loggedIn(srv.baseUrl, 'hpn', DEMO_PASSWORD);
});
afterAll(async () => {
  await srv?.close();
});

async function reminders(c: Client, kind: string) {
  const r = await c.get('/api/v1/notifications?pageSize=200');
  return r.body.items.filter((n: any) => n.kind === kind);
}

async function launch(body: Record<string, unknown>) {
  const c = await u.officer.post('/api/v1/campaigns', {
    yearFrom: 2026,
    yearTo: 2026,
    startDate: '2026-01-15',
    endDate: '2026-12-31',
    focusThemes: [],
    ...body,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  expect((await u.officer.post(`/api/v1/campaigns/${c.body.id}/launch`, { version: c.body.version })).status).toBe(200);
  return c.body;
}

async function registered(campaignId: string, unit: string, title: string) {
  const d = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    campaignId,
    unitId: unit,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-02-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hộ tham gia', target: 30, unitOfMeasure: 'hộ' }],
  });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  expect(s.status).toBe(200);
  return s.body;
}

describe('deadlines', () => {
  it('reminds the units that have not registered before, on and after the deadline, once each; marks them overdue', async () => {
    const campaign = await launch({
      unitId: commune,
      title: 'Thi đua xã Càng Long có hạn đăng ký',
      quotas: [{ unitKind: null, minNew: 0, minConsolidated: 0, minTotal: 1 }],
      calendar: { registrationDeadline: '2026-03-31', remindDaysBefore: 3, remindDaysAfter: 2 },
    });
    expect(campaign.calendar).toMatchObject({ registrationDeadline: '2026-03-31', remindDaysBefore: 3, remindDaysAfter: 2 });
    await registered(campaign.id, farmers, 'Mô hình của Hội Nông dân đúng hạn');
    const expected =
      (await srv.db.rows<{ n: number }>('select count(*) as n from unit where parent_id = $1 and active', [commune]))[0]!.n - 1;
    const job = srv.app.jobs.reminders;

    at('2026-03-27');
    expect(await job.run()).toBe(0);
    at('2026-03-28');
    expect(await job.run()).toBe(expected);
    expect(await job.run()).toBe(0);
    let mine = await reminders(hpn, 'reminder.registration');
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toBe(
      'Đăng ký thi đua “Thi đua xã Càng Long có hạn đăng ký” sắp đến hạn (hạn 31/03/2026): đơn vị Hội Liên hiệp Phụ nữ Càng Long chưa đăng ký',
    );
    expect(mine[0].link).toBe(`/phat-dong/${campaign.id}/chi-tieu`);
    // the commune's officer is not the organisation's own officer; the farmers registered
    expect(await reminders(u.unit, 'reminder.registration')).toHaveLength(0);
    let table = (await u.officer.get(`/api/v1/campaigns/${campaign.id}/compliance?year=2026`)).body;
    expect(table.overdue).toBe(0);

    at('2026-03-31');
    expect(await job.run()).toBe(expected);
    mine = await reminders(hpn, 'reminder.registration');
    expect(mine).toHaveLength(2);
    expect(mine[0].title).toContain('đến hạn hôm nay');

    at('2026-04-01');
    expect(await job.run()).toBe(0);
    table = (await u.officer.get(`/api/v1/campaigns/${campaign.id}/compliance?year=2026`)).body;
    expect(table.overdue).toBe(expected);
    const row = (id: string) => table.rows.find((r: any) => r.unit.id === id);
    expect(row(womenUnion).overdue).toBe(true);
    expect(row(farmers).overdue).toBe(false);

    at('2026-04-02');
    expect(await job.run()).toBe(expected);
    mine = await reminders(hpn, 'reminder.registration');
    expect(mine).toHaveLength(3);
    expect(mine[0].title).toContain('đã quá hạn');

    // A restarted job (a new one, as after a restart or on another instance) sends nothing again.
    const restarted = new ReminderJob(srv.db, now);
    expect(await restarted.run()).toBe(0);
    at('2026-04-20');
    expect(await restarted.run()).toBe(0);
    expect(await reminders(hpn, 'reminder.registration')).toHaveLength(3);

    // Registering late clears the mark.
    await registered(campaign.id, womenUnion, 'Mô hình của Hội Phụ nữ đăng ký muộn');
    table = (await u.officer.get(`/api/v1/campaigns/${campaign.id}/compliance?year=2026`)).body;
    expect(row(womenUnion).overdue).toBe(false);
    expect(table.overdue).toBe(expected - 1);
  });

  it('reminds a unit again for another campaign over the same units, though it was reminded for the first', async () => {
    const before = (await reminders(hpn, 'reminder.registration')).length;
    expect(before).toBeGreaterThan(0); // reminded for the campaign above
    const second = await launch({
      unitId: commune,
      title: 'Thi đua xã Càng Long đợt hai',
      startDate: '2026-05-01',
      quotas: [{ unitKind: null, minNew: 0, minConsolidated: 0, minTotal: 1 }],
      calendar: { registrationDeadline: '2026-06-30', remindDaysBefore: 3, remindDaysAfter: 2 },
    });
    const units = (await srv.db.rows<{ n: number }>('select count(*) as n from unit where parent_id = $1 and active', [commune]))[0]!.n;
    at('2026-06-27');
    // Two instances' jobs at the same moment: each reminder is sent once between them.
    const [one, two] = await Promise.all([srv.app.jobs.reminders.run(), new ReminderJob(srv.db, now).run()]);
    expect(one + two).toBe(units); // none has registered for this one
    const mine = await reminders(hpn, 'reminder.registration');
    expect(mine).toHaveLength(before + 1);
    expect(mine[0].title).toContain('“Thi đua xã Càng Long đợt hai” sắp đến hạn (hạn 30/06/2026)');
    expect(mine[0].link).toBe(`/phat-dong/${second.id}/chi-tieu`);
    expect(await srv.app.jobs.reminders.run()).toBe(0);
  });

  it('reminds the supporter of a model not inspected by its due date, once per step', async () => {
    at('2026-05-01');
    const campaign = await launch({
      unitId: commune,
      title: 'Thi đua xã có hạn kiểm tra',
      calendar: { inspectionDueDate: '2026-06-30', remindDaysBefore: 0, remindDaysAfter: 5 },
    });
    const sub = await registered(campaign.id, womenUnion, 'Mô hình chờ kiểm tra đúng hạn');
    const member = (await findUserByUsername(srv.db.pool, 'member'))!.id;
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version, supporterId: member });
    expect(acc.status).toBe(200);
    const job = srv.app.jobs.reminders;
    at('2026-06-29');
    await job.run();
    expect(await reminders(u.member, 'reminder.inspection')).toHaveLength(0);
    at('2026-06-30');
    await job.run();
    await job.run();
    const got = await reminders(u.member, 'reminder.inspection');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      link: `/mo-hinh/${sub.id}`,
      title: 'Kiểm tra mô hình “Mô hình chờ kiểm tra đúng hạn” đến hạn hôm nay (hạn 30/06/2026)',
    });
    expect(await reminders(u.officer, 'reminder.inspection')).toHaveLength(0);
    // inspected: nothing after
    const ins = await u.member.post(`/api/v1/registrations/${sub.id}/inspections`, {
      inspectedOn: '2026-07-01',
      overall: 'on_track',
      criteria: [{ criterionId: acc.body.criteria[0].id, achieved: 15 }],
    });
    expect(ins.status, JSON.stringify(ins.body)).toBe(201);
    at('2026-07-06');
    await job.run();
    expect(await reminders(u.member, 'reminder.inspection')).toHaveLength(1);
  });

  it('reminds the unit officer to acknowledge and the members who have not voted, before, on and after the recognition date, once per step', async () => {
    at('2026-08-01');
    const campaign = await launch({
      unitId: commune,
      title: 'Thi đua xã có ngày xét công nhận',
      calendar: { recognitionDate: '2026-09-30', remindDaysBefore: 2, remindDaysAfter: 1 },
    });
    const sub = await registered(campaign.id, farmers, 'Mô hình chờ xét công nhận');
    const member = (await findUserByUsername(srv.db.pool, 'member'))!.id;
    expect((await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version, supporterId: member })).status).toBe(
      200,
    );
    const round = await u.officer.post('/api/v1/recognition-rounds', {
      unitId: commune,
      campaignId: campaign.id,
      title: 'Xét công nhận mô hình năm 2026',
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const added = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: sub.id });
    expect([200, 201]).toContain(added.status);
    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${sub.id}`;
    const job = srv.app.jobs.reminders;
    const count = async () => ({
      ack: (await reminders(u.unit, 'reminder.acknowledge')).length,
      memberVote: (await reminders(u.member, 'reminder.vote')).length,
      officerVote: (await reminders(u.officer, 'reminder.vote')).length,
    });

    at('2026-09-27');
    await job.run();
    expect(await count()).toEqual({ ack: 0, memberVote: 0, officerVote: 0 });

    at('2026-09-28');
    await job.run();
    await job.run();
    expect(await count()).toEqual({ ack: 1, memberVote: 1, officerVote: 1 });
    const [ack] = await reminders(u.unit, 'reminder.acknowledge');
    expect(ack.title).toBe('Xác nhận của đơn vị cho “Mô hình chờ xét công nhận” sắp đến hạn (hạn 30/09/2026)');
    const [vote] = await reminders(u.member, 'reminder.vote');
    expect(vote.title).toBe('Bỏ phiếu xét công nhận “Mô hình chờ xét công nhận” sắp đến hạn (hạn 30/09/2026)');

    // The unit acknowledges and the member votes: on the day only the officer who has not voted is reminded.
    expect((await u.unit.post(`${base}/acknowledge`, { note: 'Đơn vị xác nhận' })).status).toBe(200);
    expect((await u.member.post(`${base}/vote`, { vote: 'for' })).status).toBe(200);
    at('2026-09-30');
    await job.run();
    expect(await count()).toEqual({ ack: 1, memberVote: 1, officerVote: 2 });
    expect((await reminders(u.officer, 'reminder.vote'))[0].title).toContain('đến hạn hôm nay');

    // Once a day after the date (remindDaysAfter: 1), then nothing more, even from a restarted job.
    at('2026-10-01');
    await job.run();
    expect(await count()).toEqual({ ack: 1, memberVote: 1, officerVote: 3 });
    expect((await reminders(u.officer, 'reminder.vote'))[0].title).toContain('đã quá hạn');
    at('2026-10-02');
    await job.run();
    expect(await count()).toEqual({ ack: 1, memberVote: 1, officerVote: 3 });
    at('2026-10-10');
    expect(await new ReminderJob(srv.db, now).run()).toBe(0);
    expect(await count()).toEqual({ ack: 1, memberVote: 1, officerVote: 3 });

    // Past the date the undecided candidate is marked late on the round and on the to-do page of the
    // officer who has still to vote; on the date itself it was not.
    const late = async () => (await u.officer.get(`/api/v1/recognition-rounds/${round.body.id}`)).body;
    let shown = await late();
    expect(shown.recognitionDate).toBe('2026-09-30');
    expect(shown.candidates.find((c: any) => c.registration.id === sub.id).overdue).toBe(true);
    const votes = (await u.officer.get('/api/v1/todo')).body.items.find((i: any) => i.key === 'votes');
    expect(votes.overdue).toBeGreaterThanOrEqual(1);
    at('2026-09-30');
    shown = await late();
    expect(shown.candidates.find((c: any) => c.registration.id === sub.id).overdue).toBe(false);
  });

  it('marks a model past its inspection due date without an inspection "quá hạn" in the list, on the record and on the to-do page', async () => {
    at('2026-11-01');
    const campaign = await launch({
      unitId: commune,
      title: 'Thi đua xã có hạn kiểm tra tháng 11',
      calendar: { inspectionDueDate: '2026-11-15', remindDaysBefore: 0, remindDaysAfter: 1 },
    });
    const sub = await registered(campaign.id, womenUnion, 'Mô hình kiểm tra trễ hạn');
    const member = (await findUserByUsername(srv.db.pool, 'member'))!.id;
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version, supporterId: member });
    expect(acc.status).toBe(200);
    const listItem = async () =>
      (await u.member.get(`/api/v1/registrations?queue=to_inspect&pageSize=200`)).body.items.find((i: any) => i.id === sub.id);
    const record = async () => (await u.member.get(`/api/v1/registrations/${sub.id}`)).body;
    const toInspect = async () => (await u.member.get('/api/v1/todo')).body.items.find((i: any) => i.key === 'to_inspect');

    at('2026-11-15'); // the due date itself is not yet late
    expect((await listItem()).overdue).toBe(false);
    expect(await record()).toMatchObject({ overdue: false, inspectionDueDate: '2026-11-15' });
    const onTheDay = await toInspect();
    expect(onTheDay.overdue).toBe(0);

    at('2026-11-16');
    expect((await listItem()).overdue).toBe(true);
    expect((await record()).overdue).toBe(true);
    expect(await toInspect()).toEqual({ key: 'to_inspect', count: onTheDay.count, overdue: 1 });
    // another campaign's accepted model without a due date is not late
    const others = (await u.member.get(`/api/v1/registrations?pageSize=200`)).body.items.filter((i: any) => i.id !== sub.id);
    expect(others.every((i: any) => i.overdue === false)).toBe(true);

    const ins = await u.member.post(`/api/v1/registrations/${sub.id}/inspections`, {
      inspectedOn: '2026-11-16',
      overall: 'on_track',
      criteria: [{ criterionId: acc.body.criteria[0].id, achieved: 20 }],
    });
    expect(ins.status, JSON.stringify(ins.body)).toBe(201);
    expect((await record()).overdue).toBe(false);
    expect((await toInspect()).overdue).toBe(0);
  });

  it('reminds those who assign a supporter when a model due for inspection has none, once', async () => {
    at('2026-09-01');
    const campaign = await launch({
      unitId: commune,
      title: 'Thi đua xã chưa phân công kiểm tra',
      calendar: { inspectionDueDate: '2026-10-15', remindDaysBefore: 0, remindDaysAfter: 5 },
    });
    const sub = await registered(campaign.id, womenUnion, 'Mô hình chưa có cán bộ hỗ trợ');
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version });
    expect(acc.status).toBe(200);
    const job = srv.app.jobs.reminders;
    at('2026-10-15');
    await job.run();
    await job.run();
    // the province's officer and member may assign one; the unit that registered it may not
    for (const c of [u.officer, u.member]) {
      const got = await reminders(c, 'reminder.inspection_unassigned');
      expect(got.filter((n: any) => n.link === `/mo-hinh/${sub.id}`)).toHaveLength(1);
    }
    expect(await reminders(hpn, 'reminder.inspection_unassigned')).toHaveLength(0);
    expect(await reminders(u.unit, 'reminder.inspection_unassigned')).toHaveLength(0);
    expect(await reminders(u.member, 'reminder.inspection')).toHaveLength(1); // only the earlier test's
  });
});
