import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let otherCommune: string, womenUnion: string;

useDemo((demo) => {
  ({
    srv,
    u,
    units: { otherCommune, womenUnion },
  } = demo);
});

export function buildRegistration(over: Record<string, unknown> = {}) {
  return {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title: 'Mô hình “Dân vận khéo” vận động phụ nữ tiết kiệm',
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    problem: 'Nhiều hộ thiếu vốn sản xuất',
    purpose: 'Giúp hội viên có vốn làm ăn',
    criteria: [{ name: 'Số hội viên tham gia tiết kiệm', target: 120, unitOfMeasure: 'người' }],
    ...over,
  };
}

async function submitted(over: Record<string, unknown> = {}) {
  const draft = await u.unit.post('/api/v1/registrations', buildRegistration(over));
  expect(draft.status).toBe(201);
  const sub = await u.unit.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: draft.body.version });
  expect(sub.status).toBe(200);
  return sub.body;
}

describe('registration workflow through the API', () => {
  it('a unit officer registers a draft with its criteria and a timeline entry', async () => {
    const r = await u.unit.post('/api/v1/registrations', buildRegistration());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'draft', year: 2026, unit: { name: 'Hội Liên hiệp Phụ nữ Càng Long' } });
    expect(r.body.criteria).toEqual([
      expect.objectContaining({ name: 'Số hội viên tham gia tiết kiệm', target: 120, unitOfMeasure: 'người' }),
    ]);
    expect(r.body.timeline.map((e: any) => e.toState)).toEqual(['draft']);
    expect(r.body.actions).toEqual(['update', 'submit', 'add_evidence']);
  });

  it('every allowed step: submit → return with reason → edit → resubmit → accept with a supporter', async () => {
    const sub = await submitted();
    expect(sub.state).toBe('submitted');
    // the registrant waits: it may still attach documents, or take the submission back until it is appraised
    expect(sub.actions).toEqual(['withdraw', 'add_evidence']);
    const seenByOfficer = await u.officer.get(`/api/v1/registrations/${sub.id}`);
    expect(seenByOfficer.body.actions).toEqual(['return', 'accept', 'reject', 'add_evidence']);
    const queue = await u.officer.get('/api/v1/registrations?queue=awaiting_appraisal');
    expect(queue.body.items.map((x: any) => x.id)).toContain(sub.id);

    const ret = await u.officer.post(`/api/v1/registrations/${sub.id}/return`, {
      version: sub.version,
      reason: 'Bổ sung chỉ tiêu về số hộ thoát nghèo',
    });
    expect(ret.status).toBe(200);
    expect(ret.body.state).toBe('returned');
    const mine = await u.unit.get('/api/v1/registrations?queue=returned_to_me');
    expect(mine.body.items.map((x: any) => x.id)).toContain(sub.id);

    const edited = await u.unit.patch(`/api/v1/registrations/${sub.id}`, {
      version: ret.body.version,
      criteria: [
        ...ret.body.criteria.map(({ name, target, unitOfMeasure }: any) => ({ name, target, unitOfMeasure })),
        { name: 'Số hộ thoát nghèo', target: 10, unitOfMeasure: 'hộ' },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.criteria).toHaveLength(2);
    const again = await u.unit.post(`/api/v1/registrations/${sub.id}/submit`, { version: edited.body.version });
    expect(again.body.state).toBe('submitted');

    const candidates = await u.officer.get(`/api/v1/registrations/${sub.id}/supporter-candidates`);
    expect(candidates.body.map((c: any) => c.fullName)).toEqual(expect.arrayContaining(['Trần Văn Bình', 'Nguyễn Thị Thu Hà']));
    const supporter = candidates.body.find((c: any) => c.fullName === 'Trần Văn Bình').id;
    const acc = await u.officer.post(`/api/v1/registrations/${sub.id}/accept`, { version: again.body.version, supporterId: supporter });
    expect(acc.status).toBe(200);
    expect(acc.body).toMatchObject({ state: 'accepted', supporter: { name: 'Trần Văn Bình' } });
    expect(acc.body.timeline.map((e: any) => e.transition)).toEqual(['create', 'submit', 'return', 'submit', 'accept']);
    expect(acc.body.timeline[2].reason).toBe('Bổ sung chỉ tiêu về số hộ thoát nghèo');
    const toInspect = await u.member.get('/api/v1/registrations?queue=to_inspect');
    expect(toInspect.body.items.map((x: any) => x.id)).toContain(sub.id);
    const audit = await u.officer.get(`/api/v1/audit?entityId=${sub.id}&action=registration.accept`);
    expect(audit.body.items[0].actorName).toBe('Nguyễn Thị Thu Hà');
  });

  it('refuses an illegal transition with 409 and a message naming the state', async () => {
    const sub = await submitted({ title: 'Mô hình thử chuyển sai' });
    const r = await u.unit.post(`/api/v1/registrations/${sub.id}/complete`, { version: sub.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect(r.body.error.message).toContain('Chờ thẩm định');
    const twice = await u.unit.post(`/api/v1/registrations/${sub.id}/submit`, { version: sub.version });
    expect(twice.status).toBe(409);
    expect((await u.officer.get(`/api/v1/registrations/${sub.id}`)).body.state).toBe('submitted');
  });

  it('recognition has no direct endpoint: it happens only in a recognition round', async () => {
    const sub = await submitted({ title: 'Mô hình không công nhận trực tiếp' });
    const r = await u.officer.post(`/api/v1/registrations/${sub.id}/recognise`, { version: sub.version });
    expect(r.status).toBe(404);
  });

  it('refuses returning or rejecting without a reason, and changes nothing', async () => {
    const sub = await submitted({ title: 'Mô hình thiếu lý do' });
    for (const t of ['return', 'reject']) {
      const r = await u.officer.post(`/api/v1/registrations/${sub.id}/${t}`, { version: sub.version, reason: ' ' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('REASON_REQUIRED');
    }
    const after = await u.officer.get(`/api/v1/registrations/${sub.id}`);
    expect(after.body.state).toBe('submitted');
    expect(after.body.timeline).toHaveLength(2);
  });

  it('refuses roles that may not take a step: 403 inside the scope', async () => {
    const sub = await submitted({ title: 'Mô hình thử quyền' });
    for (const who of ['unit', 'viewer'] as const) {
      const r = await u[who].post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version });
      expect(r.status, who).toBe(403);
    }
    const draft = await u.unit.post('/api/v1/registrations', buildRegistration({ title: 'Bản nháp riêng' }));
    expect((await u.viewer.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: 1 })).status).toBe(403);
    expect((await u.member.patch(`/api/v1/registrations/${draft.body.id}`, { version: 1, title: 'Sửa trộm' })).status).toBe(403);
  });

  it('nothing outside the subtree can be seen or moved: 404', async () => {
    const sub = await submitted({ title: 'Mô hình của Càng Long' });
    const trv = await u.admin.post('/api/v1/users', {
      username: 'cb.travinh',
      fullName: 'Cán bộ Trà Vinh',
      role: 'officer',
      unitId: otherCommune,
      entryUnitId: otherCommune,
      viewUnitId: otherCommune,
      password: 'Mat-khau-2026',
    });
    expect(trv.status).toBe(201);
    const { loggedIn } = await import('../support/client.js');
    const other = await loggedIn(srv.baseUrl, 'cb.travinh', 'Mat-khau-2026');
    expect((await other.get(`/api/v1/registrations/${sub.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/registrations/${sub.id}/accept`, { version: sub.version })).status).toBe(404);
    expect((await other.patch(`/api/v1/registrations/${sub.id}`, { version: sub.version, title: 'x' })).status).toBe(404);
    const list = await other.get('/api/v1/registrations');
    expect(list.body.items.map((x: any) => x.id)).not.toContain(sub.id);
    const create = await other.post('/api/v1/registrations', buildRegistration({ unitId: womenUnion }));
    expect(create.status).toBe(404);
  });

  it('a stale edit answers 409 and changes nothing', async () => {
    const draft = await u.unit.post('/api/v1/registrations', buildRegistration({ title: 'Mô hình sửa đồng thời' }));
    const first = await u.unit.patch(`/api/v1/registrations/${draft.body.id}`, { version: draft.body.version, title: 'Tên mới' });
    expect(first.status).toBe(200);
    // an edit that names only the title keeps everything else, criteria and origin included
    expect(first.body.criteria).toHaveLength(1);
    expect(first.body.origin).toBe('new');
    const stale = await u.unit.patch(`/api/v1/registrations/${draft.body.id}`, { version: draft.body.version, title: 'Tên cũ ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await u.unit.get(`/api/v1/registrations/${draft.body.id}`)).body.title).toBe('Tên mới');
  });

  it('a submitted registration cannot be edited', async () => {
    const sub = await submitted({ title: 'Mô hình đã gửi' });
    const r = await u.unit.patch(`/api/v1/registrations/${sub.id}`, { version: sub.version, title: 'Sửa sau khi gửi' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('REGISTRATION_LOCKED');
  });

  it('refuses to submit without criteria, and an individual without a name', async () => {
    const noCriteria = await u.unit.post('/api/v1/registrations', buildRegistration({ title: 'Không tiêu chí', criteria: [] }));
    const r = await u.unit.post(`/api/v1/registrations/${noCriteria.body.id}/submit`, { version: noCriteria.body.version });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CRITERIA_REQUIRED');
    const person = await u.unit.post(
      '/api/v1/registrations',
      buildRegistration({ kind: 'exemplar', holder: 'individual', title: 'Cá nhân điển hình' }),
    );
    expect(person.status).toBe(400);
    expect(person.body.error.code).toBe('PERSON_REQUIRED');
    const field = await u.unit.post('/api/v1/registrations', buildRegistration({ fieldCode: 'nonsense' }));
    expect(field.body.error.code).toBe('FIELD_UNKNOWN');
    const dates = await u.unit.post('/api/v1/registrations', buildRegistration({ startDate: '2026-05-01', endDate: '2026-01-01' }));
    expect(dates.body.error.code).toBe('DATES_INVALID');
  });

  it('flags a re-registered title with its predecessor, and refuses a finished model as new', async () => {
    const title = 'Mô hình Dân vận khéo “Ngày Chủ nhật xanh”';
    const old = await submitted({ title, startDate: '2024-01-01', endDate: '2024-12-31' });
    const acc = await u.officer.post(`/api/v1/registrations/${old.id}/accept`, { version: old.version });
    const done = await u.unit.post(`/api/v1/registrations/${old.id}/complete`, { version: acc.body.version });
    expect(done.body.state).toBe('completed');
    const again = await u.unit.post(
      '/api/v1/registrations',
      buildRegistration({ title: 'MÔ HÌNH DÂN VẬN KHÉO “NGÀY CHỦ NHẬT XANH”', startDate: '2026-01-01' }),
    );
    expect(again.status).toBe(201);
    expect(again.body.earlier).toEqual([expect.objectContaining({ id: old.id, year: 2024, state: 'completed' })]);
    const refused = await u.unit.post(`/api/v1/registrations/${again.body.id}/submit`, { version: again.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FINISHED_CANNOT_BE_NEW');
    expect(refused.body.error.message).toContain('củng cố');
    const fixed = await u.unit.patch(`/api/v1/registrations/${again.body.id}`, {
      version: again.body.version,
      origin: 'consolidation',
      originId: old.id,
    });
    expect(fixed.body.originRef).toEqual({ id: old.id, title });
    const resubmit = await u.unit.post(`/api/v1/registrations/${again.body.id}/submit`, { version: fixed.body.version });
    expect(resubmit.body.error).toBeUndefined();
    expect(resubmit.status).toBe(200);
  });
});
