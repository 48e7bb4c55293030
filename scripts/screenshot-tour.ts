/**
 * Takes a screenshot of every screen at 1280 and 390 px into .tmp/shots/, for a person to look at.
 * `npx tsx scripts/screenshot-tour.ts` (builds nothing: run `npm run build:web` first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/support/browser.js';
import { DEMO_PASSWORD, startTestServer } from '../tests/support/server.js';
import { DEMO_COMMUNE_UNIT } from '../src/seed/demo.js';

const out = path.resolve('.tmp/shots');
fs.mkdirSync(out, { recursive: true });
const srv = await startTestServer();
const browser = await launchChromium();
const { rows } = await srv.db.pool.query<{ id: string }>(`select id from unit where code = '${DEMO_COMMUNE_UNIT}'`);
const commune = rows[0]!.id;

const tour: { user: string; name: string; path: string; action?: (p: import('playwright-core').Page) => Promise<void> }[] = [
  { user: '', name: 'login', path: '/dang-nhap' },
  {
    user: '',
    name: 'login-error',
    path: '/dang-nhap',
    action: async (p) => {
      await p.getByLabel('Tên đăng nhập').fill('officer');
      await p.getByLabel('Mật khẩu').fill('sai');
      await p.getByRole('button', { name: 'Đăng nhập' }).click();
      await p.getByRole('alert').waitFor();
    },
  },
  { user: 'officer', name: 'units-province', path: '/don-vi' },
  { user: 'officer', name: 'units-commune', path: `/don-vi/${commune}` },
  {
    user: 'officer',
    name: 'units-search',
    path: '/don-vi',
    action: async (p) => {
      await p.getByLabel('Tìm đơn vị').first().fill('hoi phu nu');
      await p.waitForTimeout(800);
    },
  },
  {
    user: 'officer',
    name: 'unit-create',
    path: `/don-vi/${commune}`,
    action: async (p) => {
      await p.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      await p.getByRole('dialog').waitFor();
    },
  },
  { user: 'admin', name: 'users', path: '/nguoi-dung' },
  {
    user: 'admin',
    name: 'user-create',
    path: '/nguoi-dung',
    action: async (p) => {
      await p.getByRole('button', { name: 'Thêm người dùng' }).click();
      await p.getByRole('dialog').waitFor();
    },
  },
  { user: 'officer', name: 'audit', path: '/nhat-ky' },
  { user: 'unit', name: 'password', path: '/doi-mat-khau' },
  { user: 'unit', name: 'not-found', path: '/khong-co-trang-nay' },
];

for (const width of [1280, 390]) {
  for (const user of ['', 'officer', 'admin', 'unit']) {
    const ctx = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 }, locale: 'vi-VN', deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    if (user) {
      await page.goto(srv.baseUrl + '/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill(user);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/don-vi/);
    }
    for (const stop of tour.filter((t) => t.user === user)) {
      await page.goto(srv.baseUrl + stop.path);
      await page.waitForLoadState('networkidle');
      if (stop.action) await stop.action(page);
      await page.waitForTimeout(400);
      const file = path.join(out, `${stop.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: width < 500 });
      console.log(file);
    }
    await ctx.close();
  }
}
await browser.close();
await srv.close();
