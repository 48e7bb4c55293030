/**
 * "Hướng dẫn sử dụng" in Chromium: on a phone (390 px) it opens from the menu at the part of the
 * signed-in user's role, whose screenshots load (the phone ones), without sideways scrolling; an
 * empty list links to the step that explains how to fill it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium, signIn } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  // Accounts only, no models: the lists start empty.
  srv = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

const login = (page: Page, username: string) => signIn(page, srv.baseUrl, username, DEMO_PASSWORD);

/** Where the top of an element is in the window, in pixels. */
const topOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().top));

describe('the user guide', () => {
  it('opens from the menu on a phone at the part of the user’s role, and its pictures load', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, 'unit');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('menuitem', { name: 'Hướng dẫn sử dụng' }).click();
    await page.waitForURL(/\/huong-dan#can-bo-don-vi$/);

    const part = page.getByRole('region', { name: /^Cán bộ đơn vị/ });
    await part.getByRole('heading', { level: 2 }).waitFor();
    expect(await part.getByRole('heading', { level: 2 }).textContent()).toContain('Phần của bạn');
    // Scrolled to it, just below the header, not left at the top of the page.
    await expect.poll(() => topOf(page, '#can-bo-don-vi')).toBeGreaterThanOrEqual(60);
    expect(await topOf(page, '#can-bo-don-vi')).toBeLessThan(120);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);

    const pictures = part.locator('img');
    const count = await pictures.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) {
      const img = pictures.nth(i);
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((e: HTMLImageElement) => (e.complete ? e.naturalWidth : -1)), { timeout: 30_000 }).toBe(390);
      expect(await img.evaluate((e: HTMLImageElement) => e.currentSrc)).toMatch(/\/anh-huong-dan\/[a-z-]+-390\.webp$/);
      expect(await img.getAttribute('alt')).toBeTruthy();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('an empty list of models links to the registration step of the guide', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, 'officer');
    await page.goto(srv.baseUrl + '/mo-hinh');
    await page.getByText('Chưa có mô hình nào').waitFor();
    await page.getByRole('link', { name: 'xem hướng dẫn đăng ký' }).click();
    await page.waitForURL(/\/huong-dan#dang-ky$/);
    await page.getByRole('heading', { name: 'Đăng ký mô hình, điển hình', level: 3 }).waitFor();
    await expect.poll(() => topOf(page, '#dang-ky')).toBeLessThan(120);
    expect(await topOf(page, '#dang-ky')).toBeGreaterThanOrEqual(60);
    await page.close();
  });
});
