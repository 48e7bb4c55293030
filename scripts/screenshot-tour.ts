/**
 * Takes a screenshot of every screen at 1280 and 390 px, each as the demo account that works on it,
 * into .tmp/shots/ (or the folder given as the first argument), for a person to look at.
 * `npx tsx scripts/screenshot-tour.ts` (builds nothing: run `npm run build:web` first).
 * The demo data is what `npm start` loads: models in every state, the published showcase, and an
 * open recognition round with a candidate (opened here, as a provincial officer would).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.js';
import { loggedIn } from '../tests/support/client.js';
import { DEMO_PASSWORD, startTestServer } from '../tests/support/server.js';
import { DEMO_COMMUNE_UNIT, DEMO_PROVINCE_UNIT } from '../src/seed/demo.js';
import { seedDemoModels } from '../src/seed/demo-models.js';
import { seedDemoShowcase } from '../src/seed/demo-showcase.js';

const out = path.resolve(process.argv[2] ?? '.tmp/shots');
fs.mkdirSync(out, { recursive: true });
const srv = await startTestServer();
await seedDemoModels(srv.db);
await seedDemoShowcase(srv.db, srv.filesDir);
const browser = await launchChromium();

const one = async (sql: string) => (await srv.db.rows<{ id: string }>(sql))[0]!.id;
const commune = await one(`select id from unit where code = '${DEMO_COMMUNE_UNIT}'`);
const province = await one(`select id from unit where code = '${DEMO_PROVINCE_UNIT}'`);
const unitApi = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
const officerApi = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
const first = async (api: typeof unitApi, query: string) =>
  (await api.get(`/api/v1/registrations?${query}&pageSize=1`)).body.items[0]?.id as string;
const ownModel = await first(unitApi, 'states=accepted&kind=model');
const ownDraft = await first(unitApi, 'states=draft');
const returned = await first(officerApi, 'states=returned');
const recognised = await first(officerApi, 'states=recognised&kind=model');
const round = (await officerApi.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận mô hình năm 2026' })).body
  .id as string;
await officerApi.post(`/api/v1/recognition-rounds/${round}/candidates`, {
  registrationId: await first(officerApi, 'states=accepted&kind=model'),
});
const campaign = await one('select id from campaign order by created_at limit 1');
const showcase = (await srv.db.rows<{ slug: string }>('select slug from publication order by slug limit 1'))[0]!.slug;

type Stop = { user: string; name: string; path: string; action?: (p: Page) => Promise<void> };
const dialog = (button: string) => async (p: Page) => {
  await p.getByRole('button', { name: button }).first().click();
  await p.getByRole('dialog').waitFor();
};
const tour: Stop[] = [
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
  { user: '', name: 'showcase', path: '/cong-khai' },
  { user: '', name: 'showcase-model', path: `/cong-khai/mo-hinh/${showcase}` },
  // The commune officer, mostly on a phone.
  { user: 'unit', name: 'unit-todo', path: '/viec-can-lam' },
  { user: 'unit', name: 'unit-registrations', path: '/mo-hinh' },
  { user: 'unit', name: 'unit-record', path: `/mo-hinh/${ownModel}` },

  { user: 'unit', name: 'unit-form-new', path: '/mo-hinh/dang-ky' },
  { user: 'unit', name: 'unit-form-draft', path: `/mo-hinh/${ownDraft}/sua` },
  { user: 'unit', name: 'unit-notifications', path: '/thong-bao' },
  { user: 'unit', name: 'unit-units', path: `/don-vi/${commune}` },
  { user: 'unit', name: 'unit-reports', path: '/bao-cao' },
  { user: 'unit', name: 'unit-import', path: '/nhap-excel' },
  { user: 'unit', name: 'unit-exports', path: '/tep-da-xuat' },
  { user: 'unit', name: 'unit-search', path: '/tim-kiem?q=xom%20dao' },
  { user: 'unit', name: 'unit-password', path: '/doi-mat-khau' },
  { user: 'unit', name: 'unit-not-found', path: '/khong-co-trang-nay' },
  // The provincial officer at a desk.
  { user: 'officer', name: 'officer-todo', path: '/viec-can-lam' },
  { user: 'officer', name: 'officer-appraisal', path: '/mo-hinh?queue=awaiting_appraisal' },
  { user: 'officer', name: 'officer-record', path: `/mo-hinh/${recognised}` },
  { user: 'officer', name: 'officer-record-returned', path: `/mo-hinh/${returned}` },
  { user: 'officer', name: 'officer-rounds', path: '/xet-cong-nhan' },
  { user: 'officer', name: 'officer-round', path: `/xet-cong-nhan/${round}` },
  { user: 'officer', name: 'officer-proposals', path: '/de-nghi-khen-thuong' },
  { user: 'officer', name: 'officer-campaigns', path: '/phat-dong' },
  { user: 'officer', name: 'officer-compliance', path: `/phat-dong/${campaign}/chi-tieu` },
  { user: 'officer', name: 'officer-criteria', path: '/tieu-chi' },
  { user: 'officer', name: 'officer-dashboard', path: '/thong-ke' },
  { user: 'officer', name: 'officer-units', path: '/don-vi' },
  { user: 'officer', name: 'officer-unit-create', path: `/don-vi/${commune}`, action: dialog('Thêm đơn vị trực thuộc') },
  { user: 'officer', name: 'officer-audit', path: '/nhat-ky' },
  { user: 'officer', name: 'officer-webhooks', path: '/webhook' },
  // The steering committee member votes; the leader reads.
  { user: 'member', name: 'member-todo', path: '/viec-can-lam' },
  { user: 'member', name: 'member-round', path: `/xet-cong-nhan/${round}` },
  { user: 'viewer', name: 'viewer-dashboard', path: '/thong-ke' },
  { user: 'viewer', name: 'viewer-registrations', path: '/mo-hinh' },
  // The administrator.
  { user: 'admin', name: 'admin-users', path: '/nguoi-dung' },
  { user: 'admin', name: 'admin-user-create', path: '/nguoi-dung', action: dialog('Thêm người dùng') },
  { user: 'admin', name: 'admin-map', path: '/ban-do-hanh-chinh' },
  { user: 'admin', name: 'admin-reorganisations', path: '/sap-xep-don-vi' },
  { user: 'admin', name: 'admin-reorganisation-new', path: '/sap-xep-don-vi/moi' },
];

for (const width of [1280, 390]) {
  for (const user of ['', 'unit', 'officer', 'member', 'viewer', 'admin']) {
    const ctx = await browser.newContext({
      viewport: { width, height: width > 500 ? 800 : 844 },
      isMobile: width < 500,
      hasTouch: width < 500,
      locale: 'vi-VN',
      deviceScaleFactor: 1,
    });
    const page = await ctx.newPage();
    if (user) {
      await page.goto(srv.baseUrl + '/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill(user);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/(viec-can-lam|thong-ke)/);
    }
    for (const stop of tour.filter((t) => t.user === user)) {
      await page.goto(srv.baseUrl + stop.path);
      await page.waitForLoadState('networkidle');
      // The page's own code and data load after the document: wait for its spinners to go.
      await page.locator('#root > *, main').first().waitFor();
      await page
        .locator('.ant-spin-spinning, .ant-skeleton')
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 })
        .catch(() => {});
      if (stop.action) await stop.action(page);
      await page.waitForTimeout(400);
      const file = path.join(out, `${stop.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await ctx.close();
  }
}
await browser.close();
await srv.close();
