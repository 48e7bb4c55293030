/** The printed review report (Word) and the Excel workbooks, read back as a user's software would. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReviewReportDocx, recipientLines } from '../../src/documents/review-report-docx.js';
import { buildTableWorkbook, reportFigureSheets, sanitiseSheetName, writeRowsWorkbook } from '../../src/documents/xlsx.js';
import { sampleFigures, sampleReport } from './report-sample.js';

async function documentXml(buf: Buffer): Promise<{ body: string; text: string; files: Record<string, string> }> {
  const zip = await JSZip.loadAsync(buf);
  const body = await zip.file('word/document.xml')!.async('string');
  const files: Record<string, string> = {};
  for (const name of ['word/styles.xml', 'docProps/core.xml', 'word/header1.xml', 'word/header2.xml']) {
    const f = zip.file(name);
    if (f) files[name] = await f.async('string');
  }
  // The text a reader sees, runs joined: Word may split a sentence across runs.
  const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { body, text, files };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

describe('review report as a Word document', () => {
  it('is a Party-format document: header, dateline, title, figures, signature', async () => {
    const buf = await buildReviewReportDocx(sampleReport, sampleFigures);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { body, text, files } = await documentXml(buf);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    const party = body.match(/<w:r>(?:(?!<\/w:r>).)*ĐẢNG CỘNG SẢN VIỆT NAM<\/w:t><\/w:r>/)?.[0] ?? '';
    expect(party).toContain('<w:b/>');
    expect(party).toContain('<w:u w:val="single"/>');
    expect(text).toContain('ĐẢNG BỘ XÃ CÀNG LONG');
    expect(text).toContain('BAN CHỈ ĐẠO PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”');
    expect(text).toContain('Số 12-BC/BCĐ');
    expect(text).toContain('Càng Long, ngày 23 tháng 11 năm 2020');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('(Giai đoạn 2016 – 2020)');
    expect(text).toContain('Tổng số mô hình, điển hình đã đăng ký: 4.110 (4.110 mô hình, 0 điển hình).');
    for (const n of ['575', '2.951', '267', '317', '3.562', '456', '71,8%']) expect(text).toContain(n);
    expect(text).toContain('Tổng cộng');
    for (const h of [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. BÀI HỌC KINH NGHIỆM',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
    ]) {
      expect(text).toContain(h);
    }
    // sections in their order, the figures before the officer's account of the results
    const at = (s: string) => text.indexOf(s);
    expect(at('I. KẾT QUẢ')).toBeLessThan(at('Bảng 1.'));
    expect(at('Bảng 1.')).toBeLessThan(at('Thực hiện Kế hoạch'));
    expect(at('Thực hiện Kế hoạch')).toBeLessThan(at('II. HẠN CHẾ'));
    expect(at('IV. PHƯƠNG HƯỚNG')).toBeLessThan(at('Nơi nhận'));
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Ban Dân vận Huyện ủy (b/c),');
    expect(text).toContain('- Lưu văn phòng.');
    expect(text).toContain('T/M BAN CHỈ ĐẠO');
    expect(text).toContain('TRƯỞNG BAN');
    expect(text).toContain('Nguyễn Văn Bình');
    // a year stays a year, never grouped like a count
    expect(text).toContain('2017');
    expect(text).not.toContain('2.017');
    // A4 with the Party margins, Times New Roman throughout
    const tag = (name: string) => body.match(new RegExp(`<w:${name} [^>]*>`))?.[0] ?? '';
    expect(tag('pgSz')).toMatch(/w:w="11906" w:h="16838"/);
    for (const [side, twips] of [
      ['top', 1134],
      ['bottom', 1134],
      ['left', 1701],
      ['right', 850],
    ])
      expect(tag('pgMar')).toContain(`w:${side}="${twips}"`);
    expect(tag('rFonts')).toContain('w:hAnsi="Times New Roman"');
    expect(body.match(/w:ascii="([^"]+)"/g)?.every((f) => f === 'w:ascii="Times New Roman"')).toBe(true);
    expect(files['word/styles.xml']).toContain('Times New Roman');
    expect(files['docProps/core.xml']).toContain('DVK');
    // a line of prose is one justified paragraph
    expect(body.includes('<w:jc w:val="both"/>')).toBe(true);
  });

  it('the usual sections of a review report in order, and planned beside achieved resources', async () => {
    const figures = {
      ...sampleFigures,
      total: { ...sampleFigures.total, inspected: 3120, achievedFundsVnd: 9_870_000_000, achievedWorkdays: 70_150, peopleReached: 48_300 },
    };
    const { text } = await documentXml(await buildReviewReportDocx(sampleReport, figures));
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      'ĐẶC ĐIỂM TÌNH HÌNH',
      'Xã Càng Long có 8 ấp',
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Công tác lãnh đạo, chỉ đạo',
      'Đảng ủy ban hành Nghị quyết chuyên đề',
      '2. Kết quả xây dựng mô hình, điển hình',
      'Tổng số mô hình, điển hình đã đăng ký',
      'Thực hiện Kế hoạch',
      'II. HẠN CHẾ VÀ NGUYÊN NHÂN',
      'IV. PHƯƠNG HƯỚNG',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
      'Đề nghị Ban Dân vận Huyện ủy hỗ trợ kinh phí',
      'Nơi nhận',
    ];
    for (let i = 1; i < order.length; i++) expect(at(order[i - 1]!), order[i]).toBeLessThan(at(order[i]!));
    // planned and achieved, in one sentence and side by side in the resources table
    expect(text).toContain(
      'Nguồn lực huy động: kinh phí 12.350.000.000 đồng theo đăng ký, thực tế 9.870.000.000 đồng; 86.420 ngày công theo đăng ký, thực tế 70.150 ngày công; 48.300 lượt người được tác động (thực tế theo lần kiểm tra gần nhất của 3.120 mô hình, điển hình).',
    );
    expect(text).toContain('Nguồn lực huy động theo đăng ký và thực tế đạt được (3120 mô hình, điển hình đã kiểm tra)');
    expect(text).toContain('Theo đăng kýThực tế đạt được');
    expect(text).toContain('Kinh phí (đồng)12.350.000.0009.870.000.000');
    expect(text).toContain('Ngày công86.42070.150');
  });

  it('prints a one-year period, a blank number to fill by hand and dotted lines for parts not written', async () => {
    const report = {
      ...sampleReport,
      yearFrom: 2024,
      yearTo: 2024,
      number: null,
      parentBody: null,
      lessons: null,
      directions: '  ',
      recipients: null,
      signerTitle: null,
      signerName: null,
    };
    const figures = { ...sampleFigures, yearFrom: 2024, yearTo: 2024, byChild: [], commendations: [], notable: [] };
    const { body, text } = await documentXml(await buildReviewReportDocx(report, figures));
    expect(text).toContain('(Năm 2024)');
    expect(text).not.toContain('Giai đoạn');
    expect(text).toMatch(/Số\s+-BC\/BCĐ/);
    expect(text).not.toContain('ĐẢNG BỘ XÃ CÀNG LONG');
    expect(text).toContain('T/M BAN CHỈ ĐẠO');
    expect(text).toContain('- Lưu văn phòng.');
    // empty lists are a sentence, not an empty table
    expect(text).toContain('Trong kỳ báo cáo chưa có mô hình, điển hình được khen thưởng.');
    expect(text).not.toContain('Hình thức khen thưởng');
    expect(text).not.toContain('theo đơn vị trực thuộc');
    expect(text).not.toContain('theo năm');
    // two empty parts, two dotted lines each
    expect(body.match(/w:leader="dot"/g)?.length).toBe(4);
  });

  it('as officers write it: long tables in an appendix after the signature, the level cut by collective and individual, the period not repeated', async () => {
    const report = { ...sampleReport, title: 'Tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2016 – 2020' };
    const figures = {
      ...sampleFigures,
      byLevelHolder: [
        { level: 'commune', label: 'Xã', collectives: 15, individuals: 8 },
        { level: 'grassroots', label: 'Cơ sở', collectives: 3, individuals: 0 },
      ],
    };
    const { text } = await documentXml(await buildReviewReportDocx(report, figures));
    expect(text).toContain('Theo cấp: 15 tập thể và 8 cá nhân ở cấp xã; 3 tập thể và 0 cá nhân ở cấp cơ sở.');
    expect(text).not.toContain('(Giai đoạn 2016 – 2020)');
    const signed = text.indexOf('Nguyễn Văn Bình');
    const appendix = text.indexOf('PHỤ LỤC');
    expect(appendix).toBeGreaterThan(signed);
    expect(text).toContain('(Kèm theo Báo cáo số 12-BC/BCĐ ngày 23/11/2020 của');
    // the unit table and the notable models are printed after the signature only
    expect(text.indexOf('Mô hình, điển hình theo đơn vị trực thuộc: xem Phụ lục kèm theo.')).toBeLessThan(signed);
    expect(text.lastIndexOf('Mô hình, điển hình theo đơn vị trực thuộc')).toBeGreaterThan(appendix);
    expect(text.indexOf(sampleFigures.notable[0]!.title)).toBeGreaterThan(appendix);
  });

  it('keeps the office copy the officer wrote, and tidies the dashes typed before each recipient', () => {
    expect(recipientLines('- Huyện ủy (b/c),\n\n+ Lưu VP.')).toEqual(['- Huyện ủy (b/c),', '- Lưu VP.']);
    expect(recipientLines(null)).toEqual(['- Lưu văn phòng.']);
  });
});

describe('Excel workbooks', () => {
  it('the report figures: one sheet a table, numbers stored as numbers adding up to the total', async () => {
    const wb = await load(await buildTableWorkbook(reportFigureSheets(sampleFigures)));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['Theo lĩnh vực', 'Tập thể, cá nhân', 'Theo cấp', 'Theo đơn vị', 'Công nhận', 'Khen thưởng', 'Tiêu biểu']),
    );
    const ws = wb.getWorksheet('Theo lĩnh vực')!;
    expect(ws.getCell('A1').value).toBe('MÔ HÌNH, ĐIỂN HÌNH THEO LĨNH VỰC');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain('Xã Càng Long');
    expect(ws.getRow(3).values).toEqual([undefined, 'STT', 'Lĩnh vực', 'Mô hình', 'Điển hình', 'Tổng số', 'Tỷ lệ']);
    expect(ws.getCell('C3').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBeTruthy();

    const totals: number[] = [];
    for (let r = 4; r <= 7; r++) {
      const v = ws.getRow(r).getCell(5).value;
      expect(typeof v).toBe('number');
      totals.push(v as number);
    }
    expect(totals).toEqual([575, 2951, 267, 317]);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(4110);
    expect(ws.getCell('E4').numFmt).toBe('#,##0');
    const total = ws.getRow(8);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(5).value).toBe(4110);
    expect(total.getCell(5).font?.bold).toBe(true);
    expect(ws.getCell('F5').value).toBeCloseTo(2951 / 4110, 6);

    const notable = wb.getWorksheet('Tiêu biểu')!;
    expect(notable.getCell('E4').value).toBe(2017);
    expect(notable.getCell('E4').numFmt).toBe('0');
  });

  it('the resources sheet puts planned and achieved side by side, as numbers', async () => {
    const figures = {
      ...sampleFigures,
      total: { ...sampleFigures.total, inspected: 3120, achievedFundsVnd: 9_870_000_000, achievedWorkdays: 70_150, peopleReached: 48_300 },
    };
    const wb = await load(await buildTableWorkbook(reportFigureSheets(figures)));
    const ws = wb.getWorksheet('Nguồn lực')!;
    expect(ws.getRow(3).values).toEqual([undefined, 'STT', 'Nội dung', 'Theo đăng ký', 'Thực tế đạt được']);
    expect(ws.getRow(4).values).toEqual([undefined, 1, 'Kinh phí (đồng)', 12_350_000_000, 9_870_000_000]);
    expect(ws.getRow(5).values).toEqual([undefined, 2, 'Ngày công', 86_420, 70_150]);
    expect(ws.getRow(6).getCell(2).value).toBe('Lượt người được tác động');
    expect(ws.getRow(6).getCell(4).value).toBe(48_300);
  });

  it('an empty list says so in the sheet instead of a row of zeros', async () => {
    const sheets = reportFigureSheets({ ...sampleFigures, commendations: [] });
    const wb = await load(await buildTableWorkbook(sheets));
    const ws = wb.getWorksheet('Khen thưởng')!;
    expect(ws.getCell('B4').value).toBe('Trong kỳ báo cáo chưa có mô hình, điển hình được khen thưởng.');
    expect(ws.rowCount).toBe(4);
  });

  it('sheet names are made acceptable to Excel', async () => {
    expect(sanitiseSheetName('Lĩnh vực: Kinh tế / Văn hóa [2016*2020]?')).toBe('Lĩnh vực Kinh tế Văn hóa 2016 2');
    expect(sanitiseSheetName('Lĩnh vực: Kinh tế / Văn hóa [2016*2020]?').length).toBeLessThanOrEqual(31);
    expect(sanitiseSheetName("'Báo cáo'")).toBe('Báo cáo');
    expect(sanitiseSheetName('  ')).toBe('Trang tính');
    expect(sanitiseSheetName('Theo năm', ['theo NĂM'])).toBe('Theo năm (2)');
    const wb = await load(
      await buildTableWorkbook([
        { name: 'A/B', title: 'Một', columns: [{ header: 'Tên', key: 'a' }], rows: [{ a: 'x' }] },
        { name: 'A:B', title: 'Hai', columns: [{ header: 'Tên', key: 'a' }], rows: [{ a: 'y' }] },
      ]),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['A B', 'A B (2)']);
  });

  it('dates are written dd/mm/yyyy as text', async () => {
    const wb = await load(
      await buildTableWorkbook([
        {
          name: 'Ngày',
          title: 'Ngày',
          subtitle: 'Lọc: không',
          columns: [
            { header: 'Bắt đầu', key: 'start', kind: 'date' },
            { header: 'Kinh phí', key: 'funds', kind: 'number' },
          ],
          rows: [
            { start: '2026-03-01', funds: 2_500_000 },
            { start: null, funds: null },
          ],
        },
      ]),
    );
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A4').value).toBe('01/03/2026');
    expect(ws.getCell('B4').value).toBe(2_500_000);
    expect(ws.getCell('A5').value).toBeNull();
  });

  describe('a long list written as a stream', () => {
    const dir = path.join(os.tmpdir(), `dvk-xlsx-${process.pid}`);
    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('writes every row, reports progress and ends with the count', async () => {
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, 'list.xlsx');
      const n = 2_345;
      async function* rows() {
        for (let i = 1; i <= n; i++) yield { no: i, title: `Mô hình số ${i}`, year: 2016 + (i % 5), start: '2020-01-15', funds: i * 1000 };
      }
      const seen: number[] = [];
      const written = await writeRowsWorkbook(
        file,
        {
          name: 'Mô hình, điển hình',
          title: 'DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH',
          subtitle: 'Lĩnh vực: Kinh tế',
          columns: [
            { header: 'STT', key: 'no', kind: 'number', width: 6 },
            { header: 'Tên mô hình, điển hình', key: 'title', width: 40 },
            { header: 'Năm', key: 'year', kind: 'number' },
            { header: 'Bắt đầu', key: 'start', kind: 'date' },
            { header: 'Kinh phí', key: 'funds', kind: 'number' },
          ],
        },
        rows(),
        (k) => {
          seen.push(k);
        },
      );
      expect(written).toBe(n);
      expect(seen).toEqual([1000, 2000, n]);

      const ws = (await load(await fs.readFile(file))).worksheets[0]!;
      expect(ws.name).toBe('Mô hình, điển hình');
      expect(ws.getCell('A1').value).toBe('DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH');
      expect(ws.getCell('A2').value).toBe('Lĩnh vực: Kinh tế');
      expect(ws.getCell('B3').value).toBe('Tên mô hình, điển hình');
      expect(ws.getCell('B4').value).toBe('Mô hình số 1');
      expect(ws.getCell(`B${3 + n}`).value).toBe(`Mô hình số ${n}`);
      expect(ws.getCell(`E${3 + n}`).value).toBe(n * 1000);
      expect(ws.getCell('E4').numFmt).toBe('#,##0');
      // ordinals and years keep plain digits
      expect(ws.getCell('C4').numFmt).toBe('0');
      expect(ws.getCell('D4').value).toBe('15/01/2020');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    });

    it('a source that fails midway leaves no half-written file', async () => {
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, 'broken.xlsx');
      async function* rows() {
        for (let i = 1; i <= 3; i++) yield { title: `Mô hình ${i}` };
        throw new Error('mất kết nối cơ sở dữ liệu');
      }
      await expect(
        writeRowsWorkbook(file, { name: 'Danh sách', title: 'DANH SÁCH', columns: [{ header: 'Tên', key: 'title' }] }, rows()),
      ).rejects.toThrow('mất kết nối');
      await expect(fs.access(file)).rejects.toThrow();
    });
  });
});
