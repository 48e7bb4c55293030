/**
 * The papers officers sign, built from a demo-like round: what each says, how DVK numbers them,
 * and the certificate's verification page.
 */
import { randomBytes } from 'node:crypto';
import jsqrModule from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '../../src/domain/paper-schemas.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';
import { DECISION, TITLES, demoRound, docxImages, docxText, paperBody } from './papers-round.js';

let srv: TestServer;
let u: Users;
let round: { id: string };
let models: { id: string; version: number; title: string }[];

useDemo(async (demo) => {
  ({ srv, u } = demo);
  ({ round, models } = await demoRound(u, demo.units.province, demo.units.womenUnion));
});

async function issue(body: Record<string, unknown>) {
  const r = await u.officer.post('/api/v1/papers', paperBody(body));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function text(id: string, c = u.officer) {
  const r = await c.bytes(`/api/v1/papers/${id}/docx`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('wordprocessingml');
  return docxText(r.body);
}

// jsqr is a CommonJS bundle: its function is the module itself or its `default`, by loader.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsqrModule as unknown as { default?: Decode }).default ?? (jsqrModule as unknown as Decode);

async function scanQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

describe('papers built from the records', () => {
  it('the registration form carries the model, its criteria and the registering unit’s signature and stamp', async () => {
    const r = await u.unit.post(
      '/api/v1/papers',
      paperBody({
        kind: 'registration_form',
        registrationId: models[0]!.id,
        autoNumber: true,
        issuedOn: '2026-01-05',
        signer: { title: 'CHI HỘI TRƯỞNG', name: 'Lê Thị Mai' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.number).toBe('1-PĐK');
    const t = await text(r.body.id, u.unit);
    expect(t).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('PHIẾU ĐĂNG KÝ');
    expect(t).toContain('Số 1-PĐK');
    expect(t).toContain('Vĩnh Long, ngày 05 tháng 01 năm 2026');
    expect(t).toContain(TITLES[0]);
    expect(t).toContain('Số hộ tham gia');
    expect(t).toContain('Địa bàn có đông đồng bào theo đạo');
    // The registering unit signs and stamps: its capacity, the title and the name, each on its own line.
    expect(t).toMatch(/T\/M HỘI LIÊN HIỆP PHỤ NỮ[^\n]*\nCHI HỘI TRƯỞNG\n(\n)+Lê Thị Mai/);
    expect(t).toContain('(Ký tên, đóng dấu)');
  });

  it('the record tells who may issue its registration form, and the server agrees', async () => {
    const path = `/api/v1/registrations/${models[1]!.id}`;
    expect((await u.unit.get(path)).body.papers).toEqual(['registration_form']);
    expect((await u.viewer.get(path)).body.papers).toEqual([]);
    const form = paperBody({ kind: 'registration_form', registrationId: models[1]!.id });
    expect((await u.viewer.post('/api/v1/papers', form)).status).toBe(403);
    expect((await u.unit.post('/api/v1/papers', form)).status).toBe(201);
  });

  it('the minutes name the members present, each candidate’s checklist, the open vote with names, and the result', async () => {
    const p = await issue({ kind: 'minutes', roundId: round.id, number: '05-BB/BCĐ', issuedOn: '2026-11-18', secretary: 'Phạm Thu Trang' });
    const t = await text(p.id);
    expect(t).toContain('BIÊN BẢN');
    expect(t).toContain('Số 05-BB/BCĐ');
    expect(t).toContain('Vĩnh Long, ngày 18 tháng 11 năm 2026');
    expect(t).toContain('Thành viên có mặt: 3 đồng chí.');
    for (const name of ['Nguyễn Thị Thu Hà', 'Trần Văn Bình', 'Quản trị hệ thống']) expect(t).toContain(name);
    for (const title of TITLES) expect(t).toContain(title);
    expect(t).toContain('Biểu quyết công khai: 3 thành viên biểu quyết, 3 tán thành, 0 không tán thành, 0 không biểu quyết.');
    expect(t).toContain('Biểu quyết công khai: 3 thành viên biểu quyết, 2 tán thành, 0 không tán thành, 1 không biểu quyết.');
    expect(t).toContain('Biểu quyết công khai: 2 thành viên biểu quyết, 0 tán thành, 2 không tán thành, 0 không biểu quyết.');
    expect(t).toMatch(/- Không biểu quyết: Quản trị hệ thống\./);
    expect(t).toContain('Không đạt');
    expect(t).toContain('Kết quả: công nhận cấp tỉnh theo Quyết định số 125-QĐ/BCĐ ngày 20/11/2026');
    expect(t).toContain('Kết quả: không công nhận. Lý do: Số buổi sinh hoạt chưa đạt chỉ tiêu');
    expect(t).toContain('Hội nghị thống nhất công nhận 2/3 mô hình, điển hình; không công nhận 1.');
    expect(t).toMatch(/THƯ KÝ\n(\n)+Phạm Thu Trang/);
    expect(t).toMatch(/T\/M BAN CHỈ ĐẠO\nTRƯỞNG BAN\n(\n)+Nguyễn Văn Hòa/);
  });

  it('the decision is numbered and dated from the round’s decision, with the list of those recognised attached after the signature', async () => {
    const p = await issue({ kind: 'decision', roundId: round.id, recipients: 'Ban Thường vụ Tỉnh ủy (b/c),' });
    expect(p).toMatchObject({ number: DECISION.decisionNo, issuedOn: DECISION.decisionDate });
    const t = await text(p.id);
    expect(t).toContain('Số 125-QĐ/BCĐ');
    expect(t).toContain('Vĩnh Long, ngày 20 tháng 11 năm 2026');
    expect(t).toContain('Công nhận 2 mô hình, điển hình đạt danh hiệu “Dân vận khéo”');
    const list = t.slice(t.indexOf('DANH SÁCH'));
    expect(t.indexOf('Nguyễn Văn Hòa')).toBeLessThan(t.indexOf('DANH SÁCH'));
    expect(list).toContain('(Kèm theo Quyết định số 125-QĐ/BCĐ, ngày 20/11/2026');
    expect(list).toContain(TITLES[0]);
    expect(list).toContain(TITLES[1]);
    expect(list).not.toContain(TITLES[2]);
  });

  it('the decision of a decided round keeps the round’s decision number and date even when a new number is asked for', async () => {
    const p = await issue({ kind: 'decision', roundId: round.id, autoNumber: true, issuedOn: '2026-12-01' });
    expect(p).toMatchObject({ number: DECISION.decisionNo, issuedOn: DECISION.decisionDate });
    const t = await text(p.id);
    expect(t).toContain('Số 125-QĐ/BCĐ');
    expect(t).toContain('Vĩnh Long, ngày 20 tháng 11 năm 2026');
    expect(t).toContain('(Kèm theo Quyết định số 125-QĐ/BCĐ, ngày 20/11/2026');
    expect(t).not.toMatch(/Số 1-QĐ/);
    // A number typed by hand does not make a second decision number either.
    const typed = await issue({ kind: 'decision', roundId: round.id, number: '99-QĐ/BCĐ' });
    expect(typed.number).toBe(DECISION.decisionNo);
  });

  it('the proposal to the level above summarises what each proposed model achieved', async () => {
    // The first model's latest inspection recorded 30 households against its target of 50.
    const reg = (await u.officer.get(`/api/v1/registrations/${models[0]!.id}`)).body;
    for (const [inspectedOn, achieved] of [
      ['2026-10-01', 45],
      ['2026-11-10', 30],
    ] as const) {
      const ins = await u.officer.post(`/api/v1/registrations/${models[0]!.id}/inspections`, {
        inspectedOn,
        overall: 'on_track',
        criteria: [{ criterionId: reg.criteria[0].id, achieved }],
      });
      expect(ins.status, JSON.stringify(ins.body)).toBe(201);
    }
    const p = await issue({
      kind: 'proposal',
      roundId: round.id,
      autoNumber: true,
      issuedOn: '2026-11-25',
      sentTo: 'Ban Thường vụ Tỉnh ủy Vĩnh Long',
      commendationAsked: 'tặng Bằng khen',
    });
    expect(p.number).toBe('1-TTr/BCĐ');
    const t = await text(p.id);
    expect(t).toContain('TỜ TRÌNH');
    expect(t).toContain('Kính gửi: Ban Thường vụ Tỉnh ủy Vĩnh Long');
    expect(t).toContain('đề nghị tặng Bằng khen đối với 2 mô hình');
    expect(t).toContain('- Số hộ tham gia: chỉ tiêu 50 hộ, chưa có kết quả kiểm tra.');
    expect(t).not.toContain(TITLES[2]);
    // The achieved value of the latest inspection, beside the target and the completion.
    expect(t).toContain('- Số hộ tham gia: đạt 30 / 50 hộ (60 %).');
    expect(t).not.toContain('45 / 50');
  });

  it('a certificate only for a recognised candidate, by those who decide the round', async () => {
    const refused = await u.officer.post(
      '/api/v1/papers',
      paperBody({ kind: 'certificate', roundId: round.id, registrationId: models[2]!.id }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PAPER_NOT_APPLICABLE');
    const viewer = await u.viewer.post(
      '/api/v1/papers',
      paperBody({ kind: 'certificate', roundId: round.id, registrationId: models[0]!.id }),
    );
    expect(viewer.status).toBe(403);
  });
});

describe('numbering', () => {
  it('50 papers numbered at once for one unit and year: no gap, no repeat; another year starts at 1', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        u.officer.post('/api/v1/papers', paperBody({ kind: 'minutes', roundId: round.id, autoNumber: true, issuedOn: '2030-03-01' })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const seqs = answers.map((a) => Number(/^(\d+)-BB\/BCĐ$/.exec(a.body.number)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const next = await issue({ kind: 'minutes', roundId: round.id, autoNumber: true, issuedOn: '2031-01-02' });
    expect(next.number).toBe('1-BB/BCĐ');
    // A number the officer writes, or none, takes nothing from the counter.
    await issue({ kind: 'minutes', roundId: round.id, number: '77-BB/BCĐ', issuedOn: '2030-05-01' });
    expect((await issue({ kind: 'minutes', roundId: round.id, autoNumber: true, issuedOn: '2030-06-01' })).number).toBe('51-BB/BCĐ');
  });
});

describe('verifiable certificates', () => {
  it('the QR code opens the public page; discontinuing the recognition changes what it says', async () => {
    const p = await issue({
      kind: 'certificate',
      roundId: round.id,
      registrationId: models[0]!.id,
      autoNumber: true,
      issuedOn: '2026-11-28',
    });
    expect(p.number).toBe('1-GCN/BCĐ');
    expect(p.verification.code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const doc = await u.officer.bytes(`/api/v1/papers/${p.id}/docx`);
    const t = await docxText(doc.body);
    expect(t).toContain('GIẤY CHỨNG NHẬN');
    expect(t).toContain(TITLES[0]);
    expect(t).toContain('theo Quyết định số 125-QĐ/BCĐ ngày 20/11/2026');
    expect(t).toContain(p.verification.code);
    const [png] = await docxImages(doc.body);
    const scanned = await scanQr(png!);
    expect(scanned).toBe(p.verification.url);

    const path = new URL(scanned!).pathname;
    const page = await fetch(srv.baseUrl + path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Xóm đạo bình yên');
    expect(html).toContain('Hội Liên hiệp Phụ nữ');
    expect(html).toContain('Số 125-QĐ/BCĐ ngày 20/11/2026');
    expect(html).toContain('Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh Vĩnh Long');
    expect(html).toContain('Giấy chứng nhận còn hiệu lực.');
    // The printed code, typed by hand in small letters and without dashes, opens the same page.
    const typed = await fetch(`${srv.baseUrl}/cong-khai/xac-minh/${p.verification.code.replace(/-/g, '').toLowerCase()}`);
    expect(typed.status).toBe(200);

    const reg = (await u.unit.get(`/api/v1/registrations/${models[0]!.id}`)).body;
    const stop = await u.unit.post(`/api/v1/registrations/${models[0]!.id}/discontinue`, {
      version: reg.version,
      reason: 'Chi hội sáp nhập, mô hình không còn duy trì',
    });
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    const after = await (await fetch(srv.baseUrl + path)).text();
    expect(after).not.toContain('Giấy chứng nhận còn hiệu lực.');
    expect(after).toContain('Không còn hiệu lực: mô hình đã dừng thực hiện');
  });

  it('1,000 random codes all answer “not found” in the same shape', async () => {
    const codes = Array.from({ length: 1000 }, (_, i) => {
      const b = randomBytes(20);
      const valid = [...b].map((x) => CODE_ALPHABET[x % 32]).join('');
      // most are well-formed codes nobody was given; some are malformed
      return i % 10 === 0 ? valid.slice(0, 7) : i % 10 === 1 ? `${valid.slice(0, 19)}U` : valid;
    });
    const first = await fetch(`${srv.baseUrl}/cong-khai/xac-minh/${codes[2]}`);
    const shape = await first.text();
    expect(first.status).toBe(404);
    expect(shape).toContain('Không tìm thấy giấy chứng nhận');
    for (let i = 0; i < codes.length; i += 25) {
      const answers = await Promise.all(
        codes.slice(i, i + 25).map(async (c) => {
          const r = await fetch(`${srv.baseUrl}/cong-khai/xac-minh/${c}`);
          return { status: r.status, body: await r.text() };
        }),
      );
      for (const a of answers) expect(a).toEqual({ status: 404, body: shape });
    }
  });
});
