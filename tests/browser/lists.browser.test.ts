/**
 * Lists in Chromium as people use lists elsewhere: the filters, the page and the order come from the
 * address and stay there through a reload, back and forward; a title is a real link, so Ctrl+click
 * opens the record in a new tab while a plain click opens it in place; a link someone got wrong
 * still shows the list.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemoModels } from '../../src/seed/demo-models.js';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { loggedIn, type Client } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
let api: Client;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  await seedDemoModels(srv.db);
  browser = await launchChromium();
  api = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
  // The demo's models take a while to load on a busy machine.
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

async function signedIn(width: number): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  contexts.push(ctx);
  // The machine that runs the tests may be busy: a page's parts can take a while to arrive.
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(90_000);
  const page = await ctx.newPage();
  await page.goto(srv.baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('officer');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/viec-can-lam/);
  return { ctx, page };
}

/** An antd select around its input (the input carries the aria-label; the chosen value is shown beside it). */
const SELECT_ROOT = 'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]';

/** The titles the API gives for the same list, the page's own size (20). */
async function expectedTitles(query: string): Promise<{ titles: string[]; ids: string[]; total: number }> {
  const r = await api.get(`/api/v1/registrations?${query}&pageSize=20`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return {
    titles: r.body.items.map((x: { title: string }) => x.title),
    ids: r.body.items.map((x: { id: string }) => x.id),
    total: r.body.total,
  };
}

/** The titles the table shows, once it has the rows it is expected to show. */
async function shownTitles(page: Page, expected: string[]): Promise<string[]> {
  const links = page.locator('.ant-table-tbody tr.ant-table-row td a[href^="/mo-hinh/"]');
  await expect.poll(async () => (await links.allTextContents()).map((t) => t.trim()), { timeout: 90_000 }).toEqual(expected);
  return (await links.allTextContents()).map((t) => t.trim());
}

describe('lists in the browser', { timeout: 300_000 }, () => {
  it('a list opened with filters, page and order in the address shows them; reload and back keep them', async () => {
    const { page } = await signedIn(1280);
    const query = 'kind=model&sort=title&page=2';
    const want = await expectedTitles(query);
    expect(want.total).toBeGreaterThan(20);
    await page.goto(`${srv.baseUrl}/mo-hinh?${query}`);
    await shownTitles(page, want.titles);
    // The controls say what is applied: the kind box, the sorted column, the second page.
    await expect
      .poll(() => page.getByLabel('Mô hình hay điển hình').locator(SELECT_ROOT).textContent(), { timeout: 30_000 })
      .toContain('Mô hình');
    await expect
      .poll(() => page.getByRole('columnheader', { name: /Tên mô hình, điển hình/ }).getAttribute('aria-sort'), { timeout: 30_000 })
      .toBe('ascending');
    await expect.poll(() => page.locator('.ant-pagination-item-active').textContent(), { timeout: 30_000 }).toBe('2');

    await page.reload();
    await shownTitles(page, want.titles);
    expect(new URL(page.url()).search).toBe(`?${query}`);

    // A click on the year header sorts the whole list by year, from its first page, in the address.
    await page.getByRole('columnheader', { name: /^Năm/ }).click();
    await page.waitForURL(/sort=year/);
    const url = new URL(page.url());
    expect(url.searchParams.get('kind')).toBe('model');
    expect(url.searchParams.get('page')).toBeNull();
    await shownTitles(page, (await expectedTitles('kind=model&sort=year&page=1')).titles);

    // Back: the list as it was, title order, page 2.
    await page.goBack();
    await page.waitForURL((u) => u.search === `?${query}`);
    await shownTitles(page, want.titles);

    // A filter chosen on the page goes into the address too, and back to the first page.
    await page.getByRole('combobox', { name: 'Trạng thái' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Đã chấp thuận, đang thực hiện$/ }).click();
    await page.waitForURL(/state=accepted/);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('title');
    await page.reload();
    await shownTitles(page, (await expectedTitles('kind=model&state=accepted&sort=title')).titles);
  });

  it.each([1280, 390])(
    'a title is a link at %i px: Ctrl+click opens the record in a new tab, a plain click opens it here',
    async (width) => {
      const { ctx, page } = await signedIn(width);
      const want = await expectedTitles('sort=-year');
      await page.goto(`${srv.baseUrl}/mo-hinh?sort=-year`);
      await shownTitles(page, want.titles);
      const link = page.locator('.ant-table-tbody tr.ant-table-row td a[href^="/mo-hinh/"]').first();
      expect(await link.getAttribute('href')).toBe(`/mo-hinh/${want.ids[0]}`);

      const [tab] = await Promise.all([ctx.waitForEvent('page'), link.click({ modifiers: ['Control'] })]);
      await tab.waitForURL(`**/mo-hinh/${want.ids[0]}`);
      await tab.getByText(want.titles[0]!).first().waitFor();
      // The list stays where it was.
      expect(new URL(page.url()).pathname).toBe('/mo-hinh');
      await tab.close();

      await link.click();
      await page.waitForURL(`**/mo-hinh/${want.ids[0]}`);
      await page.getByText(want.titles[0]!).first().waitFor();
      await page.goBack();
      await page.waitForURL(/\/mo-hinh\?sort=-year$/);
      await shownTitles(page, want.titles);
    },
  );

  it('bad values in the address are left out: the list shows, unfiltered, first page, its own order', async () => {
    const { page } = await signedIn(1280);
    const want = await expectedTitles('kind=exemplar');
    await page.goto(`${srv.baseUrl}/mo-hinh?kind=exemplar&sort=password&page=-4&year=abc&state=nope&unitId=not-a-uuid`);
    await shownTitles(page, want.titles);
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
  });

  it('on a phone the cards sort through a box, and the order goes into the address', async () => {
    const { page } = await signedIn(390);
    const want = await expectedTitles('sort=-year');
    await page.goto(`${srv.baseUrl}/mo-hinh?sort=-year`);
    await shownTitles(page, want.titles);
    const box = page.getByLabel('Sắp xếp');
    await expect.poll(() => box.locator(SELECT_ROOT).textContent(), { timeout: 30_000 }).toContain('Năm mới nhất trước');
    await box.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Tên A → Z' }).click();
    await page.waitForURL(/sort=title/);
    await shownTitles(page, (await expectedTitles('sort=title')).titles);
  });
});
