/** Review reports (who writes, who reads, edits that collide) and list exports as background jobs. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';
import { docxText } from './papers-round.js';

let srv: TestServer;
let u: Users;
let commune: string, otherCommune: string, women: string;

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { commune, otherCommune, womenUnion: women },
  } = demo);
  for (let i = 0; i < 12; i++) {
    const d = await u.unit.post('/api/v1/registrations', {
      kind: i % 4 === 0 ? 'exemplar' : 'model',
      unitId: i % 2 ? women : commune,
      holder: 'collective',
      title: `Mô hình xuất Excel ${i + 1}`,
      fieldCode: i % 3 ? 'economic' : 'cultural_social',
      startDate: '2025-03-01',
      endDate: '2025-12-31',
      level: 'commune',
      plannedFundsVnd: 2_500_000,
      criteria: [{ name: 'Số hộ tham gia', target: 10 }],
    });
    expect(d.status).toBe(201);
    if (i < 10) expect((await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version })).status).toBe(200);
  }
});

const report = (over: Record<string, unknown> = {}) => ({
  unitId: commune,
  kind: 'interim',
  yearFrom: 2025,
  yearTo: 2025,
  title: 'Sơ kết phong trào “Dân vận khéo” năm 2025',
  parentBody: 'Đảng bộ xã Càng Long',
  issuingBody: 'Ban Chỉ đạo phong trào “Dân vận khéo” xã Càng Long',
  number: 'Số 07-BC/BCĐ',
  place: 'Càng Long',
  reportDate: '2025-12-20',
  ...over,
});

async function download(path: string, cookie: string) {
  const r = await fetch(srv.baseUrl + path, { headers: { cookie } });
  return {
    status: r.status,
    type: r.headers.get('content-type'),
    disposition: r.headers.get('content-disposition'),
    body: Buffer.from(await r.arrayBuffer()),
  };
}

describe('review reports', () => {
  it('the commune writes its report; figures come from its registrations; edits keep their version', async () => {
    const r = await u.unit.post('/api/v1/review-reports', report());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ unit: { name: 'Xã Càng Long' }, kind: 'interim', actions: ['update'], results: null });
    const figures = (await u.unit.get(`/api/v1/review-reports/${r.body.id}/figures`)).body;
    expect(figures.total).toMatchObject({ total: 10, models: 7, exemplars: 3, fundsVnd: 25_000_000 });
    expect(figures.byChild[0]).toMatchObject({ label: 'Xã Càng Long (trực tiếp)', total: 5 });
    expect(figures.byChild.find((l: any) => l.label === 'Hội Liên hiệp Phụ nữ Càng Long').total).toBe(5);

    const saved = await u.unit.patch(`/api/v1/review-reports/${r.body.id}`, {
      version: r.body.version,
      results: 'Đã có 10 mô hình đăng ký.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.results).toBe('Đã có 10 mô hình đăng ký.');
    const stale = await u.officer.patch(`/api/v1/review-reports/${r.body.id}`, { version: r.body.version, lessons: 'Ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await u.unit.get(`/api/v1/review-reports/${r.body.id}`)).body.lessons).toBeNull();

    const docx = await download(`/api/v1/review-reports/${r.body.id}/docx`, u.unit.cookie!);
    expect(docx.status).toBe(200);
    expect(docx.body.subarray(0, 2).toString()).toBe('PK'); // a zip, as .docx files are
    expect(docx.disposition).toMatch(/filename\*=UTF-8''.+\.docx/);
    const xlsx = await download(`/api/v1/review-reports/${r.body.id}/xlsx`, u.unit.cookie!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    expect(book.worksheets.length).toBeGreaterThan(1);
  });

  it('readers see reports of their subtree only; viewers and members do not write them', async () => {
    const other = await u.officer.post('/api/v1/review-reports', report({ unitId: otherCommune, title: 'Sơ kết của phường' }));
    expect(other.status).toBe(201);
    expect((await u.unit.get(`/api/v1/review-reports/${other.body.id}`)).status).toBe(404);
    expect((await u.unit.get(`/api/v1/review-reports/${other.body.id}/docx`)).status).toBe(404);
    const listed = (await u.unit.get('/api/v1/review-reports')).body.items.map((x: any) => x.title);
    expect(listed).not.toContain('Sơ kết của phường');
    expect((await u.officer.get('/api/v1/review-reports')).body.items.map((x: any) => x.title)).toContain('Sơ kết của phường');
    expect((await u.viewer.post('/api/v1/review-reports', report())).status).toBe(403);
    expect((await u.member.post('/api/v1/review-reports', report())).status).toBe(403);
    const viewerSees = await u.viewer.get(`/api/v1/review-reports/${other.body.id}`);
    expect(viewerSees.status).toBe(200);
    expect(viewerSees.body.actions).toEqual([]);
  });

  it('refuses a period that ends before it starts, and missing fields, in Vietnamese', async () => {
    const bad = await u.unit.post('/api/v1/review-reports', report({ yearFrom: 2026, yearTo: 2025 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'PERIOD_INVALID', message: 'Năm kết thúc phải sau hoặc bằng năm bắt đầu.' });
    const missing = await u.unit.post('/api/v1/review-reports', report({ issuingBody: '' }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect((await u.unit.get('/api/v1/review-reports')).body.total).toBe(1);
  });

  it('the officer writes the situation, the leadership and the recommendations; the report shows planned and achieved', async () => {
    // One registration inspected: what it mobilised is the report's achieved figure.
    const list = (await u.unit.get(`/api/v1/registrations?unitId=${commune}&states=submitted`)).body.items;
    const reg = (await u.unit.get(`/api/v1/registrations/${list[0].id}`)).body;
    const accepted = await u.officer.post(`/api/v1/registrations/${reg.id}/accept`, { version: reg.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const ins = await u.officer.post(`/api/v1/registrations/${reg.id}/inspections`, {
      inspectedOn: '2025-10-15',
      overall: 'on_track',
      fundsVnd: 1_800_000,
      workdays: 35,
      peopleReached: 420,
      criteria: [{ criterionId: reg.criteria[0].id, achieved: 8 }],
    });
    expect(ins.status, JSON.stringify(ins.body)).toBe(201);

    const r = await u.unit.post('/api/v1/review-reports', report({ situation: 'Xã có 8 ấp, 2.950 hộ.' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ situation: 'Xã có 8 ấp, 2.950 hộ.', leadership: null, recommendations: null });
    const saved = await u.unit.patch(`/api/v1/review-reports/${r.body.id}`, {
      version: r.body.version,
      leadership: 'Đảng ủy ban hành kế hoạch, phân công thành viên phụ trách từng ấp.',
      recommendations: 'Đề nghị cấp trên hỗ trợ kinh phí nhân rộng mô hình.',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const again = (await u.unit.get(`/api/v1/review-reports/${r.body.id}`)).body;
    expect(again).toMatchObject({
      situation: 'Xã có 8 ấp, 2.950 hộ.',
      leadership: 'Đảng ủy ban hành kế hoạch, phân công thành viên phụ trách từng ấp.',
      recommendations: 'Đề nghị cấp trên hỗ trợ kinh phí nhân rộng mô hình.',
    });

    const docx = await download(`/api/v1/review-reports/${r.body.id}/docx`, u.unit.cookie!);
    expect(docx.status).toBe(200);
    const t = await docxText(docx.body);
    const at = (s: string) => t.indexOf(s);
    expect(at('ĐẶC ĐIỂM TÌNH HÌNH')).toBeGreaterThanOrEqual(0);
    expect(at('ĐẶC ĐIỂM TÌNH HÌNH')).toBeLessThan(at('Xã có 8 ấp, 2.950 hộ.'));
    expect(at('Xã có 8 ấp')).toBeLessThan(at('1. Công tác lãnh đạo, chỉ đạo'));
    expect(at('1. Công tác lãnh đạo, chỉ đạo')).toBeLessThan(at('Đảng ủy ban hành kế hoạch'));
    expect(at('V. KIẾN NGHỊ, ĐỀ XUẤT')).toBeLessThan(at('Đề nghị cấp trên hỗ trợ kinh phí'));
    expect(t).toContain('kinh phí 25.000.000 đồng theo đăng ký, thực tế 1.800.000 đồng');
    expect(t).toContain('420 lượt người được tác động');
    expect(t).toContain('Kinh phí (đồng)\n25.000.000\n1.800.000');

    const xlsx = await download(`/api/v1/review-reports/${r.body.id}/xlsx`, u.unit.cookie!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.getWorksheet('Nguồn lực')!;
    expect(sheet.getRow(4).values).toEqual([undefined, 1, 'Kinh phí (đồng)', 25_000_000, 1_800_000]);
    expect(sheet.getRow(5).values).toEqual([undefined, 2, 'Ngày công', 0, 35]);
    expect(sheet.getRow(6).getCell(4).value).toBe(420);
  });

  it('the signer block keeps its lines: capacity and title print one a line in the .docx', async () => {
    const r = await u.unit.post(
      '/api/v1/review-reports',
      report({ signerTitle: 'T/M BAN CHỈ ĐẠO\r\nTRƯỞNG BAN  ', signerName: 'Nguyễn Văn Bình' }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.signerTitle).toBe('T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN');
    const docx = await download(`/api/v1/review-reports/${r.body.id}/docx`, u.unit.cookie!);
    expect(docx.status).toBe(200);
    const t = await docxText(docx.body);
    expect(t).toContain('\nT/M BAN CHỈ ĐẠO\nTRƯỞNG BAN\n');
    expect(t).not.toContain('T/M BAN CHỈ ĐẠO TRƯỞNG BAN');
    const bad = await u.unit.patch(`/api/v1/review-reports/${r.body.id}`, { version: r.body.version, signerTitle: 'TRƯỞNG\u0007BAN' });
    expect(bad.status).toBe(400);
  });
});

describe('exports', () => {
  it('exports the filtered list to Excel as a job with progress; the file has the list’s rows', async () => {
    const filter = { unitId: commune, fieldCode: 'economic', states: ['submitted'] };
    const list = await u.unit.get(`/api/v1/registrations?unitId=${commune}&fieldCode=economic&states=submitted`);
    const job = await u.unit.post('/api/v1/exports', { kind: 'registrations', filter });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    let state = job.body;
    for (let i = 0; i < 100 && (state.state === 'queued' || state.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await u.unit.get(`/api/v1/exports/${job.body.id}`)).body;
    }
    expect(state).toMatchObject({ state: 'done', progress: list.body.total, total: list.body.total });
    // another user cannot fetch someone else's export
    expect((await u.officer.get(`/api/v1/exports/${job.body.id}`)).status).toBe(404);
    const file = await download(`/api/v1/exports/${job.body.id}/file`, u.unit.cookie!);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    const sheet = book.worksheets[0]!;
    const titles: string[] = [];
    sheet.eachRow((row) => {
      const t = row.getCell(2).value;
      if (typeof t === 'string' && t.startsWith('Mô hình xuất Excel')) titles.push(t);
    });
    expect(titles.sort()).toEqual(list.body.items.map((x: any) => x.title).sort());
    expect(JSON.stringify(sheet.getRow(2).values)).toContain('Lĩnh vực: Kinh tế');
  });

  it('an export outside the view is refused before any job starts', async () => {
    const r = await u.unit.post('/api/v1/exports', { kind: 'registrations', filter: { unitId: otherCommune } });
    expect(r.status).toBe(404);
    const bad = await u.unit.post('/api/v1/exports', { kind: 'people', filter: {} });
    expect(bad.status).toBe(400);
  });
});
