/**
 * The public showcase on a 390 px phone, without signing in, as a first start shows it: browse,
 * narrow by field, open a model, its photos show; the page source holds no private field.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loggedIn } from '../support/client.js';
import { seedDemoShowcase } from '../../src/seed/demo-showcase.js';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ models: true });
  await seedDemoShowcase(srv.db, srv.filesDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

describe('public showcase in the browser', () => {
  it('browse → choose a field → open a model → its photos show, on a phone, with no private field in the source', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(srv.baseUrl + '/cong-khai');
    expect(await page.locator('a.card').count()).toBe(6);
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Quốc phòng – an ninh' });
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(/linhVuc=defence_security/);
    expect(await page.locator('a.card').count()).toBe(1);
    await page.getByRole('link', { name: /Tổ tự quản an ninh trật tự liên gia/ }).click();
    await page.waitForURL(/\/cong-khai\/mo-hinh\//);
    await expect.poll(() => page.title()).toContain('Tổ tự quản an ninh trật tự liên gia');
    const photos = page.locator('img.photo');
    expect(await photos.count()).toBeGreaterThan(0);
    for (const img of await photos.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(800);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const source = await page.content();
    expect(source).toContain('Kết quả');
    for (const secret of ['Nguyễn Thị Thu Hà', 'Trần Văn Bình', 'Lê Minh Tâm', 'Trộm cắp vặt xảy ra']) expect(source).not.toContain(secret);
    await page.close();
  });

  it('an officer publishes a recognised model from its record with a summary, and the public page shows it', async () => {
    const api = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
    const recognised = (await api.get('/api/v1/registrations?states=recognised&kind=model&pageSize=100')).body.items as {
      id: string;
      title: string;
    }[];
    const published = new Set(
      (await srv.db.rows<{ registration_id: string }>('select registration_id from publication')).map((r) => r.registration_id),
    );
    const model = recognised.find((r) => !published.has(r.id))!;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(srv.baseUrl + '/cong-khai');
    await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
    await page.getByLabel('Tên đăng nhập').fill('officer');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/viec-can-lam/);
    await page.goto(`${srv.baseUrl}/mo-hinh/${model.id}`);
    await page.getByText('Mô hình chưa được công khai.').waitFor();
    await page.getByRole('button', { name: 'Công khai cho nhân dân' }).click();
    const story = 'Mô hình giúp bà con trong ấp cùng bàn, cùng làm; kết quả được người dân ghi nhận.';
    await page.getByLabel('Giới thiệu cho nhân dân').fill(story);
    await page.getByRole('button', { name: 'Công khai', exact: true }).click();
    await page.getByText(/Đang hiện trên trang “Mô hình tiêu biểu”/).waitFor();
    const [pub] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'mở trang công khai' }).click()]);
    await pub.waitForLoadState();
    expect(await pub.locator('h1').textContent()).toBe(model.title);
    expect(await pub.content()).toContain(story);
    await page.close();
  });
});
