/**
 * A commune officer on a phone (390 px): a registration's period is typed as two dates (with or
 * without slashes, a wrong one refused in Vietnamese), the planned funds show thousands dots as
 * they are typed, the district level is not offered after 01/07/2025, and the record saves.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium, signIn } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
const TITLE = 'Mô hình “Sổ tiết kiệm tình thương” trên điện thoại';

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

const login = (page: Page, username: string) => signIn(page, srv.baseUrl, username, DEMO_PASSWORD);

/** Right edge of an element, to check it stays on a 390-px screen. */
const rightEdge = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  return box ? box.x + box.width : Infinity;
};

describe('forms on a phone', () => {
  it('types a registration’s dates and funds on a 390-px screen and saves them', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    await login(page, 'unit');
    await page.goto(srv.baseUrl + '/mo-hinh/dang-ky');
    await page.getByLabel('Tên mô hình').fill(TITLE);
    await page.getByLabel('Đơn vị đăng ký', { exact: true }).click();
    await page.getByLabel('Đơn vị đăng ký', { exact: true }).fill('phu nu cang long');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Hội Liên hiệp Phụ nữ' }).first().click();
    await page.getByLabel('Lĩnh vực', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Kinh tế' }).first().click();

    // The start typed digit by digit as on a phone's number pad: the slashes come by themselves.
    const from = page.getByPlaceholder('Từ ngày');
    expect(await from.getAttribute('inputmode')).toBe('numeric');
    await from.click();
    await from.pressSequentially('01032026');
    await expect.poll(() => from.inputValue()).toBe('01/03/2026');
    // A date that does not exist is refused in Vietnamese; the corrected one is taken.
    const to = page.getByPlaceholder('Đến ngày');
    await to.fill('31022026');
    await to.blur();
    await page.getByText('Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày.').waitFor();
    await to.fill('31/12/2026');
    await to.blur();
    await expect.poll(() => page.getByText('Ngày 31/02/2026 không có').count()).toBe(0);
    // Both date fields and their calendar buttons stay on the screen.
    expect(await rightEdge(page, '[aria-label="Thời gian thực hiện: đến ngày"]')).toBeLessThanOrEqual(390);

    // The calendar is one month and fits the phone; a day picked there fills the field.
    await page.getByRole('button', { name: 'Mở lịch để chọn ngày' }).nth(1).click();
    const picker = page.getByRole('dialog', { name: 'Chọn ngày' });
    const calendar = picker.locator('.ant-picker-calendar');
    await calendar.waitFor();
    const box = (await calendar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await picker.getByText('Tháng 12/2026').waitFor();
    await picker.locator('.ant-picker-cell-in-view').filter({ hasText: /^30$/ }).click();
    await expect.poll(() => to.inputValue()).toBe('30/12/2026');
    await to.fill('31/12/2026');
    await to.blur();

    // After 01/07/2025 the district level is not offered.
    await page.getByLabel('Cấp đăng ký', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const levels = await options.allTextContents();
    expect(levels).toContain('Cấp xã');
    expect(levels.join('|')).not.toMatch(/huyện/i);
    await page.keyboard.press('Escape');

    // Funds grouped with dots as they are typed.
    const funds = page.getByLabel('Kinh phí (đồng)');
    expect(await funds.getAttribute('inputmode')).toBe('numeric');
    await funds.click();
    await funds.pressSequentially('98500000');
    await expect.poll(() => funds.inputValue()).toBe('98.500.000');

    await page.getByRole('button', { name: /Lưu bản đăng ký$/ }).click();
    await page.waitForURL(/\/mo-hinh\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByText('98.500.000 đồng').first().waitFor();

    const { rows } = await srv.db.pool.query<{ start_date: string; end_date: string; planned_funds_vnd: string; level: string }>(
      'select start_date::text, end_date::text, planned_funds_vnd::text, level from registration where id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ start_date: '2026-03-01', end_date: '2026-12-31', planned_funds_vnd: '98500000', level: 'commune' });
    await page.close();
  });
});
