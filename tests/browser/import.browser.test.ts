/**
 * "Nhập từ Excel" in Chromium: download the template, fill it (exceljs), import it, read the preview
 * with its error (row and column), import the fixed file, confirm; the same screen on a phone.
 * Screenshots go to DVK_SCREENSHOT_DIR when it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-import-browser-'));

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(expectNoPolicyViolations);

/** Screenshots for the reader of the change, written only when DVK_SCREENSHOT_DIR is set. */
async function shot(page: Page, name: string) {
  const out = process.env.DVK_SCREENSHOT_DIR;
  if (out) await page.screenshot({ path: path.join(out, name), fullPage: true });
}

async function openImport(page: Page, viaMenu = true) {
  await page.goto(srv.baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill('officer');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/viec-can-lam/);
  // On a phone the menu is a drawer: the page is opened by its address.
  if (viaMenu) await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
  else await page.goto(srv.baseUrl + '/nhap-excel');
  await page.waitForURL(/\/nhap-excel/);
}

/** Fills the downloaded template: two models, the second with the field given as `field`. */
async function fill(template: string, field: string, out: string) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const ws = book.worksheets[0]!;
  const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const col = (h: string) => header.indexOf(h) + 1;
  const rows = [
    { title: 'Mô hình “Ấp văn hóa kiểu mẫu”', field: 'Văn hoá - Xã hội' },
    { title: 'Mô hình “Tổ nhân dân tự quản”', field },
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.getCell(col('Loại')).value = 'Mô hình';
    row.getCell(col('Tên mô hình, điển hình')).value = r.title;
    row.getCell(col('Mã đơn vị thực hiện')).value = 'X29266';
    row.getCell(col('Tập thể / cá nhân')).value = 'Tập thể';
    row.getCell(col('Lĩnh vực')).value = r.field;
    row.getCell(col('Hình thức')).value = 'Xây dựng mới';
    row.getCell(col('Cấp')).value = 'Xã';
    row.getCell(col('Ngày bắt đầu')).value = '01/03/2024';
    row.getCell(col('Ngày kết thúc')).value = '31/12/2024';
    for (const h of [
      'Vấn đề cần giải quyết',
      'Mục đích',
      'Địa điểm',
      'Lực lượng tham gia',
      'Đối tượng',
      'Giải pháp',
      'Kinh phí dự kiến (đồng)',
      'Ngày công dự kiến',
      'Trạng thái',
      'Số quyết định công nhận',
      'Ngày quyết định công nhận',
      'Cấp công nhận',
      'Cơ quan công nhận',
      'Hình thức khen thưởng',
      'Số quyết định khen thưởng',
      'Ngày quyết định khen thưởng',
      'Cơ quan khen thưởng',
      'Năm',
      'Họ tên cá nhân',
      'Chức vụ cá nhân',
      'Mã hồ sơ gốc',
      'Đợt phát động',
    ])
      if (col(h) > 0) row.getCell(col(h)).value = null;
  });
  await book.xlsx.writeFile(out);
}

describe('import from Excel in the browser', () => {
  it('downloads the template, imports it with an error, reads the reason, imports the fixed file and confirms', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await openImport(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải mẫu Excel/ }).click()]);
    const template = path.join(dir, 'mau.xlsx');
    await download.saveAs(template);

    const wrong = path.join(dir, 'co-loi.xlsx');
    await fill(template, 'Môi trường', wrong);
    await page.locator('input[type=file]').setInputFiles(wrong);
    await page.getByText('Tệp còn 1 dòng lỗi').waitFor({ timeout: 30_000 });
    await page.getByText("Dòng 5, cột Lĩnh vực: 'Môi trường' không có trong danh mục lĩnh vực").waitFor();
    expect(await page.getByRole('button', { name: /Xác nhận ghi/ }).count()).toBe(0);
    await shot(page, 'import-1280-error.png');

    const fixed = path.join(dir, 'da-sua.xlsx');
    await fill(template, 'Văn hóa – xã hội', fixed);
    await page.locator('input[type=file]').setInputFiles(fixed);
    await page.getByRole('button', { name: 'Xác nhận ghi 2 dòng' }).click();
    await page.getByText('Đã ghi 2 dòng.').waitFor({ timeout: 30_000 });
    // the import survives a reload: its address names it
    await page.reload();
    await page.getByText('Đã ghi 2 dòng.').waitFor();
    await page.close();
  }, 120_000);

  it('reads on a 390 px phone without sideways scrolling of the page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openImport(page, false);
    await page.getByRole('button', { name: /Chọn tệp và gửi/ }).waitFor();
    await page.getByText('Các lần nhập gần đây').click();
    await page.getByText('da-sua.xlsx').first().waitFor();
    await page.getByText('Xem', { exact: true }).first().click();
    await page.getByText('Đã ghi 2 dòng.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'import-390.png');
    await page.close();
  }, 120_000);
});
