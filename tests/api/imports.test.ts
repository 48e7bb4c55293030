/**
 * The import beyond one district's history: units and accounts of a province's communes from a
 * sheet (then one of them signs in), legacy encodings (TCVN3 and VNI cells, a Windows-1258 CSV),
 * the importer's entry scope, and who sees an import.
 */
import { describe, expect, it } from 'vitest';
import { toTCVN3 } from 'vietnamese-conversion';
import { loggedIn } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type DemoUnits, type Users } from './helpers.js';
import { confirm, preview, rowsOf, sendImport, workbookBytes } from './imports-support.js';

let srv: TestServer;
let u: Users;
let units: DemoUnits;
useDemo((demo) => {
  ({ srv, u, units } = demo);
});

const UNIT_HEADERS = ['Tên đơn vị', 'Loại hình', 'Cấp', 'Mã đơn vị cấp trên', 'Địa chỉ', 'Ngày hiệu lực', 'Trạng thái', 'Mã đơn vị'];
const USER_HEADERS = [
  'Họ và tên',
  'Chức vụ',
  'Vai trò',
  'Mã đơn vị công tác',
  'Mã đơn vị phạm vi nhập liệu',
  'Mã đơn vị phạm vi xem',
  'Trạng thái',
  'Tên đăng nhập',
  'Mật khẩu ban đầu',
];
const PASSWORD = 'Sen-hong-Vinh-Long-2026';

/** Windows-1258 bytes of a text (the letters this test uses): base letters, then a combining tone. */
function cp1258(text: string): Uint8Array {
  const LETTERS: Record<string, number> = { â: 0xe2, ă: 0xe3, ê: 0xea, ô: 0xf4, ơ: 0xf5, ư: 0xfd, đ: 0xf0, Đ: 0xd0, Â: 0xc2, Ô: 0xd4 };
  const TONES: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => TONES[p] !== undefined);
    const base = parts
      .filter((p) => p !== tone)
      .join('')
      .normalize('NFC');
    if (base.charCodeAt(0) < 0x80) out.push(base.charCodeAt(0));
    else if (LETTERS[base] !== undefined) out.push(LETTERS[base]);
    else throw new Error(`no cp1258 byte for ${base}`);
    if (tone) out.push(TONES[tone]!);
  }
  return Uint8Array.from(out);
}

describe('units and accounts of communes from a sheet', () => {
  it('creates the communes (and a hamlet under a new commune), then their accounts, and one of them signs in', async () => {
    const unitFile = await workbookBytes((book) => {
      const ws = book.addWorksheet('Đơn vị');
      ws.addRow(['DANH SÁCH ĐƠN VỊ']);
      ws.addRow(['Các xã mới của tỉnh']);
      ws.addRow(UNIT_HEADERS);
      ws.addRow([
        'Xã Hòa Minh',
        'Xã, phường, đặc khu',
        'Xã',
        'T86',
        'Ấp Hòa Lợi, xã Hòa Minh',
        '01/07/2025',
        'Đang hoạt động',
        'X-HOA-MINH',
      ]);
      ws.addRow(['Xã Long Hòa', 'Xã', 'Cấp xã', 'T86', '', new Date(Date.UTC(2025, 6, 1)), '', 'X-LONG-HOA']);
      ws.addRow(['Ấp Hòa Lợi', 'Ấp', 'Cơ sở', 'X-HOA-MINH', '', '', '', 'X-HOA-MINH-HL']);
    });
    const job = await preview(srv, u.admin, 'units', 'don-vi.xlsx', unitFile);
    expect((await rowsOf(u.admin, job.id, 'rejected')).items).toEqual([]);
    expect(job.counts).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 0 });
    expect((await confirm(u.admin, job.id)).state).toBe('done');
    const hamlet = await u.admin.get(`/api/v1/units?q=X-HOA-MINH-HL`);
    expect(hamlet.body.items).toEqual([expect.objectContaining({ code: 'X-HOA-MINH-HL', name: 'Ấp Hòa Lợi', kind: 'residential_group' })]);

    const userFile = await workbookBytes((book) => {
      const ws = book.addWorksheet('Người dùng');
      ws.addRow(USER_HEADERS);
      ws.addRow([
        'Phạm Thị Mai',
        'Cán bộ Văn phòng Đảng ủy',
        'Cán bộ đơn vị',
        'X-HOA-MINH',
        'X-HOA-MINH',
        'X-HOA-MINH',
        'Đang dùng',
        'mai.pt',
        PASSWORD,
      ]);
      ws.addRow(['Võ Văn Hùng', '', 'Cán bộ đơn vị', 'X-LONG-HOA', '', '', '', 'hung.vv', PASSWORD]);
    });
    const users = await preview(srv, u.admin, 'users', 'tai-khoan.xlsx', userFile);
    expect((await rowsOf(u.admin, users.id, 'rejected')).items).toEqual([]);
    expect(users.counts.create).toBe(2);
    // the preview never shows the password
    expect(JSON.stringify(await rowsOf(u.admin, users.id))).not.toContain(PASSWORD);
    expect((await confirm(u.admin, users.id)).state).toBe('done');

    const mai = await loggedIn(srv.baseUrl, 'mai.pt', PASSWORD);
    const me = await mai.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'mai.pt', fullName: 'Phạm Thị Mai', role: 'unit_officer' });
    expect(JSON.stringify(me.body.user)).toContain('Xã Hòa Minh');

    // importing the accounts again changes nothing; a weak password is refused with its reason
    expect((await preview(srv, u.admin, 'users', 'tai-khoan.xlsx', userFile)).counts).toMatchObject({ unchanged: 2, create: 0 });
    const weak = await workbookBytes((book) => {
      const ws = book.addWorksheet('Người dùng');
      ws.addRow(USER_HEADERS);
      ws.addRow(['Đỗ Văn An', '', 'Cán bộ đơn vị', 'X-LONG-HOA', '', '', '', 'an.dv', '12345678']);
    });
    const refused = await rowsOf(u.admin, (await preview(srv, u.admin, 'users', 'yeu.xlsx', weak)).id, 'rejected');
    expect(refused.items[0].problems[0].text).toMatch(/^Dòng 2, cột Mật khẩu ban đầu: mật khẩu yếu/);
  }, 120_000);

  it('an officer cannot create accounts by import: only administrators may', async () => {
    const file = await workbookBytes((book) => {
      const ws = book.addWorksheet('Người dùng');
      ws.addRow(USER_HEADERS);
      ws.addRow(['Trần Văn C', '', 'Cán bộ đơn vị', 'X29266', '', '', '', 'c.tv', PASSWORD]);
    });
    const job = await preview(srv, u.officer, 'users', 'tk.xlsx', file);
    expect(job.counts.rejected).toBe(1);
    expect((await rowsOf(u.officer, job.id, 'rejected')).items[0].problems[0].message).toContain('chỉ quản trị hệ thống');
  });
});

describe('export, edit one cell, import', () => {
  it('updates that one record and its audit row says it came from the import', async () => {
    const sheet = await u.officer.bytes(`/api/v1/units/xlsx?parentId=${units.commune}`);
    expect(sheet.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.body as never);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    const nameCol = header.indexOf('Tên đơn vị') + 1;
    const codeCol = header.indexOf('Mã đơn vị') + 1;
    let edited = 0;
    let total = 0;
    ws.eachRow((row, n) => {
      if (n <= 3) return;
      total += 1;
      if (row.getCell(codeCol).value === 'X29266-HPN') {
        row.getCell(nameCol).value = 'Hội Liên hiệp Phụ nữ xã (đã đổi tên)';
        edited += 1;
      }
    });
    expect(edited).toBe(1);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const job = await preview(srv, u.officer, 'units', 'don-vi-da-sua.xlsx', file);
    expect((await rowsOf(u.officer, job.id, 'rejected')).items.map((r) => r.problems)).toEqual([]);
    expect(job.counts).toEqual({ create: 0, update: 1, unchanged: total - 1, rejected: 0 });
    const [updated] = (await rowsOf(u.officer, job.id, 'update')).items;
    expect(updated.cells).toMatchObject({ code: 'X29266-HPN', name: 'Hội Liên hiệp Phụ nữ xã (đã đổi tên)' });
    expect((await confirm(u.officer, job.id)).rowsWritten).toBe(1);

    const unit = await u.officer.get(`/api/v1/units/${units.womenUnion}`);
    expect(unit.body.name).toBe('Hội Liên hiệp Phụ nữ xã (đã đổi tên)');
    const audit = await srv.db.rows<{ action: string; before: any; after: any; actor_name: string }>(
      `select action, before, after, actor_name from audit_log where entity_type = 'unit' and entity_id = $1 order by id desc limit 1`,
      [units.womenUnion],
    );
    expect(audit[0]).toMatchObject({
      action: 'unit.update',
      after: { name: 'Hội Liên hiệp Phụ nữ xã (đã đổi tên)', import: { importId: job.id, fileName: 'don-vi-da-sua.xlsx' } },
    });
    expect(audit[0]!.before.name).not.toBe('Hội Liên hiệp Phụ nữ xã (đã đổi tên)');
  }, 60_000);
});

describe('legacy encodings', () => {
  it('reads a TCVN3 (.VnTime) cell and a VNI cell as Unicode, shows the conversions, and writes Unicode', async () => {
    const tcvnTitle = toTCVN3('Mô hình “Tổ tự quản đường hoa” ấp Tân Hội', 'unicode');
    const file = await workbookBytes((book) => {
      const ws = book.addWorksheet('Mô hình');
      ws.addRow(['Mã đơn vị thực hiện', 'Tên mô hình, điển hình', 'Lĩnh vực', 'Năm', 'Trạng thái']);
      const row = ws.addRow(['X29266', tcvnTitle, 'Vaên hoùa – xaõ hoäi', 2019, 'Đã hoàn thành']);
      row.getCell(2).font = { name: '.VnTime' };
    });
    const job = await preview(srv, u.officer, 'registrations', 'ma-cu.xlsx', file);
    expect(job.counts).toMatchObject({ create: 1, rejected: 0 });
    expect(job.notes.join('\n')).toMatch(/TCVN3/);
    expect(job.notes.join('\n')).toMatch(/VNI/);
    const [row] = (await rowsOf(u.officer, job.id)).items;
    expect(row.cells).toMatchObject({ title: 'Mô hình “Tổ tự quản đường hoa” ấp Tân Hội', field: 'Văn hóa – xã hội' });
    expect(row.conversions).toEqual([
      { column: 'Tên mô hình, điển hình', from: 'tcvn3', before: tcvnTitle, after: 'Mô hình “Tổ tự quản đường hoa” ấp Tân Hội' },
      { column: 'Lĩnh vực', from: 'vni', before: 'Vaên hoùa – xaõ hoäi', after: 'Văn hóa – xã hội' },
    ]);
    await confirm(u.officer, job.id);
    const [reg] = await srv.db.rows<{ title: string; field_code: string }>(
      `select title, field_code from registration where title like '%Tổ tự quản đường hoa%'`,
    );
    expect(reg).toEqual({ title: 'Mô hình “Tổ tự quản đường hoa” ấp Tân Hội', field_code: 'cultural_social' });
  });

  it('reads a CSV saved by Vietnamese Windows (Windows-1258) and one in UTF-8', async () => {
    const lines = [
      'Mã đơn vị thực hiện;Tên mô hình, điển hình;Lĩnh vực;Năm;Trạng thái',
      'X29266;Mô hình dân vận khéo "Đường điện sáng";Kinh tế;2018;Đã hoàn thành',
    ];
    const bytes = cp1258(lines.join('\r\n'));
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(lines.join('\r\n'));
    const job = await preview(srv, u.officer, 'registrations', 'windows.csv', bytes);
    expect(job.notes.join('\n')).toContain('Windows-1258');
    const [row] = (await rowsOf(u.officer, job.id)).items;
    expect(row).toMatchObject({ action: 'create', cells: { title: 'Mô hình dân vận khéo "Đường điện sáng"', field: 'Kinh tế' } });
    const utf8 = await preview(srv, u.officer, 'registrations', 'utf8.csv', new TextEncoder().encode('\uFEFF' + lines.join('\n')));
    expect(utf8.notes.join('\n')).toContain('UTF-8');
    expect((await rowsOf(u.officer, utf8.id)).items[0].cells.title).toBe('Mô hình dân vận khéo "Đường điện sáng"');
  });
});

describe('scope and visibility', () => {
  it('a commune officer imports only inside their entry scope; others do not see the import', async () => {
    const file = await workbookBytes((book) => {
      const ws = book.addWorksheet('Mô hình');
      ws.addRow(['Mã đơn vị thực hiện', 'Tên mô hình, điển hình', 'Lĩnh vực', 'Năm', 'Trạng thái']);
      ws.addRow(['X29266-HPN', 'Mô hình “Chi hội phụ nữ tiết kiệm”', 'Kinh tế', 2020, 'Đã hoàn thành']);
      ws.addRow(['X29242-HND', 'Mô hình của xã khác', 'Kinh tế', 2020, 'Đã hoàn thành']);
      ws.addRow(['T86', 'Mô hình của tỉnh', 'Kinh tế', 2020, 'Đã hoàn thành']);
    });
    const job = await preview(srv, u.unit, 'registrations', 'xa.xlsx', file);
    expect(job.counts).toMatchObject({ create: 1, rejected: 2 });
    const rejected = (await rowsOf(u.unit, job.id, 'rejected')).items.map((r) => r.problems[0].text);
    expect(rejected[0]).toBe(
      "Dòng 3, cột Mã đơn vị thực hiện: không tìm thấy đơn vị 'X29242-HND' trong phạm vi của bạn (ghi mã đơn vị hoặc đường dẫn như 'Tỉnh … / Xã … / Hội …')",
    );
    expect(rejected[1]).toMatch(/^Dòng 4, cột Mã đơn vị thực hiện: /);
    // the other commune's farmers' union is named nowhere in the answer
    expect(JSON.stringify(await rowsOf(u.unit, job.id))).not.toContain('Hội Nông dân');

    for (const other of [u.officer, u.member, u.viewer]) {
      expect((await other.get(`/api/v1/imports/${job.id}`)).status).toBe(404);
      expect((await other.get(`/api/v1/imports/${job.id}/rows`)).status).toBe(404);
      expect((await other.post(`/api/v1/imports/${job.id}/confirm`)).status).toBe(404);
      expect((await other.get('/api/v1/imports')).body.items.map((j: any) => j.id)).not.toContain(job.id);
    }
    expect((await u.admin.get(`/api/v1/imports/${job.id}`)).status).toBe(200);
    expect((await u.unit.get('/api/v1/imports')).body.items[0].id).toBe(job.id);
    void units;
  });

  it('refuses a file that is neither .xlsx nor .csv, and a viewer without an entry scope', async () => {
    const xls = await sendImport(srv, u.officer, 'registrations', 'cu.xls', Buffer.from('not a workbook'));
    expect(xls.status).toBe(400);
    expect(xls.body.error.code).toBe('IMPORT_FILE_TYPE');
    const fake = await sendImport(srv, u.officer, 'registrations', 'gia.xlsx', Buffer.from('not a zip'));
    expect(fake.body.error.code).toBe('IMPORT_FILE_TYPE');
    const viewer = await sendImport(srv, u.viewer, 'registrations', 'a.xlsx', await workbookBytes((b) => void b.addWorksheet('x')));
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('IMPORT_NO_ENTRY_SCOPE');
  });
});
