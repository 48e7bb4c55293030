/**
 * Password guessing meets a limit that holds: per username (also under parallel attempts), per
 * client address across usernames, overall, and on the password change. The server trusts one
 * proxy hop, so each test speaks from its own address, as the proxy would report it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startSecondInstance, startTestServer, type TestServer } from '../support/server.js';
import { throttleLimits } from '../../src/services/auth/throttle.js';
import { trustProxyHops } from '../../src/services/auth/trust-proxy.js';
import { DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let untrusted: { baseUrl: string; close(): Promise<void> };
let admin: Client;
let provinceId: string;

beforeAll(async () => {
  srv = await startTestServer({ web: false, trustProxy: true });
  untrusted = await startSecondInstance(srv, { trustProxy: false });
  admin = await loggedIn(srv.baseUrl, 'admin', DEMO_PASSWORD);
  provinceId = (await admin.get(`/api/v1/units?q=${DEMO_PROVINCE_UNIT}`)).body.items[0].id;
});
afterAll(async () => {
  await untrusted?.close();
  await srv?.close();
});

interface Answer {
  status: number;
  body: { error?: { code: string; message: string } };
}

async function signIn(baseUrl: string, username: string, password: string, forwardedFor?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: baseUrl };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password }) });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (answers: Answer[]) => answers.map((a) => a.body.error?.code ?? String(a.status));
const count = (answers: Answer[], code: string) => codes(answers).filter((c) => c === code).length;

/** Failed password checks the server recorded for a username (written only after verifying). */
async function checkedFailures(username: string): Promise<number> {
  const { rows } = await srv.db.pool.query<{ n: number }>(
    `select count(*)::int as n from login_attempt where username = $1 and not success`,
    [username],
  );
  return rows[0]!.n;
}

async function newAccount(username: string, password = 'Hoa-sen-tren-song-7') {
  const r = await admin.post('/api/v1/users', {
    username,
    fullName: 'Người Thử Giới Hạn',
    role: 'viewer',
    unitId: provinceId,
    entryUnitId: null,
    viewUnitId: provinceId,
    password,
  });
  if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; version: number };
}

describe('sign-in throttling', () => {
  it('80 parallel wrong passwords for one username: at most the limit reach the password check', async () => {
    const { perUser } = throttleLimits();
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) => signIn(srv.baseUrl, 'member', `doan-sai-${i}`, '198.51.100.10')),
    );
    const wrong = count(answers, 'INVALID_CREDENTIALS');
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThanOrEqual(perUser);
    expect(count(answers, 'TOO_MANY_ATTEMPTS')).toBe(80 - wrong);
    expect(await checkedFailures('member')).toBeLessThanOrEqual(perUser);
    // The username stays closed to every address, right password included, with the minutes to wait.
    const blocked = await signIn(srv.baseUrl, 'member', DEMO_PASSWORD, '198.51.100.11');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error!.message).toMatch(/thử lại sau \d+ phút/);
    // Someone else signs in as usual.
    expect((await signIn(srv.baseUrl, 'officer', DEMO_PASSWORD, '198.51.100.12')).status).toBe(200);
  });

  it('one address trying 75 passwords over 63 usernames meets a 429 after the per-address limit', async () => {
    const { perAddress } = throttleLimits();
    const answers: Answer[] = [];
    for (let i = 0; i < 75; i++) answers.push(await signIn(srv.baseUrl, `thu.${i % 63}`, `Doan-${i}-x`, '198.51.100.20'));
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(perAddress);
    expect(codes(answers).slice(perAddress)).toEqual(Array(75 - perAddress).fill('TOO_MANY_ATTEMPTS'));
    // Even the right password of a real account waits at that address…
    expect((await signIn(srv.baseUrl, 'viewer', DEMO_PASSWORD, '198.51.100.20')).status).toBe(429);
    // …while the same account from its own address is not held back by the others' failures.
    expect((await signIn(srv.baseUrl, 'viewer', DEMO_PASSWORD, '198.51.100.21')).status).toBe(200);
  });

  it('behind one trusted proxy, a forged leftmost X-Forwarded-For gives no fresh tries', async () => {
    const { perAddress } = throttleLimits();
    const answers: Answer[] = [];
    for (let i = 0; i <= perAddress; i++) {
      // The client writes anything on the left; the proxy appends the address it saw.
      answers.push(await signIn(srv.baseUrl, `gia.${i}`, 'Doan-mo-1', `10.66.${i}.${i + 1}, 203.0.113.7`));
    }
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(perAddress);
    expect(answers.at(-1)!.body.error!.code).toBe('TOO_MANY_ATTEMPTS');
    const { rows } = await srv.db.pool.query<{ ip: string }>(`select distinct ip from login_attempt where username like 'gia.%'`);
    expect(rows.map((r) => r.ip)).toEqual(['203.0.113.7']);
    // Another address the proxy reports is another client.
    expect((await signIn(srv.baseUrl, 'gia.0', 'Doan-mo-1', '10.66.0.1, 203.0.113.8')).body.error!.code).toBe('INVALID_CREDENTIALS');
  });

  it('DVK_LOGIN_MAX_FAILURES sets the per-username limit', async () => {
    process.env.DVK_LOGIN_MAX_FAILURES = '2';
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 3; i++) answers.push(await signIn(srv.baseUrl, 'gioi.han', `Sai-${i}-mk`, `198.51.100.${30 + i}`));
      expect(codes(answers)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
    } finally {
      delete process.env.DVK_LOGIN_MAX_FAILURES;
    }
  });

  it('a global ceiling holds a guessing spread over many addresses and usernames', async () => {
    const { rows } = await srv.db.pool.query<{ n: number }>(
      `select case when window_start > now() - interval '15 minutes' then n else 0 end as n from login_throttle where kind = 'global'`,
    );
    process.env.DVK_LOGIN_MAX_FAILURES_GLOBAL = String(rows[0]!.n + 2);
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 3; i++) answers.push(await signIn(srv.baseUrl, `rai.${i}`, 'Doan-rai-1', `198.51.100.${40 + i}`));
      expect(codes(answers)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
      expect((await signIn(srv.baseUrl, 'unit', DEMO_PASSWORD, '198.51.100.49')).status).toBe(429);
    } finally {
      delete process.env.DVK_LOGIN_MAX_FAILURES_GLOBAL;
    }
    expect((await signIn(srv.baseUrl, 'unit', DEMO_PASSWORD, '198.51.100.49')).status).toBe(200);
  });
});

describe('the password change', () => {
  it('throttles guesses of the current password per user, with the minutes to wait', async () => {
    const { perUser } = throttleLimits();
    await newAccount('doan.mk');
    const c = await loggedIn(srv.baseUrl, 'doan.mk', 'Hoa-sen-tren-song-7');
    const answers = (await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.post('/api/v1/auth/password', { currentPassword: `Doan-${i}-cu`, newPassword: 'Chiem-quyen-2026' }),
      ),
    )) as Answer[];
    const wrong = count(answers, 'WRONG_PASSWORD');
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThanOrEqual(perUser);
    expect(count(answers, 'TOO_MANY_PASSWORD_ATTEMPTS')).toBe(20 - wrong);
    const right = await c.post('/api/v1/auth/password', { currentPassword: 'Hoa-sen-tren-song-7', newPassword: 'Chiem-quyen-2026' });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('TOO_MANY_PASSWORD_ATTEMPTS');
    expect(right.body.error.message).toMatch(/thử lại sau \d+ phút/);
    // One allowance per account: signing in as this user waits too.
    expect((await signIn(srv.baseUrl, 'doan.mk', 'Hoa-sen-tren-song-7', '198.51.100.50')).status).toBe(429);
  });
});

describe('a disabled account', () => {
  it('answers exactly like a wrong password until the password is right, then says it is disabled', async () => {
    const created = await newAccount('bi.khoa');
    const locked = await admin.patch(`/api/v1/users/${created.id}`, { version: created.version, active: false });
    expect(locked.status).toBe(200);
    const wrongOnLocked = await signIn(srv.baseUrl, 'bi.khoa', 'Khong-dung-1', '198.51.100.60');
    const wrongOnUnknown = await signIn(srv.baseUrl, 'khong.co.ai', 'Khong-dung-1', '198.51.100.61');
    expect(wrongOnLocked.status).toBe(401);
    expect(wrongOnLocked).toEqual(wrongOnUnknown);
    const right = await signIn(srv.baseUrl, 'bi.khoa', 'Hoa-sen-tren-song-7', '198.51.100.62');
    expect(right.status).toBe(403);
    expect(right.body.error!.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('DVK_TRUST_PROXY', () => {
  it('is a number of hops; true is one hop, unset or false is none', () => {
    expect(trustProxyHops(false)).toBe(0);
    expect(trustProxyHops('')).toBe(0);
    expect(trustProxyHops('false')).toBe(0);
    expect(trustProxyHops('true')).toBe(1);
    expect(trustProxyHops('1')).toBe(1);
    expect(trustProxyHops('2')).toBe(2);
    expect(() => trustProxyHops('10.0.0.1')).toThrow(/DVK_TRUST_PROXY/);
  });
});

// Last: it closes the test machine's own address for the rest of the file.
describe('without a trusted proxy', () => {
  it('ignores X-Forwarded-For: the connection address is counted', async () => {
    const { perAddress } = throttleLimits();
    const answers: Answer[] = [];
    for (let i = 0; i <= perAddress; i++) answers.push(await signIn(untrusted.baseUrl, `tructiep.${i}`, 'Doan-mo-2', `192.0.2.${i + 1}`));
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(perAddress);
    expect(answers.at(-1)!.body.error!.code).toBe('TOO_MANY_ATTEMPTS');
    const { rows } = await srv.db.pool.query<{ ip: string }>(`select distinct ip from login_attempt where username like 'tructiep.%'`);
    expect(rows.map((r) => r.ip)).toEqual(['127.0.0.1']);
  });
});
