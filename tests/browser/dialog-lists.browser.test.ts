/**
 * A list opened in a dialog stays under its field when the page beneath moves (a card above it
 * finishing loading scrolls the page), so the option pressed is the option picked.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium, signIn } from '../support/browser.js';
import { loggedIn } from '../support/client.js';
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

it('keeps a dialog’s open list under its field while the page beneath scrolls, and the pressed option is picked', async () => {
  const api = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
  const [model] = (await api.get('/api/v1/registrations?states=recognised&kind=model&pageSize=1')).body.items as { id: string }[];
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
  await signIn(page, srv.baseUrl, 'officer', DEMO_PASSWORD);
  await page.goto(`${srv.baseUrl}/mo-hinh/${model!.id}`);
  await page.getByRole('button', { name: /Ghi nhận khen thưởng$/ }).click();
  const dialog = page.getByRole('dialog');
  const field = dialog.getByLabel('Hình thức khen thưởng', { exact: true });
  await field.click();
  const list = page.locator('.ant-select-dropdown:visible');
  const option = list.locator('.ant-select-item-option').filter({ hasText: /^Giấy khen$/ });
  await option.waitFor();
  const gap = async () => (await list.boundingBox())!.y - (await field.boundingBox())!.y;
  const before = await gap();

  // The page under the dialog moves, as it does when a card above the button finishes loading.
  await page.evaluate(() => window.scrollBy(0, 300));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(Math.abs((await gap()) - before)).toBeLessThan(2);

  await option.click();
  const shown = dialog.locator('.ant-form-item').filter({ hasText: 'Hình thức khen thưởng' }).first();
  await expect.poll(() => shown.innerText()).toContain('Giấy khen');
});
