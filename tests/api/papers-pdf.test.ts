/**
 * The papers as printed: every document of a demo-like round converted to PDF in one LibreOffice
 * call, read back with pdftotext, and its first page rendered with pdftoppm (kept under
 * DVK_PAPERS_PNG_DIR when set, to be looked at). The certificate's printed QR code is scanned.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsqrModule from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { docxToPdf } from '../../src/services/papers/pdf.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';
import { TITLES, demoRound, paperBody } from './papers-round.js';

const run = promisify(execFile);
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsqrModule as unknown as { default?: Decode }).default ?? (jsqrModule as unknown as Decode);

let srv: TestServer;
let u: Users;
let round: { id: string };
let models: { id: string }[];
let womenUnion: string;

useDemo(async (demo) => {
  ({ srv, u } = demo);
  womenUnion = demo.units.womenUnion;
  ({ round, models } = await demoRound(u, demo.units.province, demo.units.womenUnion));
});

describe('papers as PDF', () => {
  it('every paper converts; names, votes, numbers and dates are on the page; the printed QR code opens the verification page', async () => {
    const issue = async (c: typeof u.officer, body: Record<string, unknown>) => {
      const r = await c.post('/api/v1/papers', paperBody(body));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    // A fresh nominee published for the people's opinion (the demo round decided its three).
    const d = await u.unit.post('/api/v1/registrations', {
      kind: 'exemplar',
      unitId: womenUnion,
      holder: 'individual',
      personName: 'Thạch Thị Sa Rươl',
      title: 'Điển hình vận động đồng bào Khmer giữ gìn an ninh',
      fieldCode: 'cultural_social',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ đồng bào được vận động', target: 40, unitOfMeasure: 'hộ' }],
    });
    const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version });
    await u.officer.post(`/api/v1/recognition-rounds/${round.id}/candidates`, { registrationId: d.body.id });
    // No list is printed before the round publishes one.
    const early = await u.officer.post('/api/v1/papers', paperBody({ kind: 'nominees', roundId: round.id }));
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'PAPER_NO_NOTICE', message: expect.stringContaining('chưa công khai') });
    const pub = await u.officer.post(`/api/v1/recognition-rounds/${round.id}/notices`, { days: 10 });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    const notice = pub.body.items[0];
    const vnDay = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });

    const papers = {
      registration_form: await issue(u.unit, {
        kind: 'registration_form',
        registrationId: models[0]!.id,
        autoNumber: true,
        issuedOn: '2026-01-05',
        parentBody: 'Hội Liên hiệp Phụ nữ tỉnh Vĩnh Long',
        signer: { capacity: 'T/M BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Lê Thị Mai' },
      }),
      minutes: await issue(u.officer, {
        kind: 'minutes',
        roundId: round.id,
        autoNumber: true,
        issuedOn: '2026-11-18',
        secretary: 'Phạm Thu Trang',
      }),
      decision: await issue(u.officer, { kind: 'decision', roundId: round.id, parentBody: 'Tỉnh ủy Vĩnh Long' }),
      proposal: await issue(u.officer, {
        kind: 'proposal',
        roundId: round.id,
        autoNumber: true,
        issuedOn: '2026-11-25',
        sentTo: 'Ban Thường vụ Tỉnh ủy',
      }),
      certificate: await issue(u.officer, {
        kind: 'certificate',
        roundId: round.id,
        registrationId: models[0]!.id,
        autoNumber: true,
        issuedOn: '2026-11-28',
      }),
      nominees: await issue(u.officer, { kind: 'nominees', roundId: round.id, autoNumber: true }),
    };
    const kinds = Object.keys(papers) as (keyof typeof papers)[];
    const docx = await Promise.all(kinds.map(async (k) => (await u.officer.bytes(`/api/v1/papers/${papers[k].id}/docx`)).body));
    const pdfs = await docxToPdf(docx); // one LibreOffice call for all
    const dir = process.env.DVK_PAPERS_PNG_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'dvk-papers-')));
    await fs.mkdir(dir, { recursive: true });
    const texts: Record<string, string> = {};
    for (const [i, k] of kinds.entries()) {
      const file = path.join(dir, `${k}.pdf`);
      await fs.writeFile(file, pdfs[i]!);
      texts[k] = (await run('pdftotext', ['-layout', file, '-'])).stdout;
      await run('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, k)]);
      const meta = await sharp(path.join(dir, `${k}.png`)).metadata();
      // A4 upright, and the certificate A4 across.
      if (k === 'certificate') expect(meta.width!).toBeGreaterThan(meta.height!);
      else expect(meta.height!).toBeGreaterThan(meta.width!);
      const fonts = (await run('pdffonts', [file])).stdout;
      expect(fonts, k).toMatch(/Times|Liberation ?Serif/i);
    }
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(texts.registration_form!)).toContain('PHIẾU ĐĂNG KÝ');
    expect(flat(texts.registration_form!)).toContain('Số 1-PĐK');
    expect(flat(texts.registration_form!)).toContain('Lê Thị Mai');
    expect(flat(texts.minutes!)).toContain('Số 1-BB/BCĐ');
    expect(flat(texts.minutes!)).toContain('ngày 18 tháng 11 năm 2026');
    expect(flat(texts.minutes!)).toContain('3 tán thành');
    expect(flat(texts.minutes!)).toContain('Nguyễn Thị Thu Hà');
    expect(flat(texts.minutes!)).toContain('Phạm Thu Trang');
    expect(flat(texts.decision!)).toContain('Số 125-QĐ/BCĐ');
    expect(flat(texts.decision!)).toContain('ngày 20 tháng 11 năm 2026');
    expect(flat(texts.decision!)).toContain('DANH SÁCH');
    expect(flat(texts.decision!)).toContain('Xóm đạo bình yên');
    expect(flat(texts.proposal!)).toContain('Số 1-TTr/BCĐ');
    expect(flat(texts.proposal!)).toContain('Nguyễn Văn Hòa');
    expect(flat(texts.certificate!)).toContain('GIẤY CHỨNG NHẬN');
    expect(flat(texts.certificate!)).toContain(TITLES[0]!.replace(/^Mô hình /, ''));
    expect(flat(texts.certificate!)).toContain(papers.certificate.verification.code);
    const nominees = flat(texts.nominees!);
    expect(nominees).toContain('THÔNG BÁO');
    expect(nominees).toContain('Số 1-TB/BCĐ');
    expect(nominees).toContain('Thạch Thị Sa Rươl');
    expect(nominees).toContain('Điển hình vận động đồng bào Khmer'); // the table's cells wrap in the layout
    expect(nominees).toContain(`từ ngày ${vnDay(notice.opensAt)} đến ngày ${vnDay(notice.closesAt)}`);
    expect(nominees.replace(/ /g, '')).toContain(new URL(papers.certificate.verification.url).origin + notice.url);
    for (const t of TITLES) expect(nominees).not.toContain(t); // decided already: not a nominee
    for (const k of kinds) expect(texts[k], k).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');

    // The QR code as printed: the rendered page, read at 200 dpi.
    await run('pdftoppm', ['-png', '-r', '200', '-singlefile', path.join(dir, 'certificate.pdf'), path.join(dir, 'certificate-200')]);
    const { data, info } = await sharp(path.join(dir, 'certificate-200.png')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const qr = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(qr?.data).toBe(papers.certificate.verification.url);
    const page = await fetch(srv.baseUrl + new URL(qr!.data).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Giấy chứng nhận còn hiệu lực.');
    // LibreOffice's first start on a fresh machine builds its profile and font cache: a minute or more on 2 cores.
  }, 240_000);
});
