/**
 * Records keep a copy of their unit's path; moving a unit must carry every copy along, or the old
 * parent's officers keep reading a record that is no longer theirs and the new ones cannot see it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UNIT_PATH_COPIES, UNIT_PATH_KEPT } from '../../src/data/unit-path-copies.js';
import { loggedIn, type Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, unitId, type Users } from './helpers.js';
import { DEMO_PROVINCE_UNIT, DEMO_THIRD_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;
const PASSWORD = 'Vinh-Long-chuyen-don-vi-2026!';

useDemo((demo) => {
  ({ srv, u } = demo);
});

const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

describe('the list of unit path copies', () => {
  it('names every ltree column of the database, either rewritten by a move or kept on purpose', async () => {
    const { rows } = await srv.db.pool.query<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and c.udt_name = 'ltree' and t.table_type = 'BASE TABLE'
        order by 1, 2`,
    );
    const columns = rows.map((r) => `${r.table_name}.${r.column_name}`);
    const listed = new Set([...UNIT_PATH_COPIES, ...UNIT_PATH_KEPT].map(key));
    expect(
      columns.filter((c) => !listed.has(c)),
      'ltree columns on neither list',
    ).toEqual([]);
    // and the lists name no column that does not exist, each once
    expect([...listed].filter((c) => !columns.includes(c))).toEqual([]);
    expect(listed.size).toBe(UNIT_PATH_COPIES.length + UNIT_PATH_KEPT.length);
    expect(UNIT_PATH_KEPT.map(key)).toContain('audit_log.unit_path');
  });
});

describe('moving a commune to another province', () => {
  let oldProvinceOfficer: Client;
  let newProvinceOfficer: Client;
  let communeOfficer: Client;
  let report: { id: string };
  let template: { id: string; version: number };

  beforeAll(async () => {
    const [province, commune] = (await Promise.all([DEMO_PROVINCE_UNIT, DEMO_THIRD_COMMUNE_UNIT].map((c) => unitId(u.admin, c)))) as [
      string,
      string,
    ];
    const root = (await u.admin.get(`/api/v1/units/${province}`)).body.parentId;
    const other = await u.admin.post('/api/v1/units', {
      parentId: root,
      code: 'T98',
      name: 'Tỉnh Mới Nhận',
      kind: 'province',
      level: 'province',
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const account = async (username: string, unit: string) => {
      const r = await u.admin.post('/api/v1/users', {
        username,
        fullName: `Cán bộ ${username}`,
        role: 'officer',
        unitId: unit,
        entryUnitId: unit,
        viewUnitId: unit,
        password: PASSWORD,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return loggedIn(srv.baseUrl, username, PASSWORD);
    };
    oldProvinceOfficer = u.officer;
    newProvinceOfficer = await account('canbo.tinhmoi', other.body.id);
    communeOfficer = await account('canbo.xachuyen', commune);

    // the commune writes a review report and adds a criterion of its own, then moves
    const r = await communeOfficer.post('/api/v1/review-reports', {
      unitId: commune,
      kind: 'interim',
      yearFrom: 2026,
      yearTo: 2026,
      title: 'Báo cáo sơ kết của xã chuyển đi',
      issuingBody: 'BAN CHỈ ĐẠO XÃ',
      place: 'Vĩnh Long',
      reportDate: '2026-06-30',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    report = r.body;
    const t = await communeOfficer.post('/api/v1/criteria-templates', {
      target: 'model',
      unitKind: null,
      name: 'Tiêu chí riêng của xã chuyển đi',
      sort: 90,
      active: true,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    template = t.body;
    // before the move the province above reads both
    expect((await oldProvinceOfficer.get(`/api/v1/review-reports/${report.id}`)).status).toBe(200);
    expect((await oldProvinceOfficer.get('/api/v1/criteria-templates?target=model')).body.map((x: { id: string }) => x.id)).toContain(
      template.id,
    );

    const unit = (await u.admin.get(`/api/v1/units/${commune}`)).body;
    const moved = await u.admin.post(`/api/v1/units/${commune}/move`, { version: unit.version, newParentId: other.body.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('its review report leaves the old province and reaches the new one', async () => {
    const old = await oldProvinceOfficer.get(`/api/v1/review-reports/${report.id}`);
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('NOT_FOUND');
    expect((await oldProvinceOfficer.get(`/api/v1/review-reports/${report.id}/docx`)).status).toBe(404);
    expect((await oldProvinceOfficer.get('/api/v1/review-reports')).body.items.map((x: { id: string }) => x.id)).not.toContain(report.id);
    const seen = await newProvinceOfficer.get(`/api/v1/review-reports/${report.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.title).toBe('Báo cáo sơ kết của xã chuyển đi');
    expect((await newProvinceOfficer.get('/api/v1/review-reports')).body.items.map((x: { id: string }) => x.id)).toContain(report.id);
    expect((await communeOfficer.get(`/api/v1/review-reports/${report.id}`)).status).toBe(200);
  });

  it("its own criterion leaves the old province's catalogue and joins the new one", async () => {
    expect((await oldProvinceOfficer.get('/api/v1/criteria-templates?target=model')).body.map((x: { id: string }) => x.id)).not.toContain(
      template.id,
    );
    const edit = await oldProvinceOfficer.patch(`/api/v1/criteria-templates/${template.id}`, {
      version: template.version,
      name: 'Sửa từ tỉnh cũ',
    });
    expect(edit.status).toBe(404);
    const listed = (await newProvinceOfficer.get('/api/v1/criteria-templates?target=model')).body.find(
      (x: { id: string }) => x.id === template.id,
    );
    expect(listed).toMatchObject({ name: 'Tiêu chí riêng của xã chuyển đi', actions: ['update'] });
    const renamed = await newProvinceOfficer.patch(`/api/v1/criteria-templates/${template.id}`, {
      version: template.version,
      name: 'Tiêu chí của xã, tỉnh mới duyệt',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  });

  it('the audit log keeps the path an entry was written under: the old province still reads what happened then', async () => {
    const entries = await oldProvinceOfficer.get(`/api/v1/audit?entityId=${report.id}`);
    expect(entries.status).toBe(200);
    expect(entries.body.items.map((e: { action: string }) => e.action)).toEqual(['report.create']);
  });
});
