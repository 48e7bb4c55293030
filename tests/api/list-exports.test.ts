/**
 * "Tải Excel" beside each list: the sheet holds the rows the list API returns for the same filters,
 * in the same scope, with the filters written above the table; who may not read a list may not
 * download it.
 */
import { describe, expect, it } from 'vitest';
import { downloadSheet, launchedCampaign, unitId, useDemo, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let u: Users;

useDemo((demo) => {
  ({ u } = demo);
});

describe('list exports', () => {
  it('units: the children of a unit, or a search, as the list shows them', async () => {
    const commune = await unitId(u.admin, DEMO_COMMUNE_UNIT);
    const list = (await u.unit.get(`/api/v1/units?parentId=${commune}&pageSize=200`)).body;
    const sheet = await downloadSheet(u.unit, `/api/v1/units/xlsx?parentId=${commune}`);
    expect(sheet.status).toBe(200);
    expect(sheet.type).toContain('spreadsheetml');
    expect(sheet.title).toBe('DANH SÁCH ĐƠN VỊ');
    expect(sheet.subtitle).toContain('Trực thuộc Xã Càng Long');
    expect(sheet.header.slice(0, 3)).toEqual(['STT', 'Mã', 'Tên đơn vị']);
    expect(sheet.rows.map((r) => r[2])).toEqual(list.items.map((x: { name: string }) => x.name));
    expect(sheet.rows.map((r) => r[0])).toEqual(list.items.map((_: unknown, i: number) => i + 1));

    // a search over the whole view, past one page of the screen (the communes of the province)
    const wide = (await u.officer.get('/api/v1/units?q=xa&kind=commune&pageSize=200')).body;
    expect(wide.total).toBeGreaterThan(50);
    const all = await downloadSheet(u.officer, '/api/v1/units/xlsx?q=xa&kind=commune');
    expect(all.rows).toHaveLength(wide.total);
    expect(all.subtitle).toContain('Loại hình');

    // outside the view: the unit user's commune cannot list the province's other communes
    const other = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    expect((await downloadSheet(u.unit, `/api/v1/units/xlsx?parentId=${other}`)).status).toBe(404);
  });

  it('accounts: for those who manage accounts only, and with no password in the sheet', async () => {
    const list = (await u.admin.get('/api/v1/users?pageSize=200')).body;
    const sheet = await downloadSheet(u.admin, '/api/v1/users/xlsx');
    expect(sheet.rows.map((r) => r[1])).toEqual(list.items.map((x: { username: string }) => x.username));
    expect(sheet.header).not.toContain('Mật khẩu');
    expect(sheet.rows.find((r) => r[1] === 'viewer')![4]).toBe('Lãnh đạo (chỉ xem)');
    const search = await downloadSheet(u.admin, '/api/v1/users/xlsx?q=officer');
    expect(search.rows.map((r) => r[1])).toEqual(
      (await u.admin.get('/api/v1/users?q=officer')).body.items.map((x: { username: string }) => x.username),
    );
    expect((await u.viewer.bytes('/api/v1/users/xlsx')).status).toBe(403);
    expect((await u.member.bytes('/api/v1/users/xlsx')).status).toBe(403);
  });

  it('campaigns: those in view, with their quotas written out', async () => {
    const commune = await unitId(u.admin, DEMO_COMMUNE_UNIT);
    await launchedCampaign(u.officer, {
      unitId: commune,
      title: 'Thi đua “Dân vận khéo” giai đoạn 2026–2027',
      yearFrom: 2026,
      yearTo: 2027,
      startDate: '2026-01-10',
      endDate: '2027-12-31',
      quotas: [{ unitKind: null, minNew: 1, minConsolidated: 0, minTotal: 2 }],
    });
    const list = (await u.unit.get('/api/v1/campaigns?pageSize=200')).body;
    const sheet = await downloadSheet(u.unit, '/api/v1/campaigns/xlsx');
    expect(sheet.rows.map((r) => r[1])).toEqual(list.items.map((x: { title: string }) => x.title));
    const row = sheet.rows.find((r) => r[1] === 'Thi đua “Dân vận khéo” giai đoạn 2026–2027')!;
    expect(row).toEqual([
      expect.any(Number),
      'Thi đua “Dân vận khéo” giai đoạn 2026–2027',
      'Xã Càng Long',
      '2026–2027',
      '10/01/2026',
      '31/12/2027',
      'Mọi đơn vị: 2 mô hình/năm (mới 1, củng cố 0)',
      'Đang phát động',
    ]);
    const drafts = await downloadSheet(u.unit, '/api/v1/campaigns/xlsx?state=draft');
    expect(drafts.subtitle).toContain('Trạng thái: Bản nháp');
    expect(drafts.rows.map((r) => r[1])).not.toContain('Thi đua “Dân vận khéo” giai đoạn 2026–2027');
  });
});
