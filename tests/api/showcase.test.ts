/**
 * The public showcase: only recognised models an officer published appear, without a login, and no
 * private field (people, internal reasons, votes, supporters, accounts, other documents) is ever in
 * the pages or the files they load.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumberVi } from '../../src/domain/statistics.js';
import { seedDemoShowcase } from '../../src/seed/demo-showcase.js';
import type { TestServer } from '../support/server.js';
import type { Client } from '../support/client.js';
import { startWithDemoModels, type Users } from './helpers.js';
import { DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2e4b10000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let srv: TestServer;
let u: Users;

beforeAll(async () => {
  ({ srv, u } = await startWithDemoModels());
});
afterAll(async () => {
  await srv?.close();
});

async function upload(c: Client, id: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const r = await fetch(`${srv.baseUrl}/api/v1/registrations/${id}/evidence`, {
    method: 'POST',
    body: form,
    headers: { cookie: c.cookie!, origin: srv.baseUrl },
  });
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string };
}
const unescape = (t: string) =>
  t
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const cardTitles = (page: string) => [...page.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => unescape(m[1]!));
const html = async (path: string) => {
  const r = await fetch(srv.baseUrl + path);
  return { status: r.status, text: await r.text(), type: r.headers.get('content-type') };
};

describe('public showcase', () => {
  it('shows only what an officer published, with its photo and share preview, and nothing private', async () => {
    const recognised = (await u.officer.get('/api/v1/registrations?states=recognised&pageSize=200')).body.items as {
      id: string;
      title: string;
    }[];
    const shown = recognised[0];
    const hidden = recognised.find((r) => r.title !== shown!.title);
    // (the same idea is carried out in several communes: compare with records of other titles)
    const draft = (
      (await u.officer.get('/api/v1/registrations?state=draft&pageSize=200')).body.items as { id: string; title: string }[]
    ).find((r) => r.title !== shown!.title)!;
    // The latest inspection recorded half of the first criterion's target.
    const rec = (await u.officer.get(`/api/v1/registrations/${shown!.id}`)).body;
    const crit = rec.criteria.find((c: any) => c.target > 1) ?? rec.criteria[0];
    const half = Math.floor(crit.target / 2);
    const ins = await u.officer.post(`/api/v1/registrations/${shown!.id}/inspections`, {
      inspectedOn: '2026-11-20',
      overall: 'on_track',
      criteria: [{ criterionId: crit.id, achieved: half }],
    });
    expect(ins.status, JSON.stringify(ins.body)).toBe(201);
    const photo = await upload(u.officer, shown!.id, 'anh-mo-hinh.png', PNG);
    const pdf = await upload(u.officer, shown!.id, 'bien-ban-noi-bo.pdf', PDF);

    // only recognised models; only officers; only inside their scope
    expect(
      (
        await u.officer.put(`/api/v1/registrations/${draft.id}/publication`, {
          summary: 'Mô hình này chưa được công nhận nên không thể công khai.',
        })
      ).body.error.code,
    ).toBe('PUBLISH_NOT_RECOGNISED');
    expect(
      (await u.member.put(`/api/v1/registrations/${shown!.id}/publication`, { summary: 'Thành viên không được công khai mô hình này.' }))
        .status,
    ).toBe(403);
    expect(
      (await u.viewer.put(`/api/v1/registrations/${shown!.id}/publication`, { summary: 'Người xem không được công khai mô hình này.' }))
        .status,
    ).toBe(403);
    const pub = await u.officer.put(`/api/v1/registrations/${shown!.id}/publication`, {
      summary: 'Câu chuyện mô hình kể cho người dân.\nKết quả: nhiều hộ tham gia.',
      photoIds: [photo.id],
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);

    const list = await html('/cong-khai');
    expect(list.status).toBe(200);
    expect(list.type).toContain('text/html');
    // exactly one card, the published one (titles compared whole: one demo title can hold another,
    // as "… tại nhà (Sở Y tế)" holds "… tại nhà")
    expect(cardTitles(list.text)).toEqual([shown!.title]);
    expect(hidden!.title).not.toBe(shown!.title);
    expect(draft.title).not.toBe(shown!.title);

    const detail = await html(pub.body.url);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('<meta property="og:title"');
    expect(detail.text).toContain(`og:image" content="${srv.baseUrl}/cong-khai/anh/${photo.id}"`);
    expect(detail.text).toContain('Câu chuyện mô hình kể cho người dân.');
    expect(detail.text).toContain('Công nhận');
    // the achieved value beside the target, not only the completion
    const unit = crit.unitOfMeasure ? ` ${crit.unitOfMeasure}` : '';
    const pct = Math.round((half / crit.target) * 100);
    expect(unescape(detail.text)).toContain(
      `<td class="num">${formatNumberVi(crit.target)}${unit}</td>\n    <td class="num">${formatNumberVi(half)}${unit} (${pct} %)</td>`,
    );
    // nothing private: voters, the internal description, people, accounts, the PDF
    const full = (await u.officer.get(`/api/v1/registrations/${shown!.id}`)).body;
    for (const secret of ['Nguyễn Thị Thu Hà', 'Trần Văn Bình', 'Lê Minh Tâm', full.problem, pdf.id, 'bien-ban-noi-bo', '@', 'password']) {
      if (secret) expect(detail.text, secret).not.toContain(secret);
    }
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${photo.id}`)).headers.get('content-type')).toBe('image/jpeg');
    expect(list.text).toContain(`src="/cong-khai/anh/${photo.id}/nho"`);
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${pdf.id}`)).status).toBe(404);
    expect(cardTitles((await html('/cong-khai?linhVuc=other')).text)).toEqual([]);

    // the officer's record says it is published and where; a member may not publish
    const record = (await u.officer.get(`/api/v1/registrations/${shown!.id}`)).body;
    expect(record.publication.url).toBe(pub.body.url);
    expect(record.actions).toContain('publish');
    expect((await u.member.get(`/api/v1/registrations/${shown!.id}`)).body.actions).not.toContain('publish');

    // unpublished: gone from the list, the page and the photo
    expect((await u.officer.request('DELETE', `/api/v1/registrations/${shown!.id}/publication`)).status).toBe(204);
    expect((await html(pub.body.url)).status).toBe(404);
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${photo.id}`)).status).toBe(404);
    expect((await u.officer.get(`/api/v1/registrations/${shown!.id}`)).body.publication).toBeNull();
  });

  it('demo showcase: browse by field, province and year; each page has its photos, results and recognition, no script and no name of an officer', async () => {
    expect(await seedDemoShowcase(srv.db, srv.filesDir)).toBe(6);
    expect(await seedDemoShowcase(srv.db, srv.filesDir)).toBe(0); // once only
    const list = await html('/cong-khai');
    const slugs = [...list.text.matchAll(/href="\/cong-khai\/mo-hinh\/([^"]+)"/g)].map((m) => m[1]!);
    expect(slugs).toHaveLength(6);
    expect(list.text).toContain(`<option value="${DEMO_PROVINCE_UNIT}">`); // Vĩnh Long offered as a province
    expect((await html(`/cong-khai?tinh=${DEMO_PROVINCE_UNIT}`)).text.match(/class="card"/g)).toHaveLength(6);
    expect((await html('/cong-khai?tinh=T01')).text).toContain('Chưa có mô hình nào được công khai');
    const byField = (await html('/cong-khai?linhVuc=defence_security')).text;
    expect(byField.match(/class="card"/g)).toHaveLength(1);
    expect(byField).toContain('Tổ tự quản an ninh trật tự liên gia');
    // (the filters' choices are kept a while by the server: take a year from the cards themselves)
    const years = [...list.text.matchAll(/năm (20\d\d)<\/p>/g)].map((m) => Number(m[1]));
    const oneYear = (await html(`/cong-khai?nam=${years[0]}`)).text;
    expect(oneYear.match(/năm (20\d\d)<\/p>/g)!.every((y) => y.includes(String(years[0])))).toBe(true);

    // the public search: diacritics and capitals ignored; public text only (title, summary, unit, exemplar)
    const found = async (words: string) => cardTitles((await html(`/cong-khai?tim=${encodeURIComponent(words)}`)).text);
    expect(await found('buoi da xanh')).toEqual(['Tổ hợp tác trồng bưởi da xanh theo hướng an toàn']);
    expect(await found('BỮA CƠM NGHĨA')).toEqual(['Bữa cơm nghĩa tình cho bệnh nhân nghèo']);
    expect(await found('le van tam')).toEqual(['Nông dân sản xuất, kinh doanh giỏi, giúp đỡ hộ nghèo']);
    expect(await found('thuong lai')).toEqual(['Tổ hợp tác trồng bưởi da xanh theo hướng an toàn']); // a word of the public summary
    expect(await found('bap benh')).toEqual([]); // only in the registrant's internal description: not searched
    const none = await html(`/cong-khai?tim=${encodeURIComponent('<b>không có</b>')}`);
    expect(none.text).toContain('Không tìm thấy mô hình nào khớp “&lt;b&gt;không có&lt;/b&gt;”');
    expect(await found('buoi')).toEqual(await found('BƯỞI'));
    // a unit renamed after publishing is found by its new name
    const [grower] = await srv.db.rows<{ unit_id: string }>(
      `select r.unit_id from publication p join registration r on r.id = p.registration_id where r.title like 'Tổ hợp tác trồng bưởi%'`,
    );
    const unit = (await u.admin.get(`/api/v1/units/${grower!.unit_id}`)).body;
    expect((await u.admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: 'Hội Nông dân Tân Hòa Đông' })).status).toBe(
      200,
    );
    expect(await found('tan hoa dong')).toEqual(['Tổ hợp tác trồng bưởi da xanh theo hướng an toàn']);

    for (const slug of slugs) {
      const page = await html(`/cong-khai/mo-hinh/${slug}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/<script|fetch\(|application\/json/); // the pages load no data of their own
      expect(page.text).toContain('<h2>Kết quả</h2>');
      expect(page.text).toContain('<h2>Công nhận</h2>');
      // the inspector is the demo officer; no officer, voter or account appears
      for (const secret of ['Nguyễn Thị Thu Hà', 'Trần Văn Bình', 'Lê Minh Tâm', 'Phạm Quốc Hùng', '@'])
        expect(page.text, `${slug}: ${secret}`).not.toContain(secret);
      const photos = [...page.text.matchAll(/src="(\/cong-khai\/anh\/[^"]+)"/g)].map((m) => m[1]!);
      expect(photos.length).toBeGreaterThan(0);
      const sizes: string[] = [];
      for (const src of photos) {
        const img = await fetch(srv.baseUrl + src);
        expect(img.headers.get('content-type')).toBe('image/jpeg');
        const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
        expect(meta.format).toBe('jpeg');
        sizes.push(`${meta.width}×${meta.height}`);
      }
      // the illustrations are smaller than a page's photo: not enlarged (the first test may have
      // added its own tiny photo to a model the demo publishes too)
      expect(sizes.filter((x) => x === '800×450').length, sizes.join(', ')).toBeGreaterThanOrEqual(photos.length - 1);
    }
    const exemplar = slugs.find((s) => s.startsWith('nong-dan-san-xuat'))!;
    expect((await html(`/cong-khai/mo-hinh/${exemplar}`)).text).toContain('Điển hình: <strong>Lê Văn Tám</strong>');

    // a published model that stops being carried out leaves the showcase
    const [reg] = await srv.db.rows<{ id: string; version: number; slug: string }>(
      `select r.id, r.version, p.slug from publication p join registration r on r.id = p.registration_id where r.state = 'recognised' order by p.slug limit 1`,
    );
    const stop = await u.member.post(`/api/v1/registrations/${reg!.id}/discontinue`, {
      version: reg!.version,
      reason: 'Đơn vị dừng thực hiện mô hình.',
    });
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    expect((await html(`/cong-khai/mo-hinh/${reg!.slug}`)).status).toBe(404);
    expect((await html('/cong-khai')).text.match(/class="card"/g)).toHaveLength(5);
  });
  it('the officer chooses which photos go public; only those are shown and served', async () => {
    const recognised = (await u.officer.get('/api/v1/registrations?states=recognised&pageSize=200')).body.items as { id: string }[];
    const target = recognised[1]!;
    const green = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f7d4a' } })
      .png()
      .toBuffer();
    const chosen = await upload(u.officer, target.id, 'le-ra-quan.png', green);
    const kept = await upload(u.officer, target.id, 'anh-hop-noi-bo.png', PNG);
    const pub = await u.officer.put(`/api/v1/registrations/${target.id}/publication`, {
      summary: 'Mô hình được công khai với ảnh lễ ra quân do cán bộ chọn.',
      photoIds: [chosen.id],
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const page = (await html(pub.body.url)).text;
    expect(page).toContain(`/cong-khai/anh/${chosen.id}`);
    expect(page).not.toContain(kept.id);
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${chosen.id}`)).status).toBe(200);
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${kept.id}`)).status).toBe(404);
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${kept.id}/nho`)).status).toBe(404);
    expect((await u.officer.get(`/api/v1/registrations/${target.id}`)).body.publication.photoIds).toEqual([chosen.id]);
    // a new summary without a choice keeps the photos chosen
    await u.officer.put(`/api/v1/registrations/${target.id}/publication`, {
      summary: 'Tóm tắt mới cho người dân, ảnh giữ nguyên như đã chọn.',
    });
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${chosen.id}`)).status).toBe(200);
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${kept.id}`)).status).toBe(404);
    // choosing none hides every photo
    await u.officer.put(`/api/v1/registrations/${target.id}/publication`, {
      summary: 'Mô hình công khai không kèm ảnh nào cả.',
      photoIds: [],
    });
    expect((await fetch(`${srv.baseUrl}/cong-khai/anh/${chosen.id}`)).status).toBe(404);
    expect((await html(pub.body.url)).text).not.toContain('/cong-khai/anh/');
    // a photo of another model cannot be chosen
    const other = await upload(u.officer, recognised[2]!.id, 'khac.png', PNG);
    const wrong = await u.officer.put(`/api/v1/registrations/${target.id}/publication`, {
      summary: 'Thử chọn ảnh của mô hình khác để công khai.',
      photoIds: [other.id],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('PHOTO_UNKNOWN');
    expect(wrong.body.error.message).toContain('không phải ảnh minh chứng của mô hình này');
  });

  it('a phone photo reaches the public upright, scaled and without its metadata; the officer keeps the original', async () => {
    // a photo as a phone stores it: 2600 × 1800 pixels, to be shown turned (EXIF orientation 6),
    // with the photographer's name and phone number and the place in its metadata
    const original = await sharp({ create: { width: 2600, height: 1800, channels: 3, background: '#3a7a52' } })
      .withExif({ IFD0: { Artist: 'Nguyen Van Chup 0912345678', Copyright: 'GPS 10.2537N 105.9722E' } })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const recognised = (await u.officer.get('/api/v1/registrations?states=recognised&pageSize=200')).body.items as { id: string }[];
    const target = recognised.at(-1)!;
    const photo = await upload(u.officer, target.id, 'IMG_20240312_0915.jpg', original);
    const pub = await u.officer.put(`/api/v1/registrations/${target.id}/publication`, {
      summary: 'Ảnh chụp bằng điện thoại được đưa lên trang công khai.',
      photoIds: [photo.id],
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);

    const get = async (p: string, cookie?: string) => {
      const r = await fetch(srv.baseUrl + p, cookie ? { headers: { cookie } } : undefined);
      return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
    };
    const full = await get(`/cong-khai/anh/${photo.id}`);
    expect(full.type).toBe('image/jpeg');
    const meta = await sharp(full.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([886, 1280]); // upright, fits a 1280-pixel box
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(full.bytes.includes('0912345678')).toBe(false);
    expect(full.bytes.includes('GPS')).toBe(false);
    expect(full.bytes.length).toBeLessThan(original.length);
    const card = await sharp((await get(`/cong-khai/anh/${photo.id}/nho`)).bytes).metadata();
    expect([card.width, card.height, card.exif]).toEqual([640, 360, undefined]);
    // asked twice (the copy is kept), the same bytes
    expect((await get(`/cong-khai/anh/${photo.id}`)).bytes.equals(full.bytes)).toBe(true);

    // the officer still downloads exactly what was uploaded, and a small thumbnail for the record
    const own = await get(`/api/v1/files/${photo.id}`, u.officer.cookie!);
    expect(own.bytes.equals(original)).toBe(true);
    const thumb = await sharp((await get(`/api/v1/files/${photo.id}?size=thumb`, u.officer.cookie!)).bytes).metadata();
    expect([thumb.width, thumb.height]).toEqual([240, 180]);
    expect((await get(`/api/v1/files/${photo.id}?size=thumb`)).status).toBe(401);

    expect((await html(pub.body.url)).status).toBe(200);
    expect((await u.officer.request('DELETE', `/api/v1/registrations/${target.id}/publication`)).status).toBe(204);
    expect((await get(`/cong-khai/anh/${photo.id}/nho`)).status).toBe(404);
  });
});
