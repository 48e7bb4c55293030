/**
 * Public notice of nominees: officers publish a round's undecided candidates for some days; citizens
 * comment with name and contact (limited in length and per address); only those who decide the
 * round read the comments.
 */
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';
import { TITLES, demoRound } from './papers-round.js';

let srv: TestServer;
let u: Users;
let province: string, womenUnion: string;

useDemo((demo) => {
  ({ srv, u } = demo);
  ({ province, womenUnion } = demo.units);
});

/** A citizen's browser sending the form. */
async function comment(path: string, fields: Record<string, string>) {
  const res = await fetch(srv.baseUrl + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: srv.baseUrl },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

describe('public notice of nominees', () => {
  it('lists the undecided nominees for the chosen days; citizens comment; only the round’s deciders read the comments', async () => {
    const { round } = await demoRound(u, province, womenUnion);
    // A fresh, undecided nominee: the demo round decided its three.
    const d = await u.unit.post('/api/v1/registrations', {
      kind: 'exemplar',
      unitId: womenUnion,
      holder: 'individual',
      personName: 'Thạch Thị Sa Rươl',
      title: 'Điển hình vận động đồng bào Khmer giữ gìn an ninh',
      fieldCode: 'cultural_social',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ đồng bào được vận động', target: 40, unitOfMeasure: 'hộ' }],
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    expect((await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version })).status).toBe(200);
    const added = await u.officer.post(`/api/v1/recognition-rounds/${round.id}/candidates`, { registrationId: d.body.id });
    expect(added.status, JSON.stringify(added.body)).toBe(200);

    expect((await u.member.post(`/api/v1/recognition-rounds/${round.id}/notices`, { days: 7 })).status).toBe(403);
    expect((await u.officer.post(`/api/v1/recognition-rounds/${round.id}/notices`, { days: 0 })).status).toBe(400);
    const pub = await u.officer.post(`/api/v1/recognition-rounds/${round.id}/notices`, { days: 7 });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    const notice = pub.body.items[0];
    expect(notice.open).toBe(true);
    const days = (Date.parse(notice.closesAt) - Date.parse(notice.opensAt)) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect(notice.nominees).toEqual([
      {
        title: 'Điển hình vận động đồng bào Khmer giữ gìn an ninh',
        unitName: expect.any(String),
        kind: 'exemplar',
        personName: 'Thạch Thị Sa Rươl',
      },
    ]);
    expect(notice.url).toMatch(/^\/cong-khai\/lay-y-kien\/[\w-]{16}$/);

    const page = await fetch(srv.baseUrl + notice.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Thạch Thị Sa Rươl');
    for (const t of TITLES) expect(html).not.toContain(t); // decided already: not a nominee
    expect(html).not.toMatch(/<script/);

    const sent = await comment(notice.url, {
      name: 'Nguyễn Văn Dân',
      contact: '0912 345 678',
      body: 'Chị Sa Rươl vận động bà con rất nhiệt tình.',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toContain('da-gui');
    expect(await (await fetch(srv.baseUrl + sent.location!)).text()).toContain('Cảm ơn bạn đã góp ý');
    // what citizens write is not shown to the public
    expect(await (await fetch(srv.baseUrl + notice.url)).text()).not.toContain('rất nhiệt tình');

    const read = await u.officer.get(`/api/v1/recognition-rounds/${round.id}/notices`);
    expect(read.body.items[0].comments).toEqual([
      {
        id: expect.any(String),
        name: 'Nguyễn Văn Dân',
        contact: '0912 345 678',
        body: 'Chị Sa Rươl vận động bà con rất nhiệt tình.',
        at: expect.any(String),
      },
    ]);
    for (const c of [u.unit, u.viewer, u.member]) expect((await c.get(`/api/v1/recognition-rounds/${round.id}/notices`)).status).toBe(403);

    // Length-limited and complete: a long or nameless comment is refused with the reason, and kept in the form.
    const long = await comment(notice.url, { name: 'Trần B', contact: '0900', body: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('Chưa gửi được');
    const nameless = await comment(notice.url, { name: '  ', contact: '0900', body: 'Ý kiến' });
    expect(nameless.status).toBe(400);
    expect(nameless.text).toContain('họ và tên');

    // Rate-limited per address: five an hour.
    for (let i = 0; i < 4; i++)
      expect((await comment(notice.url, { name: `Người ${i}`, contact: '0900', body: `Ý kiến ${i}` })).status).toBe(303);
    const over = await comment(notice.url, { name: 'Người thứ sáu', contact: '0900', body: 'Thêm một ý kiến' });
    expect(over.status).toBe(429);
    expect(over.text).toContain('Vui lòng gửi lại sau');
    expect((await u.officer.get(`/api/v1/recognition-rounds/${round.id}/notices`)).body.items[0].comments).toHaveLength(5);

    // After its period the notice is gone from the public site.
    await srv.db.pool.query(`update public_notice set closes_at = now() - interval '1 minute' where id = $1`, [notice.id]);
    expect((await fetch(srv.baseUrl + notice.url)).status).toBe(404);
    expect((await comment(notice.url, { name: 'Muộn', contact: '0900', body: 'Ý kiến muộn' })).status).toBe(404);
    expect((await u.officer.get(`/api/v1/recognition-rounds/${round.id}/notices`)).body.items[0].open).toBe(false);
  });
});
