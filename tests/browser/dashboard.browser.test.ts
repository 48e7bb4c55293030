/**
 * The dashboard in Chromium: a figure opens the list behind it with the same count, the list exports
 * to Excel with its filter, and a search typed without diacritics finds the models.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ models: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

async function login(page: Page, username: string) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/viec-can-lam/);
}

describe('statistics in the browser', () => {
  it('a figure of the dashboard opens the list with exactly that many records, which exports to Excel', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await login(page, 'officer');
    await page.getByRole('menuitem', { name: 'Thống kê' }).click();
    await page.waitForURL(/\/thong-ke/);
    const row = page.getByRole('row', { name: /Kinh tế/ });
    const link = row.getByRole('link').first();
    await link.waitFor();
    const figure = Number((await link.textContent())!.replace(/\./g, ''));
    expect(figure).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(/\/mo-hinh\?/);
    expect(page.url()).toContain('fieldCode=economic');
    await expect
      .poll(() =>
        page
          .getByText(/\d+ hồ sơ/)
          .first()
          .textContent(),
      )
      .toBe(`${figure} hồ sơ`);
    await page.getByText('Đang lọc theo:').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.close();
  });

  it('the header search finds models typed without diacritics, and opens one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, 'unit');
    await page.getByLabel('Tìm mô hình, điển hình').fill('xom dao binh yen');
    const option = page.locator('.ant-select-item-option').filter({ hasText: 'Xóm đạo bình yên' }).first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(/\/mo-hinh\/[0-9a-f-]{36}$/);
    await page.getByText('Xóm đạo bình yên').first().waitFor();
    await page.close();
  });

  it('the review report page shows the generated figures and offers the Word file', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await login(page, 'unit');
    await page.goto(srv.baseUrl + '/bao-cao');
    await page.getByRole('button', { name: 'Tạo báo cáo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Cơ quan ban hành').fill('Ban Chỉ đạo phong trào “Dân vận khéo” xã Càng Long');
    await dialog.getByLabel('Địa danh').fill('Càng Long');
    await dialog.getByLabel('Từ năm').fill('2021');
    await dialog.getByRole('button', { name: 'Tạo báo cáo' }).click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    await page.getByText('Theo lĩnh vực').waitFor();
    expect(await page.getByRole('link', { name: /Tải về Word/ }).getAttribute('href')).toMatch(/\/docx$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
