/**
 * Accessibility checked by axe-core (WCAG 2.1 A and AA rules): the screens a commune officer uses
 * on a phone and a leader at a desk, at 1280 and 390 px, each as the demo account that works on it,
 * show no serious or critical violation. Then the keyboard alone: a to-do card, the phone menu and
 * the record's buttons are reached with Tab and work with Enter.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { seedDemoModels } from '../../src/seed/demo-models.js';
import { seedDemoShowcase } from '../../src/seed/demo-showcase.js';
import { DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';
import { seriousViolations } from '../support/axe.js';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
let ids: { draft: string; model: string; round: string; showcase: string };

beforeAll(async () => {
  srv = await startTestServer();
  await seedDemoModels(srv.db);
  await seedDemoShowcase(srv.db, srv.filesDir);
  browser = await launchChromium();
  const [unit, officer] = await Promise.all([
    loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD),
    loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD),
  ]);
  // The commune officer's own record, with criteria and a timeline, and one of their drafts to edit.
  const own = (await unit.get('/api/v1/registrations?states=accepted&kind=model&pageSize=5')).body.items as { id: string }[];
  const drafts = (await unit.get('/api/v1/registrations?states=draft&pageSize=5')).body.items as { id: string }[];
  // An open recognition round of the province with a candidate, as the committee sees it.
  const units = (await officer.get(`/api/v1/units?q=${DEMO_PROVINCE_UNIT}`)).body.items as { id: string; code: string }[];
  const round = await officer.post('/api/v1/recognition-rounds', {
    unitId: units.find((u) => u.code === DEMO_PROVINCE_UNIT)!.id,
    title: 'Xét công nhận mô hình năm 2026',
  });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  const candidates = (await officer.get('/api/v1/registrations?states=accepted&kind=model&pageSize=5')).body.items as { id: string }[];
  const added = await officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: candidates[0]!.id });
  expect(added.status, JSON.stringify(added.body)).toBe(200);
  const slug = await srv.db.rows<{ slug: string }>('select slug from publication order by slug limit 1');
  ids = { model: own[0]!.id, draft: drafts[0]!.id, round: round.body.id, showcase: slug[0]!.slug };
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };

async function login(page: Page, username: string) {
  await page.goto(srv.baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/(viec-can-lam|thong-ke)/);
}

/**
 * Opens a screen the way a link in the app does (the router, no reload: the app is loaded once per
 * account), waits until what it shows has loaded, and returns what axe found there.
 */
async function check(page: Page, path: string, ready: (p: Page) => Promise<unknown>): Promise<string[]> {
  if (path.startsWith('/cong-khai') || !page.url().startsWith(srv.baseUrl)) await page.goto(srv.baseUrl + path);
  else
    await page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  await ready(page);
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached' });
  return (await seriousViolations(page)).map((v) => `${path}: ${v}`);
}

const screens: { user: string; name: string; path: () => string; ready: (p: Page) => Promise<unknown> }[] = [
  { user: '', name: 'login', path: () => '/dang-nhap', ready: (p) => p.getByRole('button', { name: 'Đăng nhập' }).waitFor() },
  { user: '', name: 'showcase', path: () => '/cong-khai', ready: (p) => p.locator('a.card').first().waitFor() },
  { user: '', name: 'showcase model', path: () => `/cong-khai/mo-hinh/${ids.showcase}`, ready: (p) => p.locator('h1').waitFor() },
  { user: 'unit', name: 'to-do', path: () => '/viec-can-lam', ready: (p) => p.getByText('Danh sách mô hình').waitFor() },
  {
    user: 'unit',
    name: 'registrations',
    path: () => '/mo-hinh',
    ready: (p) =>
      p
        .getByText(/\d+ hồ sơ/)
        .first()
        .waitFor(),
  },
  { user: 'unit', name: 'record', path: () => `/mo-hinh/${ids.model}`, ready: (p) => p.locator('.record-head-title').waitFor() },
  { user: 'unit', name: 'new form', path: () => '/mo-hinh/dang-ky', ready: (p) => p.getByLabel(/^Tên (mô hình|điển hình)/).waitFor() },
  {
    user: 'unit',
    name: 'draft form',
    path: () => `/mo-hinh/${ids.draft}/sua`,
    ready: (p) => p.getByLabel(/^Tên (mô hình|điển hình)/).waitFor(),
  },
  {
    user: 'officer',
    name: 'to-do',
    path: () => '/viec-can-lam',
    // A card is a link named by its label and count, as the journey test finds it.
    ready: (p) => p.getByRole('link', { name: /^Hồ sơ chờ thẩm định: \d+$/ }).waitFor(),
  },
  {
    user: 'officer',
    name: 'round',
    path: () => `/xet-cong-nhan/${ids.round}`,
    ready: (p) => p.locator('.checklist-row').first().waitFor(),
  },
  {
    user: 'member',
    name: 'round',
    path: () => `/xet-cong-nhan/${ids.round}`,
    ready: (p) => p.getByRole('button', { name: 'Tán thành', exact: true }).waitFor(),
  },
  {
    user: 'viewer',
    name: 'dashboard',
    path: () => '/thong-ke',
    ready: (p) =>
      p
        .getByRole('row', { name: /Kinh tế/ })
        .first()
        .waitFor(),
  },
];

const ACCOUNTS: [string, string][] = [
  ['', 'signed out: login and the public showcase'],
  ['unit', 'commune officer: to-do, registrations, a record, the form new and with a draft'],
  ['officer', 'provincial officer: to-do and an open recognition round'],
  ['member', 'committee member: the round with the votes'],
  ['viewer', 'leader: the dashboard'],
];

describe('accessibility (axe-core, WCAG 2.1 AA): no serious or critical violation', () => {
  for (const [width, options] of [
    [1280, desktop],
    [390, phone],
  ] as const) {
    for (const [user, what] of ACCOUNTS) {
      // Each account's screens in one page, each checked whole: minutes on a loaded machine.
      it(`${what} (${width} px)`, { timeout: 360_000 }, async () => {
        const page = await browser.newPage(options);
        page.setDefaultTimeout(90_000);
        if (user) await login(page, user);
        const found: string[] = [];
        for (const s of screens.filter((x) => x.user === user)) found.push(...(await check(page, s.path(), s.ready)));
        await page.close();
        expect(found).toEqual([]);
      });
    }
  }
});

describe('the keyboard alone', () => {
  it(
    'a leader drills the dashboard down to a unit, and an officer opens a candidate of the round, with Tab-reachable links and Enter',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage(desktop);
      page.setDefaultTimeout(90_000);
      await login(page, 'viewer');
      await page.goto(srv.baseUrl + '/thong-ke');
      const unit = page.getByRole('link', { name: 'Xã Càng Long', exact: true });
      await unit.focus();
      expect(await unit.evaluate((el) => el === document.activeElement && el.tabIndex >= 0)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]unitId=/);
      await page.close();

      const officer = await browser.newPage(phone);
      officer.setDefaultTimeout(90_000);
      await login(officer, 'officer');
      await officer.goto(`${srv.baseUrl}/xet-cong-nhan/${ids.round}`);
      const candidate = officer.locator('.record-head-link').first();
      await candidate.waitFor();
      expect(await candidate.getAttribute('href')).toMatch(/^\/mo-hinh\/[0-9a-f-]{36}$/);
      await candidate.focus();
      await officer.keyboard.press('Enter');
      await officer.waitForURL(/\/mo-hinh\/[0-9a-f-]{36}$/);
      await officer.close();
    },
  );
});
