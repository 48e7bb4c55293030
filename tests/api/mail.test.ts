/**
 * Notifications by e-mail through a real SMTP server started by the test: one message per event
 * or a daily digest, as each user chooses; Vietnamese subject, plain-text and HTML parts with the
 * link; a refusal retried with back-off and the message sent once; an address refused outright
 * shown to administrators; two app instances on one database send each message once. The jobs'
 * clock is the test's (no sleeps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startSecondInstance, startTestServer, type TestServer } from '../support/server.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { loginAll, unitId, type Users } from './helpers.js';

let srv: TestServer;
let smtp: TestSmtp;
let u: Users;
let womenUnion: string;
let t = Date.now();
const now = () => new Date(t);

beforeAll(async () => {
  smtp = await startSmtp();
  srv = await startTestServer({ web: false, app: { smtpUrl: smtp.url, now } });
  u = await loginAll(srv);
  womenUnion = await unitId(u.admin, 'X29266-HPN');
});
afterAll(async () => {
  await srv?.close();
  await smtp?.close();
});

/** The job's clock catches up with the requests just made, plus `ms`. */
function clockAfterRequests(ms = 1000) {
  t = Math.max(t, Date.now()) + ms;
}

async function submitted(title: string) {
  const d = await u.unit.post('/api/v1/registrations', {
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
  expect(d.status).toBe(201);
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  expect(s.status).toBe(200);
  return s.body;
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

describe('e-mail', () => {
  it('one message per event: Vietnamese subject, plain text and HTML with the link and the reason', async () => {
    const set = await u.unit.put('/api/v1/profile/mail', { email: 'tam.canglong@example.vn', mailMode: 'immediate' });
    expect(set.status).toBe(200);
    expect((await u.unit.get('/api/v1/profile/mail')).body).toEqual({ email: 'tam.canglong@example.vn', mailMode: 'immediate' });
    const sub = await submitted('Mô hình gửi thư khi trả lại');
    const ret = await u.officer.post(`/api/v1/registrations/${sub.id}/return`, { version: sub.version, reason: 'Bổ sung số hộ nghèo' });
    expect(ret.status).toBe(200);
    clockAfterRequests();
    await srv.app.jobs.mail.run();
    const mine = mailsTo('tam.canglong@example.vn');
    expect(mine).toHaveLength(1);
    const m = mine[0]!;
    expect(m.subject).toBe('[DVK] Đăng ký “Mô hình gửi thư khi trả lại” được trả lại để bổ sung');
    expect(m.text).toContain('Lý do: Bổ sung số hộ nghèo');
    expect(m.text).toContain(`${srv.baseUrl}/mo-hinh/${sub.id}`);
    expect(m.html).toContain(`href="${srv.baseUrl}/mo-hinh/${sub.id}"`);
    expect(m.html).toContain('Lý do: Bổ sung số hộ nghèo');
    // nothing more on a second pass
    await srv.app.jobs.mail.run();
    expect(mailsTo('tam.canglong@example.vn')).toHaveLength(1);
  });

  it('a server that refuses twice and then accepts gets the message once, after back-off', async () => {
    await u.member.put('/api/v1/profile/mail', { email: 'binh.member@example.vn', mailMode: 'immediate' });
    smtp.refuseNext(2);
    await submitted('Mô hình gửi thư khi máy chủ bận');
    clockAfterRequests();
    expect(await srv.app.jobs.mail.run()).toMatchObject({ sent: 0, retried: 1 });
    expect(await srv.app.jobs.mail.run()).toMatchObject({ sent: 0, retried: 0 }); // not due yet: back-off
    t += 60_000;
    expect(await srv.app.jobs.mail.run()).toMatchObject({ sent: 0, retried: 1 });
    t += 60_000;
    expect(await srv.app.jobs.mail.run()).toMatchObject({ sent: 0, retried: 0 }); // the second wait is longer
    t += 60_000;
    expect(await srv.app.jobs.mail.run()).toMatchObject({ sent: 1, retried: 0 });
    expect(smtp.refused).toBe(2);
    const got = mailsTo('binh.member@example.vn').filter((m) => m.subject.includes('máy chủ bận'));
    expect(got).toHaveLength(1);
    t += 3600_000;
    await srv.app.jobs.mail.run();
    expect(mailsTo('binh.member@example.vn').filter((m) => m.subject.includes('máy chủ bận'))).toHaveLength(1);
  });

  it('an address the server refuses is shown to administrators, until it is corrected', async () => {
    smtp.badAddresses.add('sai.dia.chi@example.vn');
    await u.member.put('/api/v1/profile/mail', { email: 'sai.dia.chi@example.vn', mailMode: 'immediate' });
    await submitted('Mô hình gửi tới địa chỉ sai');
    clockAfterRequests();
    expect(await srv.app.jobs.mail.run()).toMatchObject({ failed: 1 });
    const list = await u.admin.get('/api/v1/mail-failures');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ username: 'member', email: 'sai.dia.chi@example.vn' })]);
    expect((await u.officer.get('/api/v1/mail-failures')).status).toBe(403);
    await u.member.put('/api/v1/profile/mail', { email: 'binh.member@example.vn', mailMode: 'immediate' });
    expect((await u.admin.get('/api/v1/mail-failures')).body.items).toEqual([]);
  });

  it('a daily digest instead: nothing per event, one message the next day with every notification, once', async () => {
    await u.member.put('/api/v1/profile/mail', { email: 'binh.digest@example.vn', mailMode: 'digest' });
    await submitted('Mô hình thứ nhất trong thư tổng hợp');
    await submitted('Mô hình thứ hai trong thư tổng hợp');
    clockAfterRequests();
    await srv.app.jobs.mail.run();
    expect(mailsTo('binh.digest@example.vn')).toHaveLength(0);
    t += 24 * 3600_000; // the next day (Vietnam time)
    await srv.app.jobs.mail.run();
    const got = mailsTo('binh.digest@example.vn');
    expect(got).toHaveLength(1);
    const count = Number(/^\[DVK\] Tổng hợp thông báo ngày \d\d\/\d\d\/\d{4}: (\d+) thông báo$/.exec(got[0]!.subject)?.[1]);
    expect(got[0]!.text.match(/^\d+\. /gm)).toHaveLength(count);
    expect(got[0]!.text).toContain('Mô hình thứ nhất trong thư tổng hợp');
    expect(got[0]!.html).toContain('Mô hình thứ hai trong thư tổng hợp');
    // what was already mailed on its own is not mailed again
    expect(got[0]!.text).not.toContain('máy chủ bận');
    await srv.app.jobs.mail.run();
    expect(mailsTo('binh.digest@example.vn')).toHaveLength(1);
    await u.member.put('/api/v1/profile/mail', { email: 'binh.member@example.vn', mailMode: 'off' });
  });

  it('two app instances on one database send each message once', async () => {
    let second: { app: FastifyInstance; close(): Promise<void> } | undefined;
    try {
      second = await startSecondInstance(srv, { app: { smtpUrl: smtp.url, now } });
      await u.officer.put('/api/v1/profile/mail', { email: 'ha.officer@example.vn', mailMode: 'immediate' });
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await submitted(`Mô hình song song số ${i + 1}`)).id);
      clockAfterRequests();
      const [a, b] = await Promise.all([srv.app.jobs.mail.run(), second.app.jobs.mail.run()]);
      const got = mailsTo('ha.officer@example.vn');
      expect(a.sent + b.sent).toBe(12);
      expect(got).toHaveLength(12);
      expect(new Set(got.map((m) => m.header('x-dvk-delivery'))).size).toBe(12);
      for (const id of ids) expect(got.filter((m) => m.text.includes(`/mo-hinh/${id}`))).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });
});
