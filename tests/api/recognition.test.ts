import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string, womenUnion: string;

useDemo((demo) => {
  ({
    srv,
    u,
    units: { province, womenUnion },
  } = demo);
});

async function acceptedModel(title: string) {
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
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  return (await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version })).body;
}

const decision = {
  result: 'recognised',
  level: 'province',
  decisionNo: '125-QĐ/BCĐ',
  decisionDate: '2026-11-20',
  issuer: 'Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh',
};

describe('recognition rounds', () => {
  it('shows the evidence on the checklist, and "met" below the recorded target needs a reason, kept with the mark', async () => {
    const model = await acceptedModel('Mô hình “Thắp sáng đường quê”');
    const [houses, meetings] = model.criteria;
    // two inspections: the later date is what counts, whatever order they were entered in
    for (const [on, a, b] of [
      ['2026-09-10', 30, 12],
      ['2026-05-10', 50, 4],
    ] as const) {
      const r = await u.officer.post(`/api/v1/registrations/${model.id}/inspections`, {
        inspectedOn: on,
        overall: 'on_track',
        criteria: [
          { criterionId: houses.id, achieved: a },
          { criterionId: meetings.id, achieved: b },
        ],
      });
      expect(r.status).toBe(201);
    }
    const inspections = (await u.officer.get(`/api/v1/registrations/${model.id}/inspections`)).body;
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2e4b10000000049454e44ae426082',
      'hex',
    );
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(PNG)]), 'den-duong.png');
    const up = await fetch(`${srv.baseUrl}/api/v1/registrations/${model.id}/evidence?inspectionId=${inspections[0].id}`, {
      method: 'POST',
      body: form,
      headers: { cookie: u.officer.cookie!, origin: srv.baseUrl },
    });
    expect(up.status).toBe(201);
    const photo = (await up.json()).id;

    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận có minh chứng' });
    const added = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: model.id });
    const cand = added.body.candidates[0];
    expect(cand.checklist.map((c: any) => [c.name, c.target, c.unitOfMeasure, c.achieved, c.completionPct, c.inspectedOn])).toEqual([
      ['Số hộ tham gia', 50, 'hộ', 30, 60, '2026-09-10'],
      ['Số buổi sinh hoạt', 12, 'buổi', 12, 100, '2026-09-10'],
    ]);
    expect(cand.photos).toEqual([{ id: photo, fileName: 'den-duong.png', inspectedOn: '2026-09-10' }]);

    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${model.id}`;
    const bare = await u.officer.put(`${base}/checklist`, {
      items: [
        { criterionId: houses.id, mark: 'met' },
        { criterionId: meetings.id, mark: 'met' },
      ],
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.code).toBe('CHECKLIST_REASON_REQUIRED');
    expect(bare.body.error.message).toBe(
      'Tiêu chí "Số hộ tham gia" mới hoàn thành 60 % chỉ tiêu theo lần kiểm tra ngày 10/09/2026. Muốn đánh giá "Đạt", vui lòng ghi lý do.',
    );
    const blank = await u.officer.put(`${base}/checklist`, { items: [{ criterionId: houses.id, mark: 'met', reason: '   ' }] });
    expect(blank.status).toBe(400);
    // nothing was marked by the refused requests
    expect(
      (await u.member.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.candidates[0].checklist.map((c: any) => c.mark),
    ).toEqual([null, null]);
    // "not met" needs no reason; "met" at 100 % neither
    const plain = await u.officer.put(`${base}/checklist`, {
      items: [
        { criterionId: houses.id, mark: 'not_met' },
        { criterionId: meetings.id, mark: 'met' },
      ],
    });
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    const reasoned = await u.officer.put(`${base}/checklist`, {
      items: [{ criterionId: houses.id, mark: 'met', reason: '30 hộ còn lại đã lắp đèn sau kỳ kiểm tra, có biên bản của ấp' }],
    });
    expect(reasoned.status).toBe(200);
    const seen = (await u.viewer.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.candidates[0];
    expect(seen.checklist.map((c: any) => [c.mark, c.reason])).toEqual([
      ['met', '30 hộ còn lại đã lắp đèn sau kỳ kiểm tra, có biên bản của ấp'],
      ['met', null],
    ]);
    // changing the mark again drops the old reason
    await u.officer.put(`${base}/checklist`, { items: [{ criterionId: houses.id, mark: 'na' }] });
    const after = (await u.member.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.candidates[0];
    expect(after.checklist[0]).toMatchObject({ mark: 'na', reason: null });
  });

  it('checklist, acknowledgement and open votes lead to recognition, in the timeline and the audit', async () => {
    const model = await acceptedModel('Mô hình “Xóm đạo bình yên”');
    const round = await u.officer.post('/api/v1/recognition-rounds', {
      unitId: province,
      title: 'Xét công nhận mô hình “Dân vận khéo” năm 2026',
    });
    expect(round.status).toBe(201);
    expect(round.body.actions).toEqual(['add_candidate', 'close']);
    const added = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: model.id });
    const cand = added.body.candidates[0];
    expect(cand.checklist.map((c: any) => c.mark)).toEqual([null, null]);
    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${model.id}`;

    // Not ready yet: every missing condition is named.
    const early = await u.officer.post(`${base}/decide`, decision);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RECOGNITION_INCOMPLETE');
    expect(early.body.error.message).toContain('chưa đánh giá đủ các tiêu chí');
    expect(early.body.error.message).toContain('chưa xác nhận');
    expect(early.body.error.message).toContain('cần ít nhất 2 thành viên biểu quyết');

    await u.officer.put(`${base}/checklist`, { items: cand.checklist.map((c: any) => ({ criterionId: c.criterionId, mark: 'met' })) });
    const ack = await u.unit.post(`${base}/acknowledge`, { note: 'Chi hội xác nhận mô hình hoạt động đều' });
    expect(ack.status).toBe(200);
    expect((await u.member.post(`${base}/vote`, { vote: 'for' })).status).toBe(200);
    expect((await u.officer.post(`${base}/vote`, { vote: 'against' })).status).toBe(200);
    const tie = await u.officer.post(`${base}/decide`, decision);
    expect(tie.body.error.message).toContain('tán thành (1/2)');
    const changed = await u.officer.post(`${base}/vote`, { vote: 'for' }); // an open vote may be changed before the decision
    expect(changed.body.candidates[0].tally).toEqual({ for: 2, against: 0, abstain: 0 });
    expect(changed.body.candidates[0].votes.map((v: any) => v.voterName).sort()).toEqual(['Nguyễn Thị Thu Hà', 'Trần Văn Bình']);
    // Each reader is told which vote is theirs by account, not by name (two members may share a name).
    const mineFor = async (c: typeof u.officer) =>
      (await c.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.candidates[0].votes
        .filter((v: any) => v.mine)
        .map((v: any) => v.voterName);
    expect(await mineFor(u.officer)).toEqual([changed.body.candidates[0].votes.find((v: any) => v.mine).voterName]);
    expect((await mineFor(u.member)).length).toBe(1);
    expect(await mineFor(u.member)).not.toEqual(await mineFor(u.officer));

    const done = await u.officer.post(`${base}/decide`, decision);
    expect(done.status).toBe(200);
    expect(done.body.candidates[0]).toMatchObject({ result: 'recognised', decisionNo: '125-QĐ/BCĐ', actions: [] });
    const reg = await u.unit.get(`/api/v1/registrations/${model.id}`);
    expect(reg.body.state).toBe('recognised');
    expect(reg.body.timeline.at(-1)).toMatchObject({ transition: 'recognise', actorName: 'Nguyễn Thị Thu Hà' });
    const audit = await u.officer.get(`/api/v1/audit?entityId=${model.id}&action=recognition.vote`);
    expect(audit.body.total).toBe(3);
  });

  it('not recognised needs reasons; those who may not vote or decide are refused', async () => {
    const model = await acceptedModel('Mô hình không đạt');
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Đợt xét bổ sung' });
    await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: model.id });
    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${model.id}`;
    expect((await u.viewer.post(`${base}/vote`, { vote: 'for' })).status).toBe(403);
    expect((await u.unit.post(`${base}/vote`, { vote: 'for' })).status).toBe(403);
    expect((await u.member.post(`${base}/decide`, { result: 'not_recognised', reasons: 'Chưa đạt chỉ tiêu' })).status).toBe(403);
    const noReason = await u.officer.post(`${base}/decide`, { result: 'not_recognised' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');
    const r = await u.officer.post(`${base}/decide`, { result: 'not_recognised', reasons: 'Số hộ tham gia mới đạt 30%' });
    expect(r.body.candidates[0].result).toBe('not_recognised');
    expect((await u.unit.get(`/api/v1/registrations/${model.id}`)).body.state).toBe('not_recognised');
    const again = await u.officer.post(`${base}/vote`, { vote: 'for' });
    expect(again.status).toBe(409);
  });

  it('only accepted registrations of the committee’s subtree become candidates, once', async () => {
    const draft = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: 'Bản nháp chưa gửi',
      fieldCode: 'other',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
    });
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Đợt thử ứng viên' });
    const r = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: draft.body.id });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CANDIDATE_INVALID');
    const closed = await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/close`, {});
    expect(closed.body.state).toBe('closed');
    const model = await acceptedModel('Mô hình sau khi đóng đợt');
    expect(
      (await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: model.id })).body.error.code,
    ).toBe('ROUND_CLOSED');
  });

  it('the list of rounds shows the newest 200 and says how many there are', async () => {
    const before = (await u.officer.get('/api/v1/recognition-rounds')).body.total;
    // Many past rounds of the province, written straight into the database to keep the test short.
    await srv.db.pool.query(
      `insert into recognition_round (id, unit_id, unit_path, title, opened_at)
       select gen_random_uuid(), u.id, u.path, 'Đợt xét năm ' || (1800 + g), now() - make_interval(days => g) from unit u, generate_series(1, 205) g where u.id = $1`,
      [province],
    );
    const list = await u.officer.get('/api/v1/recognition-rounds');
    expect(list.body.items).toHaveLength(200);
    expect(list.body.total).toBe(before + 205);
  });
});
