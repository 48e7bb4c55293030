/** The public showcase on a 390 px phone, without signing in: browse, open a model, its photo shows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedDemoModels } from '../../src/seed/demo-models.js';
import { launchChromium } from '../support/browser.js';
import { loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2e4b10000000049454e44ae426082', 'hex');
let srv: TestServer;
let browser: Browser;
let title = '';

beforeAll(async () => {
  srv = await startTestServer({ web: false });
  await seedDemoModels(srv.db);
  const officer = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
  const model = (await officer.get('/api/v1/registrations?states=recognised&pageSize=1')).body.items[0];
  title = model.title;
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(PNG)]), 'anh.png');
  await fetch(`${srv.baseUrl}/api/v1/registrations/${model.id}/evidence`, { method: 'POST', body: form, headers: { cookie: officer.cookie! } });
  await officer.put(`/api/v1/registrations/${model.id}/publication`, { summary: 'Câu chuyện của mô hình, viết cho người dân đọc.' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('public showcase in the browser', () => {
  it('browse → open a model → its photo shows, on a phone, with no private field in the source', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(srv.baseUrl + '/cong-khai');
    await page.getByRole('link', { name: new RegExp(title.slice(0, 20)) }).first().click();
    await page.waitForURL(/\/cong-khai\/mo-hinh\//);
    const img = page.locator('img.photo').first();
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const source = await page.content();
    for (const secret of ['Nguyễn Thị Thu Hà', 'Trần Văn Bình', 'Lê Minh Tâm', 'Nhiều chị em', 'thiếu vốn']) expect(source).not.toContain(secret);
    await page.close();
  });
});
