/**
 * The web app in Chromium against the real server (fresh in-memory database with the demo data):
 * logging in, the unit tree, creating a unit through the form, search, the phone layout.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { DEMO_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in (landing on the to-do page) and opens the units page, which shows the user's own unit. */
async function loginToUnits(page: Page, username: string) {
  await login(page, username);
  await page.waitForURL(/\/viec-can-lam/);
  await page.getByRole('menuitem', { name: 'Đơn vị' }).click();
  await page.waitForURL(/\/don-vi\//);
}

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('units in the browser', () => {
  it('shows a Vietnamese error for a wrong password and stays on the login page', async () => {
    const page = await browser.newPage();
    await login(page, 'officer', 'mat-khau-sai');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(page.url()).toContain('/dang-nhap');
    await page.close();
  });

  it('officer logs in, opens a commune in the tree, creates a unit under it and sees it in the tree and the list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginToUnits(page, 'officer');
    // the tree starts at the province with its communes open
    const tree = page.locator('.ant-tree');
    await tree.getByText('Tỉnh Vĩnh Long', { exact: true }).waitFor();
    await tree.getByText('Xã Càng Long', { exact: true }).click();
    const title = page.locator('.ant-card-head-title h2');
    await expect.poll(() => title.textContent()).toBe('Xã Càng Long');

    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog');
    // an empty form is refused with Vietnamese messages, nothing is sent
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog.getByText('Vui lòng nhập tên đơn vị').waitFor();
    await dialog.getByLabel('Tên đơn vị').fill('Chi hội Nông dân ấp Mỹ Huê');
    await dialog.getByLabel('Mã đơn vị').fill(`${DEMO_COMMUNE_UNIT}-CHND-MH`);
    await dialog.getByLabel('Loại hình').fill('chinh tri'); // diacritics optional
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();

    // the new unit opens, with its breadcrumb, and appears in the tree under the commune
    // (the save and the opening of the new unit take their time on a loaded machine)
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toBe('Chi hội Nông dân ấp Mỹ Huê');
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent(), { timeout: 30_000 }).toContain('Xã Càng Long');
    await tree.getByText('Chi hội Nông dân ấp Mỹ Huê').waitFor();
    const { rows } = await srv.db.pool.query(`select name, kind, level from unit where code = '${DEMO_COMMUNE_UNIT}-CHND-MH'`);
    expect(rows).toEqual([{ name: 'Chi hội Nông dân ấp Mỹ Huê', kind: 'socio_political', level: 'grassroots' }]);

    // back on the commune, it is one of its children
    await page.locator('.ant-breadcrumb').getByText('Xã Càng Long').click();
    await expect.poll(() => title.textContent()).toBe('Xã Càng Long');
    await page.locator('.ant-table').getByText('Chi hội Nông dân ấp Mỹ Huê').waitFor();

    // and the audit log names the action in Vietnamese
    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    await page.getByText('Tạo đơn vị').first().waitFor();
    await page.getByText('Chi hội Nông dân ấp Mỹ Huê').first().waitFor();
    await page.close();
  });

  it('refuses a unit code already in use, next to the code field', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginToUnits(page, 'officer');
    await page.locator('.ant-tree').getByText('Xã Càng Long', { exact: true }).click();
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đơn vị').fill('Đơn vị trùng mã');
    await dialog.getByLabel('Mã đơn vị').fill(DEMO_COMMUNE_UNIT);
    await dialog.getByLabel('Loại hình').fill('khac');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog.getByText('đã được dùng cho đơn vị khác').waitFor();
    await page.close();
  });

  it('finds a unit by typing without diacritics', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginToUnits(page, 'officer');
    await page.getByLabel('Tìm đơn vị').fill('truong trung hoc co so cang long');
    await page.getByText('Trường Trung học cơ sở Càng Long').click();
    await expect.poll(() => page.locator('.ant-card-head-title h2').textContent()).toBe('Trường Trung học cơ sở Càng Long');
    await page.close();
  });

  it('works on a 390 px phone: the menu is a drawer, the detail opens below the tree, nothing overflows sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await login(page, 'unit');
    // the first page is the to-do list, readable on a phone
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký mô hình, điển hình' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto(srv.baseUrl + '/don-vi');
    await page.locator('.ant-tree').getByText('Xã Càng Long', { exact: true }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.locator('.ant-tree').getByText('Hội Nông dân Càng Long').click();
    await expect.poll(() => page.locator('.ant-card-head-title h2').textContent()).toBe('Hội Nông dân Càng Long');
    await page.getByRole('button', { name: 'Về cây đơn vị' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Mở menu' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Đơn vị', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    // a unit officer has no user management
    expect(await drawer.getByText('Người dùng').count()).toBe(0);
    await page.close();
  });

  it('goes back to the login page, saying why, when the session ends while in use', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginToUnits(page, 'officer');
    await page.locator('.ant-card-head-title h2').waitFor();
    await page.waitForLoadState('networkidle');
    await page.context().clearCookies();
    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    await page.waitForURL(/\/dang-nhap/);
    await page.getByText('Phiên làm việc đã hết hạn').waitFor();
    // signing in again returns to the page that was asked for
    await page.getByLabel('Tên đăng nhập').fill('officer');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/nhat-ky/);
    await page.close();
  });

  it('sends a user whose password was reset to the change-password page first', async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(admin, 'admin');
    await admin.waitForURL(/\/viec-can-lam/);
    await admin.goto(srv.baseUrl + '/nguoi-dung');
    const row = admin.locator('tr', { hasText: 'Tên đăng nhập: member' });
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await admin.getByRole('dialog').getByLabel('Mật khẩu mới').fill('CapLai2026x');
    const reset = admin.waitForResponse((r) => r.url().endsWith('/reset-password'));
    await admin.getByRole('dialog').getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    expect((await reset).status()).toBe(204);
    await admin.getByText('Đã đặt lại mật khẩu').waitFor();
    await admin.close();

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await login(page, 'member', 'CapLai2026x');
    await page.waitForURL(/\/doi-mat-khau/);
    await page.getByText('Vui lòng đặt mật khẩu mới để tiếp tục').waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill('CapLai2026x');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('MoiHon2026y');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('MoiHon2026y');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.waitForURL(/\/viec-can-lam/);
    await page.close();
  });
});
