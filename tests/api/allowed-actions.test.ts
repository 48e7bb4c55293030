/**
 * No dead ends: what a user may do now comes from the server. A registrant withdraws a submission
 * until it is appraised; a candidate says what it still lacks and "recognise" is offered only when it
 * is ready, a premature decision being refused with the same list; the read-only leader is told they
 * have no registering to do and no queues.
 */
import { describe, expect, it } from 'vitest';
import { loggedIn, type Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, womenUnion: string, otherCommune: string;
let colleague: Client, elsewhere: Client;

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { province, commune, womenUnion, otherCommune },
  } = demo);
  const account = async (username: string, unitId: string) => {
    const made = await u.admin.post('/api/v1/users', {
      username,
      fullName: `Cán bộ ${username}`,
      role: 'unit_officer',
      unitId,
      entryUnitId: unitId,
      viewUnitId: unitId,
      password: 'Mat-khau-Rut-2026',
    });
    expect(made.status).toBe(201);
    return loggedIn(srv.baseUrl, username, 'Mat-khau-Rut-2026');
  };
  [colleague, elsewhere] = await Promise.all([account('dongnghiep.canglong', commune), account('canbo.travinh.rut', otherCommune)]);
});

async function submitted(title: string) {
  const d = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title,
    fieldCode: 'cultural_social',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [
      { name: 'Số hộ tham gia', target: 50, unitOfMeasure: 'hộ' },
      { name: 'Số buổi sinh hoạt', target: 12, unitOfMeasure: 'buổi' },
    ],
  });
  expect(d.status).toBe(201);
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  expect(s.status).toBe(200);
  return s.body;
}

describe('withdrawing a submission', () => {
  it('the registrant takes it back to draft: the record, its timeline and the audit say so, and a retry writes nothing twice', async () => {
    const sent = await submitted('Mô hình “Bữa sáng yêu thương” (rút lại)');
    expect(sent.actions).toContain('withdraw');
    const key = 'rut-lai-' + sent.id;
    const send = () =>
      u.unit.request('POST', `/api/v1/registrations/${sent.id}/withdraw`, { version: sent.version }, { 'idempotency-key': key });
    const back = await send();
    expect(back.status).toBe(200);
    expect(back.body.state).toBe('draft');
    expect(back.body.actions).toEqual(expect.arrayContaining(['update', 'submit']));
    expect(back.body.actions).not.toContain('withdraw');
    const last = back.body.timeline.at(-1);
    expect(last).toMatchObject({ transition: 'withdraw', fromState: 'submitted', toState: 'draft' });
    // The answer was lost: the same key replays it, and the record moved once.
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const now = (await u.unit.get(`/api/v1/registrations/${sent.id}`)).body;
    expect(now.version).toBe(back.body.version);
    expect(now.timeline.filter((e: { transition: string }) => e.transition === 'withdraw')).toHaveLength(1);
    const audit = await u.admin.get(`/api/v1/audit?entityId=${sent.id}&action=registration.withdraw`);
    expect(audit.body.items).toHaveLength(1);
    // A draft again: it is edited and sent anew.
    const edited = await u.unit.patch(`/api/v1/registrations/${sent.id}`, { version: now.version, title: 'Mô hình “Bữa sáng yêu thương”' });
    expect(edited.status).toBe(200);
    const resent = await u.unit.post(`/api/v1/registrations/${sent.id}/submit`, { version: edited.body.version });
    expect(resent.body.state).toBe('submitted');
  });

  it('is nobody else’s: the appraiser and a colleague are refused, another commune does not find it', async () => {
    const sent = await submitted('Mô hình “Tủ sách cộng đồng” (không rút được)');
    for (const c of [u.officer, colleague, u.member]) {
      const seen = await c.get(`/api/v1/registrations/${sent.id}`);
      expect(seen.body.actions).not.toContain('withdraw');
      const r = await c.post(`/api/v1/registrations/${sent.id}/withdraw`, { version: sent.version });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    const outside = await elsewhere.post(`/api/v1/registrations/${sent.id}/withdraw`, { version: sent.version });
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('NOT_FOUND');
    expect((await u.viewer.post(`/api/v1/registrations/${sent.id}/withdraw`, { version: sent.version })).status).toBe(403);
    expect((await u.unit.get(`/api/v1/registrations/${sent.id}`)).body.state).toBe('submitted');
  });

  it('is refused once appraised', async () => {
    const sent = await submitted('Mô hình “Đường hoa nông thôn mới” (đã thẩm định)');
    const accepted = await u.officer.post(`/api/v1/registrations/${sent.id}/accept`, { version: sent.version });
    expect(accepted.body.actions).not.toContain('withdraw');
    expect((await u.unit.get(`/api/v1/registrations/${sent.id}`)).body.actions).not.toContain('withdraw');
    const r = await u.unit.post(`/api/v1/registrations/${sent.id}/withdraw`, { version: accepted.body.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect(r.body.error.message).toContain('Rút lại đăng ký');
    const returned = await submitted('Mô hình “Ngày chủ nhật xanh” (đã trả lại)');
    const ret = await u.officer.post(`/api/v1/registrations/${returned.id}/return`, {
      version: returned.version,
      reason: 'Bổ sung tiêu chí',
    });
    const r2 = await u.unit.post(`/api/v1/registrations/${returned.id}/withdraw`, { version: ret.body.version });
    expect(r2.status).toBe(409);
  });
});

describe('deciding a candidate only when it is ready', () => {
  it('lists what is missing, refuses a premature decision with that list, and offers "recognise" once nothing is missing', async () => {
    const sent = await submitted('Mô hình “Camera an ninh xóm” (xét công nhận)');
    const model = (await u.officer.post(`/api/v1/registrations/${sent.id}/accept`, { version: sent.version })).body;
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận khi đủ điều kiện' });
    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${model.id}`;
    const candidate = async (c: Client = u.officer) =>
      (await c.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.candidates.find(
        (x: { registration: { id: string } }) => x.registration.id === model.id,
      );
    await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: model.id });
    let cand = await candidate();
    expect(cand.missing.map((m: { code: string }) => m.code)).toEqual(['criteria_unassessed', 'not_acknowledged', 'too_few_votes']);
    expect(cand.missing[1].message).toBe('tập thể nơi mô hình, điển hình hoạt động chưa xác nhận');
    expect(cand.actions).toContain('decide');
    expect(cand.actions).not.toContain('recognise');

    const decision = {
      result: 'recognised',
      level: 'province',
      decisionNo: '77-QĐ/BCĐ',
      decisionDate: '2026-11-20',
      issuer: 'Ban Chỉ đạo tỉnh',
    };
    const early = await u.officer.post(`${base}/decide`, decision);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RECOGNITION_INCOMPLETE');
    expect(early.body.error.message).toContain('tập thể nơi mô hình, điển hình hoạt động chưa xác nhận');
    expect(early.body.error.details.map((m: { code: string }) => m.code)).toEqual([
      'criteria_unassessed',
      'not_acknowledged',
      'too_few_votes',
    ]);
    // Without the decision's own details the list says that too.
    const bare = await u.officer.post(`${base}/decide`, { result: 'recognised' });
    expect(bare.body.error.details.at(-1).code).toBe('decision_incomplete');

    await u.officer.put(`${base}/checklist`, {
      items: cand.checklist.map((c: { criterionId: string }) => ({ criterionId: c.criterionId, mark: 'met' })),
    });
    await u.unit.post(`${base}/acknowledge`, { note: null });
    await u.member.post(`${base}/vote`, { vote: 'for' });
    cand = await candidate();
    expect(cand.missing).toEqual([{ code: 'too_few_votes', message: 'mới có 1 phiếu biểu quyết, cần ít nhất 2 thành viên biểu quyết' }]);
    expect(cand.actions).not.toContain('recognise');
    await u.officer.post(`${base}/vote`, { vote: 'for' });
    cand = await candidate();
    expect(cand.missing).toEqual([]);
    expect(cand.actions).toContain('recognise');
    // Those who do not decide are not offered it, ready or not.
    expect((await candidate(u.member)).actions).not.toContain('recognise');
    expect((await candidate(u.viewer)).actions).toEqual([]);
    const done = await u.officer.post(`${base}/decide`, decision);
    expect(done.status).toBe(200);
    cand = await candidate();
    expect(cand.result).toBe('recognised');
    expect(cand.actions).toEqual([]);
  });

  it('"not recognised" stays open to the committee before the candidate is ready', async () => {
    const sent = await submitted('Mô hình “Xóm trọ văn minh” (không công nhận)');
    const model = (await u.officer.post(`/api/v1/registrations/${sent.id}/accept`, { version: sent.version })).body;
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận, không đạt' });
    await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: model.id });
    const r = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates/${model.id}/decide`, {
      result: 'not_recognised',
      reasons: 'Mô hình chưa duy trì được hoạt động thường xuyên',
    });
    expect(r.status).toBe(200);
  });
});

describe('what the user may do at all (GET /auth/me)', () => {
  it('the read-only leader registers nothing and has no queues; each other role has the queues of its work', async () => {
    const me = async (c: Client) => (await c.get('/api/v1/auth/me')).body;
    const viewer = await me(u.viewer);
    expect(viewer.canCreate.registration).toBe(false);
    expect(viewer.queues).toEqual([]);
    const unit = await me(u.unit);
    expect(unit.canCreate.registration).toBe(true);
    expect(unit.queues).toEqual(['returned_to_me', 'my_drafts']);
    expect((await me(u.member)).queues).toEqual(['awaiting_appraisal', 'to_inspect']);
    expect((await me(u.officer)).queues).toEqual(['awaiting_appraisal', 'returned_to_me', 'to_inspect', 'my_drafts']);
  });
});
