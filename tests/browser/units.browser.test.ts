import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

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

async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('units in the browser', () => {
  it('shows a Vietnamese error for a wrong password and stays on the login page', async () => {
    const page = await browser.newPage();
    await login(page, 'officer', 'mat-khau-sai');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(page.url()).toContain('/dang-nhap');
    await page.close();
  });

  it('officer logs in, opens the tree, creates a unit under a commune and sees it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, 'officer');
    await page.waitForURL(/\/don-vi\//);
    // the tree starts at the province with its communes open
    const tree = page.locator('.ant-tree');
    await tree.getByText('Tỉnh Vĩnh Long', { exact: true }).waitFor();
    await tree.getByText('Xã Càng Long', { exact: true }).click();
    await page.getByRole('heading').or(page.locator('.ant-card-head-title')).getByText('Xã Càng Long').first().waitFor();

    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đơn vị').fill('Chi hội Nông dân ấp Mỹ Huê');
    await dialog.getByLabel('Mã đơn vị').fill('X00834-CHND-MH');
    await dialog.getByLabel('Loại hình').fill('chính trị');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();

    // the new unit opens, with its breadcrumb, and appears in the tree under the commune
    await page.locator('.ant-card-head-title').getByText('Chi hội Nông dân ấp Mỹ Huê').waitFor();
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent()).toContain('Xã Càng Long');
    await tree.getByText('Chi hội Nông dân ấp Mỹ Huê').waitFor();
    const { rows } = await srv.db.pool.query(`select name, kind from unit where code = 'X00834-CHND-MH'`);
    expect(rows).toEqual([{ name: 'Chi hội Nông dân ấp Mỹ Huê', kind: 'socio_political' }]);
    await page.close();
  });

  it('finds a unit by typing without diacritics', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, 'officer');
    await page.waitForURL(/\/don-vi\//);
    await page.getByLabel('Tìm đơn vị').fill('truong trung hoc co so cang long');
    await page.getByText('Trường Trung học cơ sở Càng Long').click();
    await page.locator('.ant-card-head-title').getByText('Trường Trung học cơ sở Càng Long').waitFor();
    await page.close();
  });

  it('works on a 390 px phone: the menu is a drawer and nothing overflows sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await login(page, 'unit');
    await page.getByText('Xã Càng Long', { exact: true }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.locator('.ant-drawer').getByText('Đơn vị').waitFor();
    // a unit officer has no user management
    expect(await page.locator('.ant-drawer').getByText('Người dùng').count()).toBe(0);
    await page.close();
  });
});
