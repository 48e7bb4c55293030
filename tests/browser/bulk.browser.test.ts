/**
 * Bulk work on the registrations list in Chromium: an officer selects three records sent for
 * appraisal, returns them with one reason from the bar at the bottom, and each is returned with its
 * own timeline row; the same list works on a 390 px phone. Screenshots of both go to
 * DVK_SCREENSHOT_DIR when it is set.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loggedIn } from '../support/client.js';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
const titles = ['Mô hình “Bếp ăn yêu thương”', 'Mô hình “Tuyến đường cờ hoa”', 'Mô hình “Tổ tự quản an ninh”'];
const ids: string[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
  const unit = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
  const [commune] = await srv.db.rows<{ id: string }>("select id from unit where code = 'X00834'");
  for (const title of [...titles, 'Mô hình “Sân chơi thiếu nhi”']) {
    const d = await unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: commune!.id,
      holder: 'collective',
      title,
      fieldCode: 'cultural_social',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ tham gia', target: 40, unitOfMeasure: 'hộ' }],
    });
    const s = await unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    if (s.status !== 200) throw new Error(JSON.stringify(s.body));
    ids.push(d.body.id);
  }
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

async function openList(page: Page, first: string) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill('officer');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/viec-can-lam/);
  await page.goto(srv.baseUrl + '/mo-hinh?state=submitted');
  await page.getByText(first).waitFor();
}

async function shot(page: Page, name: string) {
  const dir = process.env.DVK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, name), fullPage: false });
}

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('bulk work on the registrations list', () => {
  it('selects three records and returns them with one reason; each gets its own timeline row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openList(page, titles[0]!);
    for (const t of titles) await page.getByRole('checkbox', { name: `Chọn ${t}` }).check();
    // ticking a box selects the row and stays on the list
    expect(page.url()).toContain('/mo-hinh?');
    const bar = page.getByRole('region', { name: 'Thao tác với các hồ sơ đã chọn' });
    await expect.poll(() => bar.textContent()).toContain('Đã chọn 3 hồ sơ');
    await shot(page, 'bulk-1280.png');

    await bar.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    // no reason, nothing sent
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Vui lòng ghi lý do trả lại.').waitFor();
    const reason = 'Bổ sung số hộ tham gia và kinh phí dự kiến';
    await dialog.getByLabel('Lý do trả lại (chung cho các hồ sơ)').fill(reason);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText('Trả lại: đã thực hiện 3/3 hồ sơ.').waitFor();
    await expect.poll(() => bar.count()).toBe(0);

    const rows = await srv.db.rows<{ id: string; state: string; reasons: string[] }>(
      `select r.id, r.state, array(select e.reason from registration_event e
                                    where e.registration_id = r.id and e.transition = 'return') as reasons
         from registration r where r.id = any($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids.slice(0, 3)) expect(byId.get(id)).toMatchObject({ state: 'returned', reasons: [reason] });
    // the fourth, not selected, is untouched
    expect(byId.get(ids[3]!)).toMatchObject({ state: 'submitted', reasons: [] });
    await page.close();
  });

  it('works on a 390 px phone: rows are selected, the bar stays on screen, nothing overflows sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    // the three returned have left the list of records sent for appraisal; the fourth is there
    await openList(page, 'Mô hình “Sân chơi thiếu nhi”');
    await page.getByRole('checkbox', { name: 'Chọn Mô hình “Sân chơi thiếu nhi”' }).check();
    const bar = page.getByRole('region', { name: 'Thao tác với các hồ sơ đã chọn' });
    await expect.poll(() => bar.textContent()).toContain('Đã chọn 1 hồ sơ');
    for (const name of ['Tiếp nhận', 'Trả lại', 'Đưa vào đợt xét']) {
      const box = await bar.getByRole('button', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(390);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(844);
    }
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'bulk-390.png');
    await page.close();
  });
});
