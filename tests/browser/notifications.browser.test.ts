/**
 * The bell in Chromium: the commune officer's count rises when the provincial officer returns a
 * registration in another browser context; the notification opens the record with the reason.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { unitId } from '../api/helpers.js';

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

async function as(username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(srv.baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/viec-can-lam/);
  return page;
}

const bell = (page: Page) => page.getByTestId('notification-bell');
/** The page comes back to the foreground: the app asks for the count again (it also asks every 15 s). */
const refocus = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

describe('notifications in the browser', () => {
  it('the bell counts a return made in another browser, and its notification opens the record with the reason', async () => {
    const api = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
    const draft = await api.post('/api/v1/registrations', {
      kind: 'model',
      unitId: await unitId(api, 'X29266-HPN'),
      holder: 'collective',
      title: 'Mô hình “Chuông báo trả lại”',
      fieldCode: 'economic',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ tham gia', target: 40, unitOfMeasure: 'hộ' }],
    });
    expect(draft.status).toBe(201);
    expect((await api.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: draft.body.version })).status).toBe(200);

    const unit = await as('unit');
    await expect.poll(() => bell(unit).getAttribute('aria-label')).toBe('Thông báo');

    const officer = await as('officer');
    await officer.goto(`${srv.baseUrl}/mo-hinh/${draft.body.id}`);
    await officer.getByRole('button', { name: /Trả lại để chỉnh sửa$/ }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill('Bổ sung số hộ tham gia theo từng ấp');
    await dialog.getByRole('button', { name: /Trả lại$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect
      .poll(
        async () => {
          await refocus(unit);
          return bell(unit).getAttribute('aria-label');
        },
        { timeout: 25_000, interval: 1000 },
      )
      .toBe('Thông báo: 1 chưa đọc');

    await bell(unit).click();
    await unit.waitForURL(/\/thong-bao$/);
    const item = unit.getByTestId('notification-item').filter({ hasText: 'được trả lại để bổ sung' });
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.textContent()).toContain('Lý do: Bổ sung số hộ tham gia theo từng ấp');
    await item.click();
    await unit.waitForURL(new RegExp(`/mo-hinh/${draft.body.id}$`));
    await unit.getByText('Lý do: Bổ sung số hộ tham gia theo từng ấp').first().waitFor();
    await expect.poll(() => bell(unit).getAttribute('aria-label')).toBe('Thông báo');
  });
});
