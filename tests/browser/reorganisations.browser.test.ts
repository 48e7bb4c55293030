/**
 * The administrators' reorganisation screen in Chromium against the real server: two communes are
 * merged into a new one through the form (typed date, legal basis, units picked by searching), the
 * preview is read before "Áp dụng", and the new unit's page then shows where it came from.
 * With DVK_SCREENSHOTS=<folder>, the screens are also saved there at 1280 and 390 px wide.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
let province: string;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
  const admin = await loggedIn(srv.baseUrl, 'admin', DEMO_PASSWORD);
  province = (await admin.get(`/api/v1/units?q=T86`)).body.items.find((x: any) => x.code === 'T86').id;
  for (const [code, name] of [
    ['XG-1', 'Xã Gộp Thử Một'],
    ['XG-2', 'Xã Gộp Thử Hai'],
  ]) {
    const r = await admin.post('/api/v1/units', { parentId: province, code, name, kind: 'commune', level: 'commune' });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  }
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

const shots = process.env.DVK_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

async function login(page: Page) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
}

/** Opens a unit picker by the text it shows, types, and takes the unit offered. */
async function pick(page: Page, opener: ReturnType<Page['locator']>, typed: string, name: string) {
  await opener.click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
}

describe('reorganisations in the browser', () => {
  for (const width of [1280, 390]) {
    it(`the list and the empty form fit a ${width} px screen`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await login(page);
      await page.goto(srv.baseUrl + '/sap-xep-don-vi');
      await page.getByRole('button', { name: 'Sắp xếp mới' }).waitFor();
      await shot(page, 'list');
      await page.getByRole('button', { name: 'Sắp xếp mới' }).click();
      await page.getByText('Thay đổi 1').waitFor();
      await shot(page, 'form');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.close();
    });
  }

  it('merges two communes through the screen with the preview, then sees the lineage on the new unit', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page);
    await page.getByRole('menuitem', { name: 'Sắp xếp đơn vị' }).click();
    await page.getByRole('button', { name: 'Sắp xếp mới' }).click();

    await page.getByLabel('Ngày hiệu lực').fill('01/07/2025');
    await page.keyboard.press('Enter');
    await page.getByLabel('Số văn bản').fill('1680/NQ-UBTVQH15');
    await page.getByLabel('Cơ quan ban hành').fill('Ủy ban Thường vụ Quốc hội');
    await pick(page, page.locator('.ant-select').filter({ hasText: 'Đơn vị 1: gõ tên hoặc mã' }), 'gop thu mot', 'Xã Gộp Thử Một');
    await pick(page, page.locator('.ant-select').filter({ hasText: 'Đơn vị 2: gõ tên hoặc mã' }), 'gop thu hai', 'Xã Gộp Thử Hai');
    await page.getByText('Thành lập đơn vị mới').click();
    await page.getByLabel('Tên đơn vị mới').fill('Xã Gộp Thử Mới');
    await page.getByLabel('Mã', { exact: true }).fill('XG-MOI');
    await pick(page, page.getByLabel('Trực thuộc'), 'Vĩnh Long', 'Tỉnh Vĩnh Long');

    const apply = page.getByRole('button', { name: 'Áp dụng' });
    expect(await apply.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('reorganisation-preview');
    await expect.poll(() => preview.textContent()).toContain('thành lập "Xã Gộp Thử Mới"');
    expect(await preview.textContent()).toContain('đóng "Xã Gộp Thử Một", "Xã Gộp Thử Hai"');
    await shot(page, 'preview');
    // Nothing is written by the preview.
    expect((await srv.db.rows(`select 1 from unit where code = 'XG-MOI'`)).length).toBe(0);

    await apply.click();
    await page.waitForURL(/\/sap-xep-don-vi\/[0-9a-f-]{36}$/);
    await page.getByText('Đã áp dụng').first().waitFor();
    await shot(page, 'detail');
    await page.getByRole('link', { name: 'Xã Gộp Thử Mới' }).first().click();
    await page.waitForURL(/\/don-vi\//);
    const history = page.locator('.ant-card').filter({ hasText: 'Lịch sử sắp xếp' });
    await expect.poll(() => history.textContent()).toContain('Xã Gộp Thử Một (cũ)');
    expect(await history.textContent()).toContain('Xã Gộp Thử Hai (cũ)');
    expect(await history.textContent()).toContain('1680/NQ-UBTVQH15');
    await shot(page, 'unit');
    await page.close();
  });
});
