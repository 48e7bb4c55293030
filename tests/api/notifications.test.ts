/**
 * Events become notifications for exactly the people the policy names: those who must act (by the
 * rule that lets them act, inside its scope) and those the record concerns, never anyone outside
 * the record's view, never the one who acted, never the system administrator. A rolled-back change
 * notifies nobody; the bell's count and the list are read from the database.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findUserByUsername, insertUser } from '../../src/data/users-repo.js';
import { transitionIn } from '../../src/services/registrations/transition-registration.js';
import { actorOf } from '../../src/services/user-presenter.js';
import { EVENT_AUDIENCES, inAudience, type Audience, type EventKind } from '../../src/domain/audiences.js';
import { hashPassword } from '../../src/services/auth/passwords.js';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, type TestServer } from '../support/server.js';
import { launchedCampaign, recognise, useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, otherCommune: string, womenUnion: string;
/** Everyone signed in, by username: the demo accounts and three more. */
let all: Record<string, Client>;

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { province, commune, otherCommune, womenUnion },
  } = demo);
  const hash = await hashPassword(DEMO_PASSWORD);
  // A second committee member, the women's union's own officer, and a commune officer elsewhere.
  const extra = [
    { username: 'member2', role: 'member', unit: province },
    { username: 'hpn', role: 'unit_officer', unit: womenUnion },
    { username: 'travinh', role: 'unit_officer', unit: otherCommune },
  ] as const;
  for (const x of extra) {
    await insertUser(srv.db.pool, {
      id: randomUUID(),
      username: x.username,
      fullName: `Tài khoản ${x.username}`,
      position: null,
      passwordHash: hash,
      role: x.role,
      unitId: x.unit,
      entryUnitId: x.unit,
      viewUnitId: x.unit,
      mustChangePassword: false,
    } as never);
  }
  all = { ...u } as Record<string, Client>;
  for (const x of extra) all[x.username] = await loggedIn(srv.baseUrl, x.username, DEMO_PASSWORD);
});

/** Who holds a notification of this kind that opens this page (usernames, sorted). */
async function told(kind: string, link: string): Promise<string[]> {
  const who: string[] = [];
  for (const [name, c] of Object.entries(all)) {
    const r = await c.get('/api/v1/notifications?pageSize=200');
    expect(r.status).toBe(200);
    if (r.body.items.some((n: any) => n.kind === kind && n.link === link)) who.push(name);
  }
  return who.sort();
}
/** Who `inAudience` says is told of an event at `path` (usernames, sorted), leaving out the one who acted. */
async function inMemory(kind: EventKind, path: string, actor: string): Promise<string[]> {
  const who: string[] = [];
  for (const name of Object.keys(all)) {
    if (name === actor) continue;
    const row = (await findUserByUsername(srv.db.pool, name))!;
    const account = { ...actorOf(row), unitPath: row.unit_path };
    if (EVENT_AUDIENCES[kind].some((a: Audience) => inAudience(account, a, { path }))) who.push(name);
  }
  return who.sort();
}
async function notificationOf(c: Client, kind: string, link: string) {
  return (await c.get('/api/v1/notifications?pageSize=200')).body.items.find((n: any) => n.kind === kind && n.link === link);
}

const registration = (title: string) => ({
  kind: 'model',
  unitId: womenUnion,
  holder: 'collective',
  title,
  fieldCode: 'economic',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  level: 'commune',
  criteria: [{ name: 'Số hộ tham gia', target: 50, unitOfMeasure: 'hộ' }],
});

async function submitted(title: string) {
  const d = await u.unit.post('/api/v1/registrations', registration(title));
  expect(d.status).toBe(201);
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  expect(s.status).toBe(200);
  return s.body;
}
async function memberId(username: string) {
  return (await findUserByUsername(srv.db.pool, username))!.id;
}

describe('who is told of each event', () => {
  it('a submission tells the appraisers in scope; a return tells the registrant, with the reason', async () => {
    const sub = await submitted('Mô hình báo tin khi gửi hồ sơ');
    const link = `/mo-hinh/${sub.id}`;
    expect(await told('registration.submitted', link)).toEqual(['member', 'member2', 'officer']);
    // The policy asked of each account in memory names the same people as the SQL that fanned it out.
    const path = (await srv.db.rows<{ path: string }>('select unit_path::text as path from registration where id = $1', [sub.id]))[0]!.path;
    expect(await inMemory('registration.submitted', path, 'unit')).toEqual(['member', 'member2', 'officer']);
    const ret = await u.officer.post(`/api/v1/registrations/${sub.id}/return`, { version: sub.version, reason: 'Bổ sung số hộ tham gia' });
    expect(ret.status).toBe(200);
    expect(await told('registration.returned', link)).toEqual(['unit']);
    const n = await notificationOf(u.unit, 'registration.returned', link);
    expect(n.title).toContain('được trả lại');
    expect(n.text).toBe('Lý do: Bổ sung số hộ tham gia');
  });

  it('a rejection tells the registrant with the reason, and nobody else', async () => {
    const sub = await submitted('Mô hình bị từ chối có lý do');
    const rej = await u.member.post(`/api/v1/registrations/${sub.id}/reject`, { version: sub.version, reason: 'Trùng với mô hình đã có' });
    expect(rej.status).toBe(200);
    expect(await told('registration.rejected', `/mo-hinh/${sub.id}`)).toEqual(['unit']);
    expect((await notificationOf(u.unit, 'registration.rejected', `/mo-hinh/${sub.id}`)).text).toBe('Lý do: Trùng với mô hình đã có');
  });

  it('acceptance and the supporter: registrant and supporter; an inspection: the registrant', async () => {
    const sub = await submitted('Mô hình được chấp nhận và phân công');
    const link = `/mo-hinh/${sub.id}`;
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, {
      version: sub.version,
      supporterId: await memberId('member2'),
    });
    expect(acc.status).toBe(200);
    expect(await told('registration.accepted', link)).toEqual(['member2', 'unit']);
    const moved = await u.officer.post(`/api/v1/registrations/${sub.id}/supporter`, {
      version: acc.body.version,
      supporterId: await memberId('member'),
    });
    expect(moved.status).toBe(200);
    expect(await told('registration.supporter_assigned', link)).toEqual(['member', 'unit']);
    const ins = await u.member.post(`/api/v1/registrations/${sub.id}/inspections`, {
      inspectedOn: '2026-06-01',
      overall: 'on_track',
      criteria: [{ criterionId: acc.body.criteria[0].id, achieved: 1 }],
    });
    expect(ins.status).toBe(201);
    expect(await told('inspection.recorded', link)).toEqual(['unit']);
  });

  it('a candidate tells the unit’s officers (to acknowledge) and the members (to vote); the decision tells the registrant; so does a commendation', async () => {
    const sub = await submitted('Mô hình đưa vào xét công nhận');
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version });
    expect(acc.status).toBe(200);
    await recognise(u, province, sub.id);
    const round = (
      await srv.db.rows<{ id: string }>('select round_id as id from recognition_candidate where registration_id = $1', [sub.id])
    )[0]!;
    expect(await told('round.candidate_added', `/xet-cong-nhan/${round.id}`)).toEqual(['hpn', 'member', 'member2', 'unit']);
    expect(await told('registration.recognised', `/mo-hinh/${sub.id}`)).toEqual(['unit']);
    const c = await u.officer.post(`/api/v1/registrations/${sub.id}/commendations`, {
      formCode: 'giay_khen_btv',
      issuer: 'Ban Thường vụ Tỉnh ủy',
      decisionNo: '45-QĐ/TU',
      decisionDate: '2026-11-22',
    });
    expect(c.status).toBe(201);
    expect(await told('registration.commended', `/mo-hinh/${sub.id}`)).toEqual(['unit']);
    // A proposal reaches the receiving level's officers; its decision, the proposer.
    const p = await u.unit.post(`/api/v1/registrations/${sub.id}/proposals`, {
      toUnitId: province,
      formCode: 'bang_khen_ubnd_tinh',
      reason: 'Mô hình tiêu biểu của xã',
    });
    expect(p.status).toBe(201);
    expect(await told('proposal.received', '/de-nghi-khen-thuong')).toEqual(['officer']);
    const receiving = (await srv.db.rows<{ path: string }>('select path::text as path from unit where id = $1', [province]))[0]!.path;
    expect(await inMemory('proposal.received', receiving, 'unit')).toEqual(['officer']);
    const d = await u.officer.post(`/api/v1/proposals/${p.body.id}/decide`, {
      version: p.body.version,
      accept: false,
      note: 'Chưa đủ thời gian áp dụng',
    });
    expect(d.status).toBe(200);
    // The proposer lands on the proposals its unit sent, where the decision shows.
    expect(await told('proposal.declined', '/de-nghi-khen-thuong?view=outgoing')).toEqual(['unit']);
    expect((await notificationOf(u.unit, 'proposal.declined', '/de-nghi-khen-thuong?view=outgoing')).text).toBe(
      'Lý do: Chưa đủ thời gian áp dụng',
    );
    const again = await u.unit.post(`/api/v1/registrations/${sub.id}/proposals`, {
      toUnitId: province,
      formCode: 'bang_khen_ubnd_tinh',
      reason: 'Mô hình tiếp tục duy trì hiệu quả',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const ok = await u.officer.post(`/api/v1/proposals/${again.body.id}/decide`, { version: again.body.version, accept: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await told('proposal.accepted', '/de-nghi-khen-thuong?view=outgoing')).toEqual(['unit']);
  });

  it('a candidate not recognised tells the registrant with the reasons; a new review report tells those who decide at its level', async () => {
    const sub = await submitted('Mô hình chưa được công nhận');
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version });
    expect(acc.status).toBe(200);
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận có hồ sơ chưa đạt' });
    expect(round.status).toBe(201);
    const added = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: sub.id });
    expect([200, 201]).toContain(added.status);
    const decided = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates/${sub.id}/decide`, {
      result: 'not_recognised',
      reasons: 'Chưa có số liệu kết quả sau kiểm tra',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(await told('registration.not_recognised', `/mo-hinh/${sub.id}`)).toEqual(['unit']);
    expect((await notificationOf(u.unit, 'registration.not_recognised', `/mo-hinh/${sub.id}`)).text).toBe(
      'Lý do: Chưa có số liệu kết quả sau kiểm tra',
    );

    const report = await u.unit.post('/api/v1/review-reports', {
      unitId: commune,
      kind: 'interim',
      yearFrom: 2026,
      yearTo: 2026,
      title: 'Sơ kết phong trào năm 2026 của xã',
      parentBody: 'Đảng bộ xã Càng Long',
      issuingBody: 'Ban Chỉ đạo xã Càng Long',
      number: 'Số 09-BC/BCĐ',
      place: 'Càng Long',
      reportDate: '2026-12-10',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const shared = await told('report.shared', `/bao-cao/${report.body.id}`);
    const communePath = (await srv.db.rows<{ path: string }>('select path::text as path from unit where id = $1', [commune]))[0]!.path;
    expect(shared).toEqual(await inMemory('report.shared', communePath, 'unit'));
    expect(shared).toEqual(['officer']); // the province's officer decides recognition above the commune
  });

  it('a campaign launch tells every account of every unit in its subtree, not those of other communes', async () => {
    const whole = await launchedCampaign(u.officer, {
      unitId: province,
      title: 'Phát động toàn tỉnh có thông báo',
      yearFrom: 2026,
      yearTo: 2026,
      startDate: '2026-01-15',
      endDate: '2026-12-31',
      focusThemes: [],
      quotas: [],
    });
    expect(await told('campaign.launched', `/phat-dong/${whole.body.id}/chi-tieu`)).toEqual([
      'hpn',
      'member',
      'member2',
      'travinh',
      'unit',
      'viewer',
    ]);
    const local = await launchedCampaign(u.officer, {
      unitId: commune,
      title: 'Phát động riêng xã Càng Long',
      yearFrom: 2026,
      yearTo: 2026,
      startDate: '2026-01-15',
      endDate: '2026-12-31',
      focusThemes: [],
      quotas: [],
    });
    expect(await told('campaign.launched', `/phat-dong/${local.body.id}/chi-tieu`)).toEqual(['hpn', 'unit']);
  });

  it('a rolled-back transition notifies nobody', async () => {
    const sub = await submitted('Mô hình có thao tác bị hủy');
    const before = (await srv.db.rows<{ n: number }>('select count(*) as n from notification'))[0]!.n;
    const officer = actorOf((await findUserByUsername(srv.db.pool, 'officer'))!);
    const ctx = { db: srv.db, actor: officer, ip: null, lang: 'vi' as const };
    await expect(
      srv.db.tx(async (q) => {
        await transitionIn(q, ctx, sub.id, 'return', { version: sub.version, reason: 'Lý do sẽ bị hủy' });
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    expect((await srv.db.rows<{ n: number }>('select count(*) as n from notification'))[0]!.n).toBe(before);
    expect(await told('registration.returned', `/mo-hinh/${sub.id}`)).toEqual([]);
    expect((await u.unit.get(`/api/v1/registrations/${sub.id}`)).body.state).toBe('submitted');
  });
});

describe('the list and the bell', () => {
  it('counts unread, opens one as read, marks all read; another user’s notification is not found', async () => {
    await submitted('Mô hình để đếm chuông');
    const count = (await all.member2!.get('/api/v1/notifications/count')).body.unread;
    expect(count).toBeGreaterThan(0);
    const list = await all.member2!.get('/api/v1/notifications?unread=true');
    expect(list.body.unread).toBe(count);
    const first = list.body.items[0];
    const opened = await all.member2!.post(`/api/v1/notifications/${first.id}/read`);
    expect(opened.body.read).toBe(true);
    expect((await all.member2!.get('/api/v1/notifications/count')).body.unread).toBe(count - 1);
    expect((await u.unit.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);
    expect((await all.member2!.post('/api/v1/notifications/read-all')).status).toBe(200);
    expect((await all.member2!.get('/api/v1/notifications/count')).body.unread).toBe(0);
    expect((await all.member2!.get('/api/v1/notifications')).body.items.every((n: any) => n.read)).toBe(true);
  });
});
