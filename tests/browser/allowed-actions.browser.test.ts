/**
 * No dead ends, on a phone (390 px): every button comes from what the server says the user may do now.
 * The read-only leader sees no register button and no queue tabs of others' work; the committee's
 * "Ra quyết định công nhận" stays disabled with the missing steps listed until the candidate is
 * ready; the registrant withdraws a submission not yet appraised; required fields are not marked
 * "(Tùy chọn)".
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { loggedIn, type Client } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
let officer: Client, unit: Client, member: Client;
let womenUnion: string, province: string;

async function unitId(admin: Client, code: string): Promise<string> {
  const r = await admin.get(`/api/v1/units?q=${encodeURIComponent(code)}`);
  return r.body.items.find((u: { code: string }) => u.code === code).id;
}

/** A registration of the commune's Women's Union, sent for appraisal. */
async function submitted(title: string) {
  const draft = await unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title,
    fieldCode: 'cultural_social',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hộ tham gia', target: 40, unitOfMeasure: 'hộ' }],
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  return (await unit.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: draft.body.version })).body;
}

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
  const admin = await loggedIn(srv.baseUrl, 'admin', DEMO_PASSWORD);
  [officer, unit, member] = await Promise.all([
    loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD),
    loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD),
    loggedIn(srv.baseUrl, 'member', DEMO_PASSWORD),
  ]);
  [womenUnion, province] = await Promise.all([unitId(admin, 'X29266-HPN'), unitId(admin, 'T86')]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function login(page: Page, username: string) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/(viec-can-lam|thong-ke)/);
}

describe('what the user may do now, at 390 px', () => {
  it('the read-only leader sees no register button and no queue tabs that are not theirs', async () => {
    const page = await browser.newPage(phone);
    await login(page, 'viewer');
    await page.goto(`${srv.baseUrl}/mo-hinh`);
    await page.getByRole('heading', { name: 'Mô hình, điển hình' }).waitFor();
    await page.locator('.ant-table').first().waitFor();
    expect(await page.getByRole('button', { name: /Đăng ký mô hình/ }).count()).toBe(0);
    for (const tab of ['Chờ tôi thẩm định', 'Bản nháp của tôi', 'Bị trả lại', 'Cần kiểm tra'])
      expect(await page.getByRole('tab', { name: tab }).count(), tab).toBe(0);
    // A queue in the address (a link meant for someone else) does not open an empty queue either.
    await page.goto(`${srv.baseUrl}/mo-hinh?queue=awaiting_appraisal`);
    await page.locator('.ant-table').first().waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    // The statistics, where the leader lands, offer no registering either.
    await page.goto(`${srv.baseUrl}/thong-ke`);
    await page.getByRole('main').waitFor();
    expect(await page.getByRole('button', { name: /Đăng ký mô hình/ }).count()).toBe(0);
    // The form's address, typed by hand, says why there is nothing to fill in.
    await page.goto(`${srv.baseUrl}/mo-hinh/dang-ky`);
    await page.getByText('Tài khoản của bạn không đăng ký mô hình, điển hình (chỉ xem).').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu' }).count()).toBe(0);

    // The commune officer keeps the button and the tabs of their own work, and no appraisal queue.
    const own = await browser.newPage(phone);
    await login(own, 'unit');
    await own.goto(`${srv.baseUrl}/mo-hinh`);
    await own.getByRole('button', { name: /Đăng ký mô hình, điển hình/ }).waitFor();
    await own.getByRole('tab', { name: 'Bản nháp của tôi' }).waitFor();
    expect(await own.getByRole('tab', { name: 'Chờ tôi thẩm định' }).count()).toBe(0);
    // Its form marks nothing the API requires as optional: the first criterion's name is required.
    await own.goto(`${srv.baseUrl}/mo-hinh/dang-ky`);
    const criterion = own.locator('.ant-form-item-label').filter({ hasText: 'Tiêu chí 1' });
    await criterion.waitFor();
    expect(await criterion.textContent()).not.toContain('Tùy chọn');
    await page.close();
    await own.close();
  });

  it('the decision button is disabled with the missing steps listed until the candidate is ready', async () => {
    const sent = await submitted('Mô hình “Nhà sạch, vườn đẹp” (xét trên điện thoại)');
    const model = (await officer.post(`/api/v1/registrations/${sent.id}/accept`, { version: sent.version })).body;
    const round = (await officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận trên điện thoại' })).body;
    await officer.post(`/api/v1/recognition-rounds/${round.id}/candidates`, { registrationId: model.id });
    const base = `/api/v1/recognition-rounds/${round.id}/candidates/${model.id}`;

    const page = await browser.newPage(phone);
    await login(page, 'officer');
    await page.goto(`${srv.baseUrl}/xet-cong-nhan/${round.id}`);
    const decide = page.getByRole('button', { name: 'Ra quyết định công nhận' });
    await decide.waitFor();
    expect(await decide.isDisabled()).toBe(true);
    const missing = page.getByRole('list', { name: 'Các bước còn thiếu' });
    expect(await missing.getByRole('listitem').allTextContents()).toEqual([
      'Chưa đánh giá đủ các tiêu chí.',
      'Tập thể nơi mô hình, điển hình hoạt động chưa xác nhận.',
      'Mới có 0 phiếu biểu quyết, cần ít nhất 2 thành viên biểu quyết.',
    ]);
    // "Không công nhận" stays open to the committee.
    expect(await page.getByRole('button', { name: 'Không công nhận' }).isEnabled()).toBe(true);

    // The checklist, the acknowledgement and two votes: the candidate is ready.
    await officer.put(`${base}/checklist`, { items: model.criteria.map((c: { id: string }) => ({ criterionId: c.id, mark: 'met' })) });
    await unit.post(`${base}/acknowledge`, { note: null });
    await member.post(`${base}/vote`, { vote: 'for' });
    await page.reload();
    await missing.getByRole('listitem').first().waitFor();
    expect(await missing.getByRole('listitem').allTextContents()).toEqual([
      'Mới có 1 phiếu biểu quyết, cần ít nhất 2 thành viên biểu quyết.',
    ]);
    expect(await decide.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await page.getByText('Tán thành: 2').waitFor();
    await expect.poll(() => decide.isEnabled()).toBe(true);
    expect(await missing.count()).toBe(0);

    await decide.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số quyết định').waitFor();
    // Every field of the decision is required: none is marked optional.
    expect(await dialog.locator('.ant-form-item-label').allTextContents()).not.toContainEqual(expect.stringContaining('Tùy chọn'));
    await dialog.getByLabel('Số quyết định').fill('09-QĐ/BCĐ');
    await dialog.getByLabel('Ngày quyết định').fill('20/11/2026');
    await dialog.getByLabel('Cơ quan ban hành').fill('Ban Chỉ đạo tỉnh');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByText('Đã công nhận (Tỉnh)').waitFor();
    expect(await decide.count()).toBe(0);
    await page.close();
  });

  it('the registrant withdraws a submission not yet appraised; the appraiser is not offered it', async () => {
    const sent = await submitted('Mô hình “Con đường bích họa” (rút lại trên điện thoại)');
    const appraiser = await browser.newPage(phone);
    await login(appraiser, 'officer');
    await appraiser.goto(`${srv.baseUrl}/mo-hinh/${sent.id}`);
    await appraiser.getByRole('button', { name: /Chấp thuận đăng ký/ }).waitFor();
    expect(await appraiser.getByRole('button', { name: /Rút lại đăng ký/ }).count()).toBe(0);
    await appraiser.close();

    const page = await browser.newPage(phone);
    await login(page, 'unit');
    await page.goto(`${srv.baseUrl}/mo-hinh/${sent.id}`);
    await page.getByRole('button', { name: /Rút lại đăng ký/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rút lại' }).click();
    await page.getByText('Đã rút lại đăng ký; hồ sơ trở về bản nháp.').waitFor();
    await page.getByRole('button', { name: /Gửi đăng ký/ }).waitFor();
    expect(await page.getByRole('button', { name: /Rút lại đăng ký/ }).count()).toBe(0);
    expect((await unit.get(`/api/v1/registrations/${sent.id}`)).body.state).toBe('draft');
    await page.close();
  });
});
