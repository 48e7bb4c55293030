/**
 * Takes a screenshot of every screen at 1280 and 390 px into .tmp/shots/, for a person to look at,
 * and the pictures of "Hướng dẫn sử dụng" (`web/src/pages/guide/guide-images.ts`) as WebP into
 * web/public/anh-huong-dan/, which the web app serves and which are committed so they ship.
 * `npx tsx scripts/screenshot-tour.ts` (both) or `… --guide` (the guide's pictures only); builds
 * nothing: run `npm run build:web` first. Run it again after changing a screen the guide shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.js';
import { loggedIn } from '../tests/support/client.js';
import { DEMO_PASSWORD, startTestServer } from '../tests/support/server.js';
import { DEMO_COMMUNE_UNIT } from '../src/seed/demo.js';
import { seedDemoModels } from '../src/seed/demo-models.js';
import { seedDemoShowcase } from '../src/seed/demo-showcase.js';
import {
  GUIDE_IMAGES,
  GUIDE_IMAGE_DIR,
  GUIDE_IMAGE_WIDTHS,
  GUIDE_VIEWPORTS,
  type GuideImage,
} from '../web/src/pages/guide/guide-images.js';

const guideOnly = process.argv.includes('--guide');
const out = path.resolve('.tmp/shots');
const guideOut = path.resolve('web/public', GUIDE_IMAGE_DIR.slice(1));
fs.mkdirSync(out, { recursive: true });
fs.mkdirSync(guideOut, { recursive: true });
const srv = await startTestServer();
await seedDemoModels(srv.db);
await seedDemoShowcase(srv.db, srv.filesDir);
const browser = await launchChromium();
const one = async (sql: string) => {
  const { rows } = await srv.db.pool.query<{ id: string }>(sql);
  if (!rows[0]) throw new Error(`the demo data has nothing for: ${sql}`);
  return rows[0].id;
};
const commune = await one(`select id from unit where code = '${DEMO_COMMUNE_UNIT}'`);
const submitted = await one(`select id from registration where state = 'submitted' order by created_at, id limit 1`);
const accepted = await one(`select id from registration where state = 'accepted' order by created_at desc, id limit 1`);
const round = await one(`select id from recognition_round order by opened_at desc, id limit 1`);
const campaign = await one('select id from campaign order by created_at, id limit 1');
const showcase = (await srv.db.pool.query<{ slug: string }>('select slug from publication order by slug limit 1')).rows[0]!.slug;
const unitApi = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
const officerApi = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
const first = async (api: typeof unitApi, query: string) =>
  (await api.get(`/api/v1/registrations?${query}&pageSize=1`)).body.items[0]?.id as string;
const ownModel = await first(unitApi, 'states=accepted&kind=model');
const ownDraft = await first(unitApi, 'states=draft');
const returned = await first(officerApi, 'states=returned');
const recognised = await first(officerApi, 'states=recognised&kind=model');

interface Stop {
  user: string;
  path: string;
  action?: (p: Page) => Promise<void>;
}

const dialog = (button: string) => async (p: Page) => {
  await p.getByRole('button', { name: button }).first().click();
  await p.getByRole('dialog').waitFor();
};
const tour: (Stop & { name: string })[] = [
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

/** The guide's pictures: a record, so a picture the guide names and the tour forgets does not compile. */
const guide: Record<GuideImage, Stop> = {
  'dang-nhap': { user: '', path: '/dang-nhap' },
  'viec-can-lam': { user: 'unit', path: '/viec-can-lam' },
  'dang-ky': { user: 'unit', path: '/mo-hinh/dang-ky' },
  'tham-dinh': { user: 'officer', path: `/mo-hinh/${submitted}` },
  'kiem-tra': {
    user: 'member',
    path: `/mo-hinh/${accepted}`,
    action: async (p) => {
      await p.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click();
      await p.getByRole('dialog').waitFor();
    },
  },
  'xet-cong-nhan': { user: 'officer', path: `/xet-cong-nhan/${round}` },
  'khen-thuong': { user: 'officer', path: '/de-nghi-khen-thuong' },
  'bao-cao': { user: 'officer', path: '/bao-cao' },
  'nhap-excel': { user: 'unit', path: '/nhap-excel' },
  'thong-ke': { user: 'viewer', path: '/thong-ke' },
  'nguoi-dung': { user: 'admin', path: '/nguoi-dung' },
};

/** Opens a stop and waits until the page has drawn what it loads: no spinner or placeholder left. */
async function visit(page: Page, stop: Stop) {
  await page.goto(srv.baseUrl + stop.path);
  const drawn = () =>
    page.waitForFunction(
      () =>
        document.querySelector('form, .ant-card, .ant-table, .ant-list, .ant-result, .ant-empty, main h1') &&
        !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-card-loading-content'),
    );
  await drawn();
  await page.waitForLoadState('networkidle');
  if (stop.action) {
    await stop.action(page);
    await drawn();
  }
  await page.waitForTimeout(600);
}

for (const width of GUIDE_IMAGE_WIDTHS) {
  const users = new Set([...(guideOnly ? [] : tour.map((t) => t.user)), ...Object.values(guide).map((g) => g.user)]);
  for (const user of users) {
    const ctx = await browser.newContext({ viewport: GUIDE_VIEWPORTS[width], locale: 'vi-VN', deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    // A loaded machine can take its time; a stop that never draws still fails.
    page.setDefaultTimeout(120_000);
    if (user) {
      await page.goto(srv.baseUrl + '/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill(user);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    }
    for (const stop of guideOnly ? [] : tour.filter((t) => t.user === user)) {
      await visit(page, stop);
      const file = path.join(out, `${stop.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: width < 500 });
      console.log(file);
    }
    for (const [name, stop] of Object.entries(guide) as [GuideImage, Stop][]) {
      if (stop.user !== user) continue;
      await visit(page, stop);
      // What the screen shows on opening, as the guide's reader will see it; small enough to ship.
      const file = path.join(guideOut, `${name}-${width}.webp`);
      await sharp(await page.screenshot())
        .webp({ quality: 70, effort: 6 })
        .toFile(file);
      console.log(`${file} (${GUIDE_IMAGES[name]})`);
    }
    await ctx.close();
  }
}
await browser.close();
await srv.close();
