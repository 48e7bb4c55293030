/**
 * Attachments on every record that carries papers: a Word or Excel document, a PDF or a photo is
 * accepted, typed by its content (a renamed ZIP or a program is refused in Vietnamese and leaves
 * nothing), and served only to those who see the record.
 */
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { loggedIn } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, unitId, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let outsider: Client;
const records = {} as Record<'registrations' | 'recognition-rounds' | 'proposals' | 'campaigns' | 'review-reports', string>;

let docx: Buffer;
let xlsx: Buffer;

async function upload(c: Client, path: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.baseUrl}/api/v1${path}`, {
    method: 'POST',
    body: form,
    headers: { cookie: c.cookie!, origin: srv.baseUrl },
  });
  return { status: res.status, body: await res.json() };
}
const count = async () => (await srv.db.pool.query<{ n: number }>('select count(*)::int as n from attachment')).rows[0]!.n;

useDemo(
  async (demo) => {
    ({ srv, u } = demo);
    const { womenUnion, commune, province } = demo.units;
    // records the Trà Vinh commune's reader cannot open: Càng Long's registration, round and report,
    // a proposal between them and the province, and a campaign still in draft
    const reg = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: 'Mô hình “Chi hội phụ nữ không có hộ nghèo”',
      fieldCode: 'economic',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ thoát nghèo', target: 10, unitOfMeasure: 'hộ' }],
    });
    records.registrations = reg.body.id;
    records['recognition-rounds'] = (
      await u.officer.post('/api/v1/recognition-rounds', { unitId: commune, title: 'Xét công nhận có biên bản' })
    ).body.id;
    records.proposals = (await u.officer.get('/api/v1/proposals?queue=incoming')).body.items[0].id;
    records.campaigns = (
      await u.officer.post('/api/v1/campaigns', {
        unitId: province,
        title: 'Phát động phong trào thi đua “Dân vận khéo” năm 2027',
        yearFrom: 2027,
        yearTo: 2027,
        startDate: '2027-01-15',
        endDate: '2027-12-31',
        focusThemes: [],
        quotas: [],
      })
    ).body.id;
    records['review-reports'] = (
      await u.unit.post('/api/v1/review-reports', {
        unitId: commune,
        kind: 'interim',
        yearFrom: 2026,
        yearTo: 2026,
        title: 'Sơ kết năm 2026',
        issuingBody: 'Ban Chỉ đạo xã Càng Long',
        place: 'Càng Long',
        reportDate: '2026-12-20',
      })
    ).body.id;
    for (const [k, v] of Object.entries(records)) if (!v) throw new Error(`no ${k}`);

    const otherCommune = await unitId(u.admin, 'X29242');
    await u.admin.post('/api/v1/users', {
      username: 'xem.travinh.dinhkem',
      fullName: 'Người xem Trà Vinh',
      role: 'viewer',
      unitId: otherCommune,
      entryUnitId: null,
      viewUnitId: otherCommune,
      password: 'Mat-khau-2026',
    });
    outsider = await loggedIn(srv.baseUrl, 'xem.travinh.dinhkem', 'Mat-khau-2026');

    docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch thực hiện mô hình')] }] }));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Danh sách').addRow(['Hộ', 'Số tiền']);
    xlsx = Buffer.from(await book.xlsx.writeBuffer());
  },
  { models: true },
);

describe('attachments', () => {
  it('a Word document is attached to every kind of record, listed with its category and served back whole', async () => {
    const writers: Record<keyof typeof records, [Client, string, string]> = {
      registrations: [u.unit, 'plan', 'Kế hoạch thực hiện'],
      'recognition-rounds': [u.officer, 'minutes', 'Biên bản họp xét'],
      proposals: [u.officer, 'submission', 'Tờ trình đề nghị'],
      campaigns: [u.officer, 'launch', 'Văn bản phát động'],
      'review-reports': [u.unit, 'signed', 'Báo cáo đã ký, đóng dấu'],
    };
    for (const [route, id] of Object.entries(records) as [keyof typeof records, string][]) {
      const [who, category, label] = writers[route];
      const r = await upload(who, `/${route}/${id}/attachments?category=${category}`, 'kế hoạch.docx', docx);
      expect(r.status, `${route}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body).toMatchObject({
        category,
        categoryLabel: label,
        fileName: 'kế hoạch.docx',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: docx.length,
      });
      const list = await who.get(`/api/v1/${route}/${id}/attachments`);
      expect(list.body, route).toMatchObject({ mayAttach: true });
      expect(list.body.items.map((a: any) => a.id)).toEqual([r.body.id]);
      const file = await fetch(`${srv.baseUrl}/api/v1/attachments/${r.body.id}`, { headers: { cookie: who.cookie! } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain('attachment;');
      expect(Buffer.from(await file.arrayBuffer()).equals(docx)).toBe(true);
    }
    const sheet = await upload(u.unit, `/registrations/${records.registrations}/attachments?category=signed_form`, 'danh-sach.xlsx', xlsx);
    expect(sheet.status).toBe(201);
    expect(sheet.body.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses a renamed ZIP and a program, in Vietnamese, and keeps nothing of them', async () => {
    const before = await count();
    const zip = await new JSZip().file('ghi-chu.txt', 'không phải tài liệu Word').generateAsync({ type: 'nodebuffer' });
    const renamed = await upload(u.unit, `/registrations/${records.registrations}/attachments`, 'ke-hoach.docx', zip);
    expect(renamed.status).toBe(415);
    expect(renamed.body.error.code).toBe('ARCHIVE_REFUSED');
    expect(renamed.body.error.message).toContain('"ke-hoach.docx" là tệp nén (ZIP), không phải tài liệu Word');
    // a ZIP holding a Word document's parts list but no document is not a Word document either
    const hollow = await new JSZip().file('[Content_Types].xml', '<Types/>').generateAsync({ type: 'nodebuffer' });
    expect((await upload(u.unit, `/registrations/${records.registrations}/attachments`, 'rong.docx', hollow)).status).toBe(415);
    const exe = await upload(
      u.unit,
      `/registrations/${records.registrations}/attachments`,
      'bien-ban.pdf',
      Buffer.from('MZ\x90\x00 this program cannot be run'),
    );
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('FILE_TYPE_REFUSED');
    expect(exe.body.error.message).toContain('"bien-ban.pdf" không phải ảnh');
    const category = await upload(u.unit, `/registrations/${records.registrations}/attachments?category=minutes`, 'a.docx', docx);
    expect(category.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('outside the record’s scope the record’s attachments and their files are not found; a reader may not attach', async () => {
    const first = (await u.officer.get(`/api/v1/review-reports/${records['review-reports']}/attachments`)).body.items[0];
    for (const route of Object.keys(records)) {
      const id = records[route as keyof typeof records];
      const list = await outsider.get(`/api/v1/${route}/${id}/attachments`);
      expect(list.status, route).toBe(404);
      const attached = (await u.admin.get(`/api/v1/${route}/${id}/attachments`)).body.items[0];
      const file = await fetch(`${srv.baseUrl}/api/v1/attachments/${attached.id}`, { headers: { cookie: outsider.cookie! } });
      expect(file.status, route).toBe(404);
      expect((await file.json()).error.code).toBe('NOT_FOUND');
      expect((await upload(outsider, `/${route}/${id}/attachments`, 'a.docx', docx)).status, route).toBe(404);
    }
    // the province's read-only leader sees the commune's report and its file, but may not attach
    const seen = await u.viewer.get(`/api/v1/review-reports/${records['review-reports']}/attachments`);
    expect(seen.body).toMatchObject({ mayAttach: false });
    expect((await fetch(`${srv.baseUrl}/api/v1/attachments/${first.id}`, { headers: { cookie: u.viewer.cookie! } })).status).toBe(200);
    expect((await upload(u.viewer, `/review-reports/${records['review-reports']}/attachments`, 'a.docx', docx)).status).toBe(403);
    const unknown = await fetch(`${srv.baseUrl}/api/v1/attachments/00000000-0000-4000-8000-000000000000`, {
      headers: { cookie: u.unit.cookie! },
    });
    expect(unknown.status).toBe(404);
  });
});
