import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let commune: string, otherCommune: string;

useDemo((demo) => {
  ({
    srv,
    u,
    units: { commune, otherCommune },
  } = demo);
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await u.officer.post('/api/v1/units', {
      parentId: commune,
      code: 'AUD-1',
      name: 'Đơn vị thử nhật ký',
      kind: 'other',
      level: 'grassroots',
    });
    await expect(srv.db.pool.query(`update audit_log set actor_name = 'x'`)).rejects.toThrow(/append-only/);
    await expect(srv.db.pool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('officers read the audit of their subtree only; other roles may not read it', async () => {
    const admin = await u.admin.post('/api/v1/units', {
      parentId: otherCommune,
      code: 'AUD-2',
      name: 'Đơn vị Trà Vinh',
      kind: 'other',
      level: 'grassroots',
    });
    expect(admin.status).toBe(201);
    const root = (await u.admin.get('/api/v1/units')).body.items[0].id;
    const outside = await u.admin.post('/api/v1/units', {
      parentId: root,
      code: 'AUD-NGOAI',
      name: 'Đơn vị ngoài tỉnh',
      kind: 'other',
      level: 'province',
    });
    expect(outside.status).toBe(201);
    const officer = await u.officer.get('/api/v1/audit?entityType=unit&pageSize=200');
    const labels = officer.body.items.map((x: any) => x.entityLabel);
    expect(labels).toEqual(expect.arrayContaining(['Đơn vị thử nhật ký', 'Đơn vị Trà Vinh']));
    expect(labels).not.toContain('Đơn vị ngoài tỉnh');
    expect((await u.admin.get(`/api/v1/audit?entityId=${outside.body.id}`)).body.total).toBe(1);
    for (const who of ['unit', 'viewer', 'member'] as const) {
      const r = await u[who].get('/api/v1/audit');
      expect(r.status, who).toBe(403);
    }
  });

  it('filters by action and date, newest first', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const r = await u.admin.get(`/api/v1/audit?action=unit.create&from=${today}&to=${today}`);
    expect(r.body.items.length).toBeGreaterThanOrEqual(2);
    expect(r.body.items.every((x: any) => x.action === 'unit.create')).toBe(true);
    const times = r.body.items.map((x: any) => x.at);
    expect([...times].sort().reverse()).toEqual(times);
    const none = await u.admin.get('/api/v1/audit?action=unit.create&from=2000-01-01&to=2000-01-02');
    expect(none.body.total).toBe(0);
  });

  it('records sign-ins', async () => {
    const r = await u.admin.get('/api/v1/audit?action=auth.login');
    expect(r.body.items.map((x: any) => x.entityLabel)).toEqual(expect.arrayContaining(['officer', 'unit']));
  });
});

describe('audit log export', () => {
  it('exports the filtered log of the officer’s scope to Excel, and refuses those who may not read it', async () => {
    await u.officer.patch(`/api/v1/units/${commune}`, {
      version: (await u.officer.get(`/api/v1/units/${commune}`)).body.version,
      address: 'Ấp Trung, xã Càng Long',
    });
    const list = await u.officer.get('/api/v1/audit?entityType=unit&pageSize=200');
    expect(list.body.total).toBeGreaterThan(0);
    const r = await fetch(`${srv.baseUrl}/api/v1/audit/xlsx?entityType=unit`, { headers: { cookie: u.officer.cookie! } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await r.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    const labels: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3 && typeof row.getCell(5).value === 'string') labels.push(row.getCell(5).value as string);
    });
    expect(labels).toEqual(list.body.items.map((e: { entityLabel: string | null }) => e.entityLabel ?? ''));
    expect((await u.member.get('/api/v1/audit/xlsx')).status).toBe(403);
    expect((await u.viewer.get('/api/v1/audit/xlsx')).status).toBe(403);
  });
});
