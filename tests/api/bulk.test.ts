/**
 * Bulk work on the registrations list: "Tiếp nhận", "Trả lại" with one reason and "Đưa vào đợt xét"
 * on several records. Each record goes through the policy and the state machine like the single
 * action, writes its own timeline and audit rows, and is either done or untouched; the answer says
 * which, and why not, in Vietnamese. A retry with the same Idempotency-Key writes nothing twice.
 */
import { describe, expect, it } from 'vitest';
import { useDemo, type Users } from './helpers.js';

let u: Users;
let womenUnion: string, farmers: string, province: string;
let foreignUnit: string;

useDemo(async (demo) => {
  ({
    u,
    units: { womenUnion, farmers, province },
  } = demo);
  // a unit in another province: outside the provincial officer's view
  const [root] = await demo.srv.db.rows<{ id: string }>('select id from unit where parent_id is null');
  const other = await u.admin.post('/api/v1/units', {
    parentId: root!.id,
    code: 'T99-BULK',
    name: 'Tỉnh thử nghiệm',
    kind: 'province',
    level: 'province',
  });
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  foreignUnit = other.body.id;
});

let n = 0;
/** A registration written by `by` in `unitId`, sent for appraisal unless `draft`. */
async function registration(by: 'unit' | 'admin', unitId: string, draft = false) {
  n += 1;
  const d = await u[by].post('/api/v1/registrations', {
    kind: 'model',
    unitId,
    holder: 'collective',
    title: `Mô hình xử lý hàng loạt số ${n}`,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: by === 'admin' ? 'province' : 'commune',
    criteria: [{ name: 'Số hộ tham gia', target: 20, unitOfMeasure: 'hộ' }],
  });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  if (draft) return d.body.id as string;
  const s = await u[by].post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return d.body.id as string;
}

const get = async (id: string) => (await u.admin.get(`/api/v1/registrations/${id}`)).body;
const audits = async (id: string, action: string) => (await u.admin.get(`/api/v1/audit?entityId=${id}&action=${action}`)).body.total;

describe('bulk work on registrations', () => {
  it('accepts a mixed batch: each record done or untouched, with its own timeline and audit row, and says why not', async () => {
    const a = await registration('unit', womenUnion);
    const b = await registration('unit', farmers);
    const draft = await registration('unit', womenUnion, true);
    const foreign = await registration('admin', foreignUnit);

    const r = await u.officer.post('/api/v1/registrations/bulk', { action: 'accept', ids: [a, draft, b, foreign] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ action: 'accept', done: 2, failed: 2 });
    expect(r.body.results.map((x: { id: string; ok: boolean }) => [x.id, x.ok])).toEqual([
      [a, true],
      [draft, false],
      [b, true],
      [foreign, false],
    ]);
    const [ra, rDraft, , rForeign] = r.body.results;
    expect(ra).toMatchObject({ state: 'accepted', error: null, title: 'Mô hình xử lý hàng loạt số 1' });
    expect(rDraft.error).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'Không thể "Chấp thuận đăng ký" khi hồ sơ đang ở trạng thái "Bản nháp". Vui lòng tải lại trang để xem trạng thái mới nhất.',
    });
    // outside the officer's view: not found, and its title is not told
    expect(rForeign.error.code).toBe('NOT_FOUND');
    expect(rForeign.error.message).toContain('Không tìm thấy');
    expect(rForeign.title).toBeNull();

    for (const id of [a, b]) {
      const reg = await get(id);
      expect(reg.state).toBe('accepted');
      expect(reg.timeline.filter((e: { transition: string }) => e.transition === 'accept')).toHaveLength(1);
      expect(reg.timeline.at(-1)).toMatchObject({ transition: 'accept', actorName: 'Nguyễn Thị Thu Hà', fromState: 'submitted' });
      expect(await audits(id, 'registration.accept')).toBe(1);
    }
    for (const [id, state] of [
      [draft, 'draft'],
      [foreign, 'submitted'],
    ] as const) {
      const reg = await get(id);
      expect(reg.state).toBe(state);
      expect(reg.timeline.some((e: { transition: string }) => e.transition === 'accept')).toBe(false);
      expect(await audits(id, 'registration.accept')).toBe(0);
    }

    // a unit officer may not accept: each record is refused by the policy, none changes
    const c = await registration('unit', womenUnion);
    const refused = await u.unit.post('/api/v1/registrations/bulk', { action: 'accept', ids: [c] });
    expect(refused.body).toMatchObject({ done: 0, failed: 1 });
    expect(refused.body.results[0].error.code).toBe('FORBIDDEN');
    expect((await get(c)).state).toBe('submitted');
  });

  it('returns several with one reason, written on each timeline; no reason, nothing returned', async () => {
    const ids = [await registration('unit', womenUnion), await registration('unit', farmers), await registration('unit', womenUnion)];
    const none = await u.officer.post('/api/v1/registrations/bulk', { action: 'return', ids });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('REASON_REQUIRED');
    for (const id of ids) expect((await get(id)).state).toBe('submitted');

    const reason = 'Bổ sung số liệu kinh phí và danh sách hộ tham gia';
    const r = await u.officer.post('/api/v1/registrations/bulk', { action: 'return', ids, reason });
    expect(r.body).toMatchObject({ done: 3, failed: 0 });
    for (const id of ids) {
      const reg = await get(id);
      expect(reg.state).toBe('returned');
      expect(reg.timeline.at(-1)).toMatchObject({ transition: 'return', reason });
      expect(await audits(id, 'registration.return')).toBe(1);
    }
  });

  it('adds accepted records to a round; the others are refused with the reason', async () => {
    const [a, b, submitted] = [
      await registration('unit', womenUnion),
      await registration('unit', farmers),
      await registration('unit', womenUnion),
    ];
    expect((await u.officer.post('/api/v1/registrations/bulk', { action: 'accept', ids: [a, b] })).body.done).toBe(2);
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận hàng loạt' });
    expect(round.status).toBe(201);

    const noRound = await u.officer.post('/api/v1/registrations/bulk', { action: 'add_to_round', ids: [a] });
    expect(noRound.status).toBe(400);
    expect(noRound.body.error).toEqual({ code: 'BULK_ROUND_REQUIRED', message: 'Vui lòng chọn đợt xét công nhận để đưa các hồ sơ vào.' });

    const r = await u.officer.post('/api/v1/registrations/bulk', {
      action: 'add_to_round',
      ids: [a, submitted, b],
      roundId: round.body.id,
    });
    expect(r.body).toMatchObject({ done: 2, failed: 1 });
    expect(r.body.results[1]).toMatchObject({ id: submitted, ok: false, error: { code: 'CANDIDATE_INVALID' } });
    const after = (await u.officer.get(`/api/v1/recognition-rounds/${round.body.id}`)).body;
    expect(after.candidates.map((c: { registration: { id: string } }) => c.registration.id).sort()).toEqual([a, b].sort());
    expect(await audits(a, 'recognition.add_candidate')).toBe(1);
    expect(await audits(submitted, 'recognition.add_candidate')).toBe(0);
  });

  it('a retry with the same Idempotency-Key answers the first answer and writes nothing twice', async () => {
    const [a, b] = [await registration('unit', womenUnion), await registration('unit', farmers)];
    const body = { action: 'return', ids: [a, b], reason: 'Thiếu tiêu chí đánh giá cụ thể' };
    const headers = { 'idempotency-key': `bulk-${a}` };
    const first = await u.officer.request('POST', '/api/v1/registrations/bulk', body, headers);
    expect(first.body).toMatchObject({ done: 2, failed: 0 });
    const again = await u.officer.request('POST', '/api/v1/registrations/bulk', body, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    for (const id of [a, b]) {
      expect((await get(id)).timeline.filter((e: { transition: string }) => e.transition === 'return')).toHaveLength(1);
      expect(await audits(id, 'registration.return')).toBe(1);
    }
  });

  it('refuses an empty selection and ids that are not ids', async () => {
    expect((await u.officer.post('/api/v1/registrations/bulk', { action: 'accept', ids: [] })).status).toBe(400);
    expect((await u.officer.post('/api/v1/registrations/bulk', { action: 'accept', ids: ['x'] })).status).toBe(400);
    expect((await u.officer.post('/api/v1/registrations/bulk', { action: 'delete', ids: [province] })).status).toBe(400);
  });
});
