/**
 * "Tải Excel" beside each list: the sheet holds the rows the list API returns for the same filters,
 * in the same scope, with the filters written above the table; who may not read a list may not
 * download it.
 */
import { describe, expect, it } from 'vitest';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '../../src/domain/unit-kinds.js';
import { downloadSheet, launchedCampaign, recognise, unitId, useDemo, type Users } from './helpers.js';

let u: Users;

useDemo((demo) => {
  ({ u } = demo);
});

describe('list exports', () => {
  it('units: the children of a unit, or a search, as the list shows them, in the columns of the import template', async () => {
    const commune = await unitId(u.admin, 'X00834');
    const list = (await u.unit.get(`/api/v1/units?parentId=${commune}&pageSize=200`)).body;
    const sheet = await downloadSheet(u.unit, `/api/v1/units/xlsx?parentId=${commune}`);
    expect(sheet.status).toBe(200);
    expect(sheet.type).toContain('spreadsheetml');
    expect(sheet.title).toBe('DANH SÁCH ĐƠN VỊ');
    expect(sheet.subtitle).toContain('Trực thuộc Xã Càng Long');
    // the same columns, in the same order, as the template; the unit's code (the key) last
    expect(sheet.header).toEqual((await downloadSheet(u.unit, '/api/v1/imports/templates/units')).header);
    expect(sheet.header.slice(0, 4)).toEqual(['Tên đơn vị', 'Loại hình', 'Cấp', 'Mã đơn vị cấp trên']);
    expect(sheet.header.at(-1)).toBe('Mã đơn vị');
    expect(sheet.rows.map((r) => r[0])).toEqual(list.items.map((x: { name: string }) => x.name));
    expect(sheet.rows.map((r) => r.at(-1))).toEqual(list.items.map((x: { code: string }) => x.code));
    // the parent is named by its code, as the import reads it; enums are written as their labels
    expect(new Set(sheet.rows.map((r) => r[3]))).toEqual(new Set(['X00834']));
    const hamlet = sheet.rows.find((r) => r.at(-1) === 'X00834-AP1')!;
    const item = list.items.find((x: { code: string }) => x.code === 'X00834-AP1');
    expect(hamlet[1]).toBe(UNIT_KIND_LABELS[item.kind as keyof typeof UNIT_KIND_LABELS]);
    expect(hamlet[2]).toBe(UNIT_LEVEL_LABELS[item.level as keyof typeof UNIT_LEVEL_LABELS]);
    expect(hamlet[6]).toBe('Đang hoạt động');

    // a search over the whole view, past one page of the screen (the communes of the province)
    const wide = (await u.officer.get('/api/v1/units?q=xa&kind=commune&pageSize=200')).body;
    expect(wide.total).toBeGreaterThan(50);
    const all = await downloadSheet(u.officer, '/api/v1/units/xlsx?q=xa&kind=commune');
    expect(all.rows).toHaveLength(wide.total);
    expect(all.subtitle).toContain('Loại hình');

    // outside the view: the unit user's commune cannot list the province's other communes
    const other = await unitId(u.admin, 'X00707');
    expect((await downloadSheet(u.unit, `/api/v1/units/xlsx?parentId=${other}`)).status).toBe(404);
  });

  it('accounts: for those who manage accounts only, with no password, units named by code, the username last', async () => {
    const list = (await u.admin.get('/api/v1/users?pageSize=200')).body;
    const sheet = await downloadSheet(u.admin, '/api/v1/users/xlsx');
    expect(sheet.header).toEqual((await downloadSheet(u.admin, '/api/v1/imports/templates/users')).header);
    expect(sheet.header.at(-1)).toBe('Tên đăng nhập');
    expect(sheet.rows.map((r) => r.at(-1))).toEqual(list.items.map((x: { username: string }) => x.username));
    expect(sheet.header).not.toContain('Mật khẩu');
    const unit = sheet.rows.find((r) => r.at(-1) === 'unit')!;
    const roleAt = sheet.header.indexOf('Vai trò');
    expect(sheet.rows.find((r) => r.at(-1) === 'viewer')![roleAt]).toBe('Lãnh đạo (chỉ xem)');
    // the account "unit" works in commune X00834, enters and sees its subtree
    expect(unit.slice(3, 7)).toEqual(['X00834', 'X00834', 'X00834', 'Đang dùng']);
    const search = await downloadSheet(u.admin, '/api/v1/users/xlsx?q=officer');
    expect(search.rows.map((r) => r.at(-1))).toEqual(
      (await u.admin.get('/api/v1/users?q=officer')).body.items.map((x: { username: string }) => x.username),
    );
    expect((await u.viewer.bytes('/api/v1/users/xlsx')).status).toBe(403);
    expect((await u.member.bytes('/api/v1/users/xlsx')).status).toBe(403);
  });

  it('campaigns: those in view, with their quotas written out', async () => {
    const commune = await unitId(u.admin, 'X00834');
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

  it('registrations: the export job writes the columns of the template, the final decisions and the id last', async () => {
    const womenUnion = await unitId(u.admin, 'X00834-HPN');
    const province = await unitId(u.admin, 'T24');
    const d = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: 'Mô hình “Tổ phụ nữ tiết kiệm” xuất Excel',
      fieldCode: 'economic',
      startDate: '2025-02-01',
      endDate: '2025-11-30',
      level: 'commune',
      plannedFundsVnd: 12_500_000,
      criteria: [{ name: 'Số hộ tham gia', target: 30, unitOfMeasure: 'hộ' }],
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    expect((await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version })).status).toBe(200);
    await recognise(u, province, d.body.id);
    const c = await u.officer.post(`/api/v1/registrations/${d.body.id}/commendations`, {
      formCode: 'giay_khen',
      issuer: 'Ủy ban nhân dân xã Càng Long',
      decisionNo: '88-QĐ/UBND',
      decisionDate: '2025-12-20',
    });
    expect(c.status).toBe(201);

    const job = await u.unit.post('/api/v1/exports', { kind: 'registrations', filter: { unitId: womenUnion } });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    let state = job.body;
    for (let i = 0; i < 100 && (state.state === 'queued' || state.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await u.unit.get(`/api/v1/exports/${job.body.id}`)).body;
    }
    expect(state.state).toBe('done');
    const sheet = await downloadSheet(u.unit, `/api/v1/exports/${job.body.id}/file`);
    const template = await downloadSheet(u.unit, '/api/v1/imports/templates/registrations');
    expect(sheet.header).toEqual(template.header);
    expect(sheet.header.at(-1)).toBe('Mã hồ sơ');
    const row = sheet.rows.find((r) => r.at(-1) === d.body.id)!;
    const cell = (h: string) => row[sheet.header.indexOf(h)];
    expect(cell('Tên mô hình, điển hình')).toBe('Mô hình “Tổ phụ nữ tiết kiệm” xuất Excel');
    expect(cell('Loại')).toBe('Mô hình');
    expect(cell('Mã đơn vị thực hiện')).toBe('X00834-HPN');
    expect(cell('Lĩnh vực')).toBe('Kinh tế');
    expect(cell('Cấp')).toBe('Xã');
    expect(cell('Ngày bắt đầu')).toBe('01/02/2025');
    expect(cell('Kinh phí dự kiến (đồng)')).toBe(12_500_000);
    expect(cell('Trạng thái')).toBe('Đã công nhận');
    expect(cell('Số quyết định công nhận')).toBe('01-QĐ/BCĐ');
    expect(cell('Ngày quyết định công nhận')).toBe('15/12/2025');
    expect(cell('Cấp công nhận')).toBe('Tỉnh');
    expect(cell('Cơ quan công nhận')).toBe('Ban Chỉ đạo tỉnh');
    expect(cell('Hình thức khen thưởng')).toBe('Giấy khen');
    expect(cell('Số quyết định khen thưởng')).toBe('88-QĐ/UBND');
    expect(cell('Ngày quyết định khen thưởng')).toBe('20/12/2025');
    expect(cell('Cơ quan khen thưởng')).toBe('Ủy ban nhân dân xã Càng Long');
  });
});
