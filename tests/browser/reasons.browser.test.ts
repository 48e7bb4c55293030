/**
 * The reason in sight on a 390 px phone: the officer returns a registration with a reason; the
 * registrant sees that reason on the to-do card, under the title in the list and in a banner at
 * the top of the record, and the timeline says who returned it, from which unit, and when.
 * Screenshots go to DVK_SCREENSHOT_DIR when it is set.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { loggedIn } from '../support/client.js';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
let attempt = 0;
const REASON = 'Bổ sung số hộ tham gia theo từng ấp và kinh phí dự kiến của mỗi ấp';
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

async function phone(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  await page.goto(srv.baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/viec-can-lam/);
  return page;
}

async function shot(page: Page, name: string) {
  const dir = process.env.DVK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A registration sent for appraisal by the commune officer; each attempt of the test has its own. */
async function submitted(title: string): Promise<string> {
  const unit = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
  const [commune] = await srv.db.rows<{ id: string }>("select id from unit where code = 'X29266'");
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
  return d.body.id;
}

/** The element lies inside the phone's width: read without scrolling sideways. */
async function inWidth(l: Locator) {
  const box = await l.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
}

describe('the reason in sight on a phone', () => {
  it('the officer returns with a reason; the registrant reads it on the to-do card, in the list and at the top of the record', async () => {
    attempt += 1;
    const TITLE = `Mô hình “Ngõ xóm sáng đèn” số ${attempt}`;
    const id = await submitted(TITLE);
    const { full_name: officerName, unit_name: officerUnit } = await srv.db.one<{ full_name: string; unit_name: string }>(
      `select a.full_name, u.name as unit_name from app_user a join unit u on u.id = a.unit_id where a.username = 'officer'`,
    );

    const officer = await phone('officer');
    await officer.goto(`${srv.baseUrl}/mo-hinh/${id}`);
    await officer.getByRole('button', { name: /Trả lại để chỉnh sửa$/ }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill(REASON);
    await dialog.getByRole('button', { name: /Trả lại$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await officer.getByTestId('reason-banner').waitFor();
    await officer.close();

    // The to-do card says which record came back and why.
    const unit = await phone('unit');
    const card = unit.getByRole('link', { name: /^Hồ sơ bị trả lại: \d+\./ });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain(TITLE);
    const cardLine = card.getByTestId('reason-line');
    await expect.poll(() => cardLine.textContent()).toBe(`Lý do trả lại: ${REASON}`);
    await inWidth(cardLine);
    expect(await sidewaysOverflow(unit)).toBeLessThanOrEqual(0);
    await shot(unit, 'reasons-todo-390.png');

    // The card opens the list of records returned to me: the reason is the line under the title.
    await card.click();
    await unit.waitForURL(/queue=returned_to_me/);
    const row = unit.locator('.ant-table-row').filter({ hasText: TITLE });
    await row.waitFor();
    const rowLine = row.getByTestId('reason-line');
    await expect.poll(() => rowLine.textContent()).toBe(`Lý do trả lại: ${REASON}`);
    await inWidth(rowLine);
    const titleBox = (await row.getByText(TITLE).boundingBox())!;
    expect((await rowLine.boundingBox())!.y).toBeGreaterThan(titleBox.y);
    expect(await sidewaysOverflow(unit)).toBeLessThanOrEqual(0);
    await shot(unit, 'reasons-list-390.png');

    // The record: the banner is the first thing under the back button, above the record itself.
    await row.getByText(TITLE).click();
    await unit.waitForURL(new RegExp(`/mo-hinh/${id}$`));
    const banner = unit.getByTestId('reason-banner');
    await banner.waitFor();
    const text = (await banner.textContent())!;
    expect(text).toContain('Hồ sơ bị trả lại để chỉnh sửa');
    expect(text).toContain(`${officerName} (${officerUnit}) trả lại để chỉnh sửa lúc `);
    expect(text).toContain(`Lý do trả lại: ${REASON}`);
    await inWidth(banner);
    const bannerBox = (await banner.boundingBox())!;
    const recordTitle = unit.getByText(TITLE).first();
    expect(bannerBox.y).toBeLessThan((await recordTitle.boundingBox())!.y);
    expect(bannerBox.y).toBeLessThan(PHONE.height);

    // The timeline reads as a sentence, the reason under its own label, with no "A → A".
    const timeline = unit.locator('.ant-card').filter({ hasText: 'Tiến trình xử lý' });
    const sentence = timeline.getByText(
      new RegExp(`^${officerName} \\(${officerUnit}\\) trả lại để chỉnh sửa lúc \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}$`),
    );
    await sentence.waitFor();
    await timeline.getByText(`Lý do: ${REASON}`).waitFor();
    expect(await timeline.textContent()).not.toContain('→');
    expect(await sidewaysOverflow(unit)).toBeLessThanOrEqual(0);
    await shot(unit, 'reasons-record-390.png');
    await unit.close();
  }, 300_000);
});
