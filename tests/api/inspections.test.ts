import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import type { Client } from '../support/client.js';
import { useDemo, unitId, type Users } from './helpers.js';
import { DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;
let womenUnion: string;
let accepted: any;

// The smallest valid PNG (1×1 pixel).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2e4b10000000049454e44ae426082',
  'hex',
);

async function upload(c: Client, regId: string, name: string, bytes: Buffer, inspectionId?: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.baseUrl}/api/v1/registrations/${regId}/evidence${inspectionId ? `?inspectionId=${inspectionId}` : ''}`, {
    method: 'POST',
    body: form,
    headers: { cookie: c.cookie!, origin: srv.baseUrl },
  });
  return { status: res.status, body: await res.json() };
}

function storedFiles(): string[] {
  // the uploaded originals (thumbnails and public copies live apart, under copies/)
  return fs
    .readdirSync(srv.filesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !path.relative(srv.filesDir, e.parentPath).startsWith('copies'))
    .map((e) => e.name);
}

it('refuses the same criterion twice in one inspection', async () => {
  const c = accepted.criteria[0].id;
  const r = await u.member.post(`/api/v1/registrations/${accepted.id}/inspections`, {
    inspectedOn: '2026-06-01',
    overall: 'on_track',
    criteria: [
      { criterionId: c, achieved: 10 },
      { criterionId: c, achieved: 20 },
    ],
  });
  expect(r.status).toBe(400);
  expect(r.body.error.message).toContain('mỗi tiêu chí chỉ đánh giá một lần');
});

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { womenUnion },
  } = demo);
  const draft = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title: 'Mô hình “Tổ phụ nữ tiết kiệm”',
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [
      { name: 'Số hội viên tham gia', target: 100, unitOfMeasure: 'người' },
      { name: 'Số tiền tiết kiệm', target: 200000000, unitOfMeasure: 'đồng' },
    ],
  });
  const sub = await u.unit.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: draft.body.version });
  const member = (await u.admin.get('/api/v1/users?q=member')).body.items[0].id;
  accepted = (await u.officer.post(`/api/v1/registrations/${sub.body.id}/accept`, { version: sub.body.version, supporterId: member })).body;
});

describe('inspections and evidence', () => {
  it('the supporting officer records an inspection with completion per criterion', async () => {
    expect(accepted.actions).toContain('assign_supporter');
    const seen = await u.member.get(`/api/v1/registrations/${accepted.id}`);
    expect(seen.body.actions).toContain('inspect');
    const [c1, c2] = accepted.criteria;
    const r = await u.member.post(`/api/v1/registrations/${accepted.id}/inspections`, {
      inspectedOn: '2026-06-15',
      overall: 'on_track',
      assessment: 'Hội viên tham gia đều đặn',
      difficulties: 'Mùa mưa khó họp tổ',
      supportGiven: 'Hướng dẫn lập sổ theo dõi',
      fundsVnd: 45000000,
      workdays: 120,
      peopleReached: 86,
      criteria: [
        { criterionId: c1.id, achieved: 86 },
        { criterionId: c2.id, achieved: 80000000, note: 'Đạt 80 triệu' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.criteria.map((c: any) => [c.name, c.completionPct])).toEqual([
      ['Số hội viên tham gia', 86],
      ['Số tiền tiết kiệm', 40],
    ]);
    const list = await u.unit.get(`/api/v1/registrations/${accepted.id}/inspections`);
    expect(list.body).toHaveLength(1);
    const timeline = (await u.unit.get(`/api/v1/registrations/${accepted.id}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ transition: 'inspect', actorName: 'Trần Văn Bình' });
  });

  it('stores the achieved value in the criterion’s unit beside its target, and computes the completion', async () => {
    const list = (await u.unit.get(`/api/v1/registrations/${accepted.id}/inspections`)).body;
    expect(list[0].criteria.map((c: any) => [c.target, c.unitOfMeasure, c.achieved, c.completionPct])).toEqual([
      [100, 'người', 86, 86],
      [200000000, 'đồng', 80000000, 40],
    ]);
    // the registration carries what its latest inspection recorded
    const { rows } = await srv.db.pool.query(
      'select achieved_on, achieved_funds_vnd, achieved_workdays, achieved_people from registration where id = $1',
      [accepted.id],
    );
    expect(rows[0]).toEqual({ achieved_on: '2026-06-15', achieved_funds_vnd: 45000000, achieved_workdays: 120, achieved_people: 86 });
  });

  it('refuses a typed completion, a negative or missing achieved value, with a Vietnamese 400', async () => {
    const [c1] = accepted.criteria;
    const typed = await u.member.post(`/api/v1/registrations/${accepted.id}/inspections`, {
      inspectedOn: '2026-06-20',
      overall: 'on_track',
      criteria: [{ criterionId: c1.id, achieved: 50, completionPct: 90 }],
    });
    expect(typed.status).toBe(400);
    expect(typed.body.error.message).toContain('tỷ lệ hoàn thành được tính từ giá trị đạt được');
    const negative = await u.member.post(`/api/v1/registrations/${accepted.id}/inspections`, {
      inspectedOn: '2026-06-20',
      overall: 'on_track',
      criteria: [{ criterionId: c1.id, achieved: -5 }],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toContain('không được nhỏ hơn 0');
    const missing = await u.member.post(`/api/v1/registrations/${accepted.id}/inspections`, {
      inspectedOn: '2026-06-20',
      overall: 'on_track',
      criteria: [{ criterionId: c1.id }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('chưa nhập');
    expect((await u.unit.get(`/api/v1/registrations/${accepted.id}/inspections`)).body).toHaveLength(1);
  });

  it('refuses inspections from the registrant and of criteria that are not the model’s', async () => {
    const r = await u.unit.post(`/api/v1/registrations/${accepted.id}/inspections`, { inspectedOn: '2026-07-01', overall: 'behind' });
    expect(r.status).toBe(403);
    const foreign = await u.member.post(`/api/v1/registrations/${accepted.id}/inspections`, {
      inspectedOn: '2026-07-01',
      overall: 'behind',
      criteria: [{ criterionId: '00000000-0000-4000-8000-000000000000', achieved: 10 }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('CRITERION_UNKNOWN');
    expect((await u.unit.get(`/api/v1/registrations/${accepted.id}/inspections`)).body).toHaveLength(1);
  });

  it('takes a photo as evidence, typed by content, and serves it back only inside the scope', async () => {
    const inspection = (await u.member.get(`/api/v1/registrations/${accepted.id}/inspections`)).body[0];
    const r = await upload(u.member, accepted.id, 'ảnh họp tổ.jpg', PNG, inspection.id);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ fileName: 'ảnh họp tổ.jpg', mime: 'image/png', sizeBytes: PNG.length });
    const res = await fetch(`${srv.baseUrl}/api/v1/files/${r.body.id}`, { headers: { cookie: u.unit.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    const listed = (await u.unit.get(`/api/v1/registrations/${accepted.id}/inspections`)).body[0].files;
    expect(listed.map((f: any) => f.id)).toEqual([r.body.id]);
    const { loggedIn } = await import('../support/client.js');
    const otherCommune = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    await u.admin.post('/api/v1/users', {
      username: 'xem.travinh',
      fullName: 'Người xem Trà Vinh',
      role: 'viewer',
      unitId: otherCommune,
      entryUnitId: null,
      viewUnitId: otherCommune,
      password: 'Mat-khau-2026',
    });
    const outsider = await loggedIn(srv.baseUrl, 'xem.travinh', 'Mat-khau-2026');
    expect((await fetch(`${srv.baseUrl}/api/v1/files/${r.body.id}`, { headers: { cookie: outsider.cookie! } })).status).toBe(404);
  });

  it('refuses a file that is not an image or PDF whatever its name, and keeps nothing of it', async () => {
    const r = await upload(u.member, accepted.id, 'anh.jpg', Buffer.from('MZ this is a program, not a photo'));
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('FILE_TYPE_REFUSED');
    expect(r.body.error.message).toContain('anh.jpg');
    const { rows } = await srv.db.pool.query(`select count(*)::int as n from evidence_file`);
    expect(rows[0].n).toBe(1);
    expect(storedFiles()).toHaveLength(1); // the refused upload left no file on disk
  });

  it('refuses an image that cannot be read, saying so, and keeps nothing of it', async () => {
    const damaged = Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(300, 7)]); // a PNG's first bytes, then nothing of a picture
    const r = await upload(u.member, accepted.id, 'anh-hong.png', damaged);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMAGE_UNREADABLE');
    expect(r.body.error.message).toContain('anh-hong.png');
    const { rows } = await srv.db.pool.query(`select count(*)::int as n from evidence_file`);
    expect(rows[0].n).toBe(1);
    expect(storedFiles()).toHaveLength(1);
  });

  it('refuses a file over 20 MB', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024 + 10)]);
    const r = await upload(u.member, accepted.id, 'lon.png', big);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('FILE_TOO_LARGE');
    expect(storedFiles()).toHaveLength(1);
  });
});
