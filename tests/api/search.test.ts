/**
 * Search over models and exemplars: diacritics and case do not matter, "đ" matches "d", results are
 * ranked and marked, and nobody finds anything outside their view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoModels } from '../../src/seed/demo-models.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginAll, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;

beforeAll(async () => {
  srv = await startTestServer({ web: false });
  expect(await seedDemoModels(srv.db)).toBeGreaterThan(50);
  u = await loginAll(srv);
});
afterAll(async () => {
  await srv?.close();
});

const find = async (who: keyof Users, q: string, extra = '') => {
  const r = await u[who].get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as {
    total: number;
    items: {
      id: string;
      title: string;
      titleParts: { text: string; hit: boolean }[];
      unit: { name: string };
      snippet: { text: string; hit: boolean }[];
    }[];
  };
};

describe('search', () => {
  it('"dan van kheo", "DÂN VẬN KHÉO" and "Dân vận khéo" find the same demo models', async () => {
    const plain = await find('officer', 'dan van kheo', '&pageSize=50');
    expect(plain.total).toBeGreaterThan(5);
    for (const it of plain.items) expect(it.title.toLowerCase()).toContain('dân vận khéo');
    const caps = await find('officer', 'DÂN VẬN KHÉO', '&pageSize=50');
    const proper = await find('officer', 'Dân vận khéo', '&pageSize=50');
    expect(caps.items.map((x) => x.id)).toEqual(plain.items.map((x) => x.id));
    expect(proper.items.map((x) => x.id)).toEqual(plain.items.map((x) => x.id));
    // the matched words are marked in the title, as typed in the data
    const parts = plain.items[0]!.titleParts;
    expect(parts.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(['dân', 'vận', 'khéo']));
    expect(parts.map((p) => p.text).join('')).toBe(plain.items[0]!.title);
  });

  it('"đ" and "d" are the same letter; a word being typed already matches', async () => {
    const a = await find('officer', 'duong giao thong');
    const b = await find('officer', 'đường giao thông');
    expect(a.total).toBeGreaterThan(0);
    expect(a.items.map((x) => x.id)).toEqual(b.items.map((x) => x.id));
    const partial = await find('officer', 'bươi da xa'); // "bưởi da xanh" half typed, one mark wrong
    expect(partial.items.map((x) => x.title)).toContain('Tổ hợp tác trồng bưởi da xanh theo hướng an toàn');
  });

  it('finds by unit name and by person, and ranks a title match above a match in the description', async () => {
    const byUnit = await find('officer', 'hoi nong dan cang long', '&pageSize=50');
    const farmers = await u.officer.get(`/api/v1/registrations?unitId=${await unitId(u.admin, `${DEMO_COMMUNE_UNIT}-HND`)}&pageSize=50`);
    expect(farmers.body.total).toBeGreaterThan(0);
    // every registration of that unit is found by the unit's name
    expect(byUnit.items.map((x) => x.id)).toEqual(expect.arrayContaining(farmers.body.items.map((x: { id: string }) => x.id)));
    const byPerson = await find('officer', 'le van tam');
    expect(byPerson.items.length).toBeGreaterThan(0);
    const rank = await find('officer', 'thieu von');
    // "thiếu vốn" is in descriptions only: the snippet shows where
    expect(rank.items[0]!.snippet.some((p) => p.hit)).toBe(true);
  });

  it('filters by field, year and unit, and never looks outside the view', async () => {
    const econ = await find('officer', 'dan van kheo', '&fieldCode=economic');
    expect(econ.total).toBeGreaterThan(0);
    const all = await find('officer', 'xom dao binh yen');
    expect(all.total).toBe(2); // two of the demo communes run it
    expect(all.items.map((x) => x.unit.name).filter((n) => n.endsWith('Càng Long'))).toHaveLength(1);
    const mine = await find('unit', 'xom dao binh yen');
    expect(mine.total).toBe(1); // the commune officer sees only Càng Long's
    expect(mine.items[0]!.unit.name).toMatch(/Càng Long$/);
    const other = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    const outside = await u.unit.get(`/api/v1/search?q=xom&unitId=${other}`);
    expect(outside.status).toBe(404);
    const inUnit = await find('officer', 'xom dao', `&unitId=${other}`);
    expect(inUnit.total).toBe(1);
  });

  it('treats query syntax as plain words and refuses an empty query in Vietnamese', async () => {
    const odd = await find('officer', "dân & | ! ( ) ' : * vận");
    expect(odd.total).toBeGreaterThan(0);
    const none = await find('officer', '!!!');
    expect(none.total).toBe(0);
    const empty = await u.officer.get('/api/v1/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('re-registration check', () => {
  it('flags a title registered again with its predecessor, and tells the appraiser whether the registrant saw it', async () => {
    const women = await unitId(u.admin, `${DEMO_COMMUNE_UNIT}-HPN`);
    const title = 'Vận động hội viên phụ nữ tiết kiệm, giúp nhau vay vốn';
    const similar = await u.unit.get(`/api/v1/registrations/similar?unitId=${women}&year=2026&title=${encodeURIComponent(title)}`);
    expect(similar.status).toBe(200);
    const predecessor = similar.body.find((x: any) => x.title === 'Vận động hội viên phụ nữ tiết kiệm, giúp nhau vay vốn làm ăn');
    expect(predecessor).toMatchObject({ unitName: 'Hội Liên hiệp Phụ nữ Càng Long', seenByRegistrant: false });
    expect(predecessor.similarity).toBeGreaterThan(0.6);
    // unrelated titles are not suggested
    expect(similar.body.map((x: any) => x.title)).not.toContain('Xóm đạo bình yên');

    // the registrant saw the candidates and went on as a new model
    const reg = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: women,
      holder: 'collective',
      title,
      fieldCode: 'economic',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      level: 'grassroots',
      criteria: [{ name: 'Số hội viên', target: 30 }],
      similarSeen: similar.body.map((x: any) => x.id),
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const sent = await u.unit.post(`/api/v1/registrations/${reg.body.id}/submit`, { version: reg.body.version });
    const seenByOfficer = (await u.officer.get(`/api/v1/registrations/${sent.body.id}`)).body;
    expect(seenByOfficer.earlier.find((e: any) => e.id === predecessor.id)).toMatchObject({ seenByRegistrant: true });

    // the repeat seeded in the demo data is flagged too, though nobody was shown anything then
    const repeat = (await find('officer', 'van dong hoi vien phu nu tiet kiem', '&year=2026&state=submitted')).items.find(
      (x) => x.title === 'Vận động hội viên phụ nữ tiết kiệm giúp nhau vay vốn làm ăn',
    )!;
    const detail = (await u.officer.get(`/api/v1/registrations/${repeat.id}`)).body;
    expect(detail.earlier.map((e: any) => e.title)).toContain('Vận động hội viên phụ nữ tiết kiệm, giúp nhau vay vốn làm ăn');
    expect(detail.earlier.every((e: any) => e.seenByRegistrant === false)).toBe(true);
  });

  it('tells a numbered model from another with a different number, but not from itself in another year', async () => {
    const hamlet = await unitId(u.admin, `${DEMO_COMMUNE_UNIT}-AP1`);
    const made = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: hamlet,
      holder: 'collective',
      title: 'Tổ tự quản đường hoa số 12',
      fieldCode: 'cultural_social',
      startDate: '2025-03-01',
      endDate: '2025-12-31',
      level: 'grassroots',
      criteria: [{ name: 'Số hộ tham gia', target: 20 }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await u.unit.post(`/api/v1/registrations/${made.body.id}/submit`, { version: made.body.version })).status).toBe(200);
    const check = async (title: string) =>
      (await u.unit.get(`/api/v1/registrations/similar?unitId=${hamlet}&year=2026&title=${encodeURIComponent(title)}`)).body.map(
        (x: any) => x.id,
      );
    expect(await check('Tổ tự quản đường hoa số 123')).not.toContain(made.body.id);
    expect(await check('Tổ tự quản đường hoa số 12 năm 2026')).toContain(made.body.id);
    expect(await check('Tổ tự quản đường hoa')).toContain(made.body.id);
  });

  it('looks only inside the caller’s view', async () => {
    const other = await unitId(u.admin, `${DEMO_OTHER_COMMUNE_UNIT}-HPN`);
    const r = await u.unit.get(`/api/v1/registrations/similar?unitId=${other}&year=2026&title=tiet%20kiem`);
    expect(r.status).toBe(404);
  });
});
