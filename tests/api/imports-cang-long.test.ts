/**
 * Acceptance of the import: the Càng Long district's models of 2016–2020 (4,110: economic 575,
 * cultural–social 2,951, defence–security 267, political system 317) arrive in ONE workbook of
 * three sheets written three ways (merged titles, blank rows, units by path or code, field names
 * with variants, years, Excel dates, text dates and months, amounts with dots), the decisions of
 * 2019 with them. The statistics then show exactly the published figures; importing the file again
 * writes nothing; a copy with 12 bad rows is refused whole, and its error sheet marks those rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { TestServer } from '../support/server.js';
import { startDemo, type Users } from './helpers.js';
import { confirm, preview, rowsOf, workbookBytes } from './imports-support.js';

let srv: TestServer;
let u: Users;
let district: string;

const PUBLISHED = { economic: 575, cultural_social: 2951, defence_security: 267, political_system: 317 } as const;
const TOTAL = 4110;
const COMMUNES = [
  'Thị trấn Càng Long',
  'Xã An Trường',
  'Xã An Trường A',
  'Xã Bình Phú',
  'Xã Đại Phúc',
  'Xã Đại Phước',
  'Xã Đức Mỹ',
  'Xã Huyền Hội',
  'Xã Mỹ Cẩm',
  'Xã Nhị Long',
  'Xã Nhị Long Phú',
  'Xã Phương Thạnh',
  'Xã Tân An',
  'Xã Tân Bình',
];
const AGENCIES = ['Ban Dân vận Huyện ủy Càng Long', 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện Càng Long', 'Hội Nông dân huyện Càng Long'];
const UNITS = [...COMMUNES, ...AGENCIES];
const code = (i: number) => `H-CANGLONG-${String(i + 1).padStart(2, '0')}`;
const VARIANTS: Record<string, string[]> = {
  economic: ['Kinh tế', 'KINH TẾ', 'KT', 'Phát triển kinh tế'],
  cultural_social: ['Văn hoá - Xã hội', 'VH-XH', 'Văn hóa – xã hội', 'văn hoá, xã hội'],
  defence_security: ['QP-AN', 'Quốc phòng - An ninh', 'Quốc phòng – an ninh'],
  political_system: ['Xây dựng HTCT', 'Xây dựng hệ thống chính trị', 'XDHTCT'],
};
const FIELDS = Object.entries(PUBLISHED).flatMap(([c, n]) => Array<string>(n).fill(c));
const title = (i: number) => `Mô hình “Dân vận khéo” số ${i + 1}`;
const yearOf = (i: number) => 2016 + (i % 5);
const isAgency = (i: number) => i % UNITS.length >= COMMUNES.length;

/** Twelve ways a row goes wrong, each on its own row; the column each one names. */
const BAD: { row: number; column: string; contains: string }[] = [];

function buildWorkbook(book: ExcelJS.Workbook, spoil: boolean) {
  const variant = (i: number) => VARIANTS[FIELDS[i]!]![i % VARIANTS[FIELDS[i]!]!.length]!;
  const spoilt = new Map<number, (cells: Record<string, unknown>) => void>();
  if (spoil) {
    const ways: [string, (c: Record<string, unknown>) => void][] = [
      ['Lĩnh vực', (c) => (c.field = 'Văn hoá xã hộii')],
      ['Lĩnh vực', (c) => (c.field = 'Môi trường')],
      ['Đơn vị', (c) => (c.unit = 'Huyện Càng Long / Xã Không Có')],
      ['Năm', (c) => (c.year = 'năm ngoái')],
      ['Kinh phí', (c) => (c.funds = 'nhiều')],
      ['Ngày bắt đầu', (c) => (c.start = '31/02/2018')],
      ['Ngày kết thúc', (c) => (c.end = 'sau này')],
      ['Họ tên cá nhân', (c) => ((c.holder = 'Cá nhân'), (c.person = ''))],
      ['Trạng thái', (c) => (c.state = 'Đang chờ cấp trên')],
      ['Ngày quyết định công nhận', (c) => ((c.recNo = '216-QĐ/BCĐ'), (c.recDate = '11/2019'))],
      ['Hình thức khen thưởng', (c) => (c.form = 'Huân chương')],
      ['Lĩnh vực thực hiện', (c) => (c.field = '')],
    ];
    // Spread over the three sheets: rows of 2016–2017, 2018–2019 and 2020 as each way needs.
    const pick = [0, 10, 20, 30, 40, 2, 7, 3, 13, 3 + 5 * 40, 8 + 5 * 50, 4 + 5 * 60];
    ways.forEach(([column, fn], k) => {
      spoilt.set(pick[k]!, fn);
      BAD.push({ row: pick[k]!, column, contains: '' });
    });
  }
  const cellsOf = (i: number) => {
    const c: Record<string, unknown> = {
      unit: `Huyện Càng Long / ${UNITS[i % UNITS.length]}`,
      title: title(i),
      field: variant(i),
      year: yearOf(i),
      funds: i % 3 === 0 ? '150.000.000' : 150000000,
      person: i % 10 === 9 ? `Hội viên số ${i}` : '',
      holder: i % 10 === 9 ? 'Cá nhân' : 'Tập thể',
      start: new Date(Date.UTC(yearOf(i), 2, 1)),
      end: new Date(Date.UTC(yearOf(i), 11, 31)),
      state: '',
      recNo: '',
      recDate: '',
      form: '',
    };
    spoilt.get(i)?.(c);
    return c;
  };

  // 2016–2017: a merged title, a blank row, headers a district office typed, units by path, years.
  const a = book.addWorksheet('2016-2017');
  a.mergeCells('A1:G1');
  a.getCell('A1').value = 'DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" HUYỆN CÀNG LONG NĂM 2016 – 2017';
  a.addRow([]);
  a.addRow(['STT', 'Đơn vị', 'Tên mô hình', 'Lĩnh vực', 'Năm', 'Kinh phí', 'Tình trạng', 'Tập thể / cá nhân', 'Họ và tên']);
  let n = 0;
  for (let i = 0; i < TOTAL; i++) {
    if (yearOf(i) > 2017) continue;
    const c = cellsOf(i);
    if (++n % 100 === 0) a.addRow([]);
    a.addRow([n, c.unit, c.title, c.field, c.year, c.funds, c.state || 'Đã hoàn thành', c.holder, c.person]);
    if (spoil && spoilt.has(i)) BAD.find((b) => b.row === i)!.contains = `Dòng ${a.rowCount}`;
  }
  // 2018–2019: the shared template's headers, units by code, Excel dates; 2019 came with decisions.
  const b = book.addWorksheet('2018-2019');
  b.addRow(['DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH "DÂN VẬN KHÉO"']);
  b.addRow(['Giai đoạn 2018 – 2019']);
  b.addRow([
    'Loại',
    'Tên mô hình, điển hình',
    'Mã đơn vị thực hiện',
    'Tập thể / cá nhân',
    'Họ tên cá nhân',
    'Lĩnh vực',
    'Cấp',
    'Ngày bắt đầu',
    'Ngày kết thúc',
    'Trạng thái',
    'Số quyết định công nhận',
    'Ngày quyết định công nhận',
    'Hình thức khen thưởng',
  ]);
  for (let i = 0; i < TOTAL; i++) {
    const y = yearOf(i);
    if (y < 2018 || y > 2019) continue;
    const c = cellsOf(i);
    const decided = y === 2019 && !c.state;
    b.addRow([
      'Mô hình',
      c.title,
      code(i % UNITS.length),
      c.holder,
      c.person,
      c.field,
      isAgency(i) ? 'Huyện' : 'Xã',
      c.start,
      c.end,
      c.state || (decided ? '' : 'Đang thực hiện'),
      c.recNo || (decided ? '215-QĐ/BCĐ' : ''),
      c.recDate || (decided ? new Date(Date.UTC(2019, 10, 12)) : ''),
      c.form || (decided ? 'Giấy khen' : ''),
    ]);
    if (spoil && spoilt.has(i)) BAD.find((x) => x.row === i)!.contains = `Dòng ${b.rowCount}`;
  }
  // 2020: headers with variants, text dates and a month, units by code, amounts as text.
  const c3 = book.addWorksheet('2020');
  c3.addRow([
    'Mã đơn vị',
    'Tên mô hình, điển hình',
    'Lĩnh vực thực hiện',
    'Từ ngày',
    'Đến ngày',
    'Kinh phí dự kiến (đồng)',
    'Trạng thái',
    'Đối tượng khen',
    'Cá nhân',
  ]);
  for (let i = 0; i < TOTAL; i++) {
    if (yearOf(i) !== 2020) continue;
    const c = cellsOf(i);
    c3.addRow([
      code(i % UNITS.length),
      c.title,
      c.field,
      i % 2 ? '03/2020' : '01/3/2020',
      '31/12/2020',
      c.funds,
      c.state || 'Chờ thẩm định',
      c.holder,
      c.person,
    ]);
    if (spoil && spoilt.has(i)) BAD.find((x) => x.row === i)!.contains = `Dòng ${c3.rowCount}`;
  }
}

beforeAll(async () => {
  const demo = await startDemo();
  ({ srv, u } = demo);
  const d = await u.officer.post('/api/v1/units', {
    parentId: demo.units.province,
    code: 'H-CANGLONG',
    name: 'Huyện Càng Long',
    kind: 'district',
    level: 'district',
    validFrom: '2016-01-01',
  });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  district = d.body.id;
  for (const [i, name] of UNITS.entries()) {
    const agency = i >= COMMUNES.length;
    const c = await u.officer.post('/api/v1/units', {
      parentId: district,
      code: code(i),
      name,
      kind: agency ? 'party' : 'commune',
      level: agency ? 'district' : 'commune',
      validFrom: '2016-01-01',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await srv?.close();
});

async function byField() {
  const s = await u.officer.get(`/api/v1/stats?unitId=${district}&groupBy=field&yearFrom=2016&yearTo=2020`);
  expect(s.status).toBe(200);
  return { total: s.body.total.count, fields: Object.fromEntries(s.body.rows.map((r: any) => [r.keys.field, r.count])) };
}

describe('Càng Long 2016–2020 in one import', () => {
  let file: Buffer;

  it('previews every row as new, writes them in one go, and the statistics show the published figures', async () => {
    file = await workbookBytes((b) => buildWorkbook(b, false));
    const job = await preview(srv, u.officer, 'registrations', 'Cang Long 2016-2020.xlsx', file);
    expect(job.state, JSON.stringify(job)).toBe('ready');
    const rejected = await rowsOf(u.officer, job.id, 'rejected');
    expect(rejected.items.flatMap((r) => r.problems.map((p: any) => p.text))).toEqual([]);
    expect(job).toMatchObject({
      rowsRead: TOTAL,
      rowsChecked: TOTAL,
      counts: { create: TOTAL, update: 0, unchanged: 0, rejected: 0 },
      canConfirm: true,
    });
    expect(job.notes).toEqual(expect.arrayContaining(["Đã đọc trang '2016-2017'", "Đã đọc trang '2018-2019'", "Đã đọc trang '2020'"]));
    // nothing is written before the confirmation
    expect((await byField()).total).toBe(0);

    const done = await confirm(u.officer, job.id);
    expect(done).toMatchObject({ state: 'done', rowsWritten: TOTAL });
    expect(await byField()).toEqual({ total: TOTAL, fields: { ...PUBLISHED, other: 0 } });
  }, 600_000);

  it('a model of 2019 arrives recognised and commended by its decisions, and its timeline says it was imported', async () => {
    const i = [...Array(TOTAL).keys()].find((k) => yearOf(k) === 2019)!;
    const [reg] = await srv.db.rows<{ id: string }>('select id from registration where title = $1', [title(i)]);
    const r = await u.officer.get(`/api/v1/registrations/${reg!.id}`);
    expect(r.body).toMatchObject({ state: 'recognised', year: 2019, criteria: [] });
    expect(r.body.timeline).toHaveLength(1);
    expect(r.body.timeline[0]).toMatchObject({ transition: 'import', toState: 'recognised', actorName: expect.any(String) });
    expect(r.body.timeline[0].reason).toContain('Nhập từ tệp "Cang Long 2016-2020.xlsx"');
    expect(r.body.timeline[0].reason).toContain('215-QĐ/BCĐ ngày 12/11/2019');
    const comm = await u.officer.get(`/api/v1/registrations/${reg!.id}/commendations`);
    expect(comm.body).toEqual([expect.objectContaining({ decisionNo: '215-QĐ/BCĐ', decisionDate: '2019-11-12' })]);
    // no inspection, no vote, no criterion was invented
    const [counts] = await srv.db.rows<{ votes: number; inspections: number; criteria: number; recognised: number }>(
      `select (select count(*) from recognition_vote where registration_id = $1)::int as votes,
              (select count(*) from inspection where registration_id = $1)::int as inspections,
              (select count(*) from registration_criterion where registration_id = $1)::int as criteria,
              (select count(*) from recognition_candidate where registration_id = $1 and result = 'recognised' and decision_no = '215-QĐ/BCĐ')::int as recognised`,
      [reg!.id],
    );
    expect(counts).toEqual({ votes: 0, inspections: 0, criteria: 0, recognised: 1 });
    const s = await u.officer.get(`/api/v1/stats?unitId=${district}&year=2019&recognised=true&commended=true`);
    expect(s.body.total.count).toBe(FIELDS.filter((_, k) => yearOf(k) === 2019).length);
  });

  it('importing the same file again finds every row unchanged and writes nothing', async () => {
    const before = (await srv.db.rows<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
    const job = await preview(srv, u.officer, 'registrations', 'Cang Long 2016-2020.xlsx', file);
    expect(job.counts).toEqual({ create: 0, update: 0, unchanged: TOTAL, rejected: 0 });
    const done = await confirm(u.officer, job.id);
    expect(done).toMatchObject({ state: 'done', rowsWritten: 0 });
    const after = (await srv.db.rows<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
    expect(after).toBe(before);
    expect(await byField()).toEqual({ total: TOTAL, fields: { ...PUBLISHED, other: 0 } });
  }, 600_000);

  it('a copy with 12 bad rows is refused whole with 12 row errors, writes nothing, and its error sheet marks them', async () => {
    const bad = await workbookBytes((b) => buildWorkbook(b, true));
    const job = await preview(srv, u.officer, 'registrations', 'Cang Long co loi.xlsx', bad);
    expect(job.counts.rejected).toBe(12);
    expect(job.canConfirm).toBe(false);
    const rejected = await rowsOf(u.officer, job.id, 'rejected');
    expect(rejected.total).toBe(12);
    const texts = rejected.items.map((r) => r.problems.map((p: any) => p.text).join(' | '));
    for (const b of BAD)
      expect(
        texts.some((t) => t.startsWith(b.contains) && t.includes(`cột ${b.column}`)),
        `${b.contains} ${b.column}: ${texts.join('\n')}`,
      ).toBe(true);
    expect(texts.join('\n')).toContain("cột Lĩnh vực: 'Văn hoá xã hộii' không có trong danh mục lĩnh vực; có phải 'Văn hóa – xã hội'?");

    const refused = await u.officer.post(`/api/v1/imports/${job.id}/confirm`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
    expect(refused.body.error.message).toContain('12 dòng lỗi');
    expect(await byField()).toEqual({ total: TOTAL, fields: { ...PUBLISHED, other: 0 } });

    const sheet = await u.officer.bytes(`/api/v1/imports/${job.id}/errors.xlsx`);
    expect(sheet.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.body as never);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const errCol = header.indexOf('Lỗi cần sửa') + 1;
    let red = 0;
    let notes = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const reason = String(row.getCell(errCol).value ?? '');
      if (reason) red += 1;
      row.eachCell((cell) => {
        if (cell.note) notes += 1;
      });
    });
    expect(ws.rowCount - 1).toBe(TOTAL);
    expect(red).toBe(12);
    expect(notes).toBeGreaterThanOrEqual(12);
    const fieldCell = header.indexOf('Lĩnh vực') + 1;
    let suggested = false;
    ws.eachRow((row) => {
      const c = row.getCell(fieldCell);
      if (c.value === 'Văn hoá xã hộii')
        suggested = String(JSON.stringify(c.note)).includes('Văn hóa – xã hội') && (c.fill as any)?.fgColor?.argb === 'FFFFC7CE';
    });
    expect(suggested).toBe(true);
  }, 600_000);
});
