/**
 * The demo's reorganised area: the former Huyện Càng Long (Trà Vinh) and its 14 communes, merged
 * into 5 communes of Tỉnh Vĩnh Long on 01/07/2025, with the models its old communes registered.
 */
import { describe, expect, it } from 'vitest';
import { HISTORY_MODELS } from '../../src/seed/demo-history.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
useDemo(
  (demo) => {
    ({ srv, u } = demo);
  },
  { models: true },
);

describe('the demo’s reorganised area', () => {
  it('Huyện Càng Long’s 14 communes became 5 on 01/07/2025 by Resolution 1687/NQ-UBTVQH15', async () => {
    const rows = await srv.db.rows<{ successor: string; n: number; basis: string }>(
      `select n.name as successor, count(*)::int as n, min(r.basis_number) as basis
         from unit_lineage l join unit o on o.id = l.predecessor_id join unit n on n.id = l.successor_id
         join reorganisation r on r.id = l.reorganisation_id
        where o.kind = 'commune' and l.effective_date = '2025-07-01' group by n.name order by n.name`,
    );
    expect(rows).toEqual([
      { successor: 'Xã An Trường', n: 3, basis: '1687/NQ-UBTVQH15' },
      { successor: 'Xã Bình Phú', n: 3, basis: '1687/NQ-UBTVQH15' },
      { successor: 'Xã Càng Long', n: 3, basis: '1687/NQ-UBTVQH15' },
      { successor: 'Xã Nhị Long', n: 3, basis: '1687/NQ-UBTVQH15' },
      { successor: 'Xã Tân An', n: 2, basis: '1687/NQ-UBTVQH15' },
    ]);
    const [district] = await srv.db.rows(`select name, active, valid_to from unit where code = 'H844'`);
    expect(district).toEqual({ name: 'Huyện Càng Long', active: false, valid_to: '2025-06-30' });
  });

  it('the administrator finds it in the list of reorganisations with its legal basis; it cannot be undone, having kept no before-state', async () => {
    const list = await u.admin.get('/api/v1/reorganisations');
    expect(list.status).toBe(200);
    const found = list.body.items.filter((r: { basis: { number: string } }) => r.basis.number === '1687/NQ-UBTVQH15');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ effectiveDate: '2025-07-01', status: 'applied' });
    const undo = await u.admin.post(`/api/v1/reorganisations/${found[0].id}/undo`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.error.code).toBe('REORGANISATION_NOT_UNDOABLE');
    const [district] = await srv.db.rows(`select active from unit where code = 'H844'`);
    expect(district).toEqual({ active: false });
  });

  it('the officer of Xã Càng Long sees the models of Thị trấn Càng Long, Mỹ Cẩm and Nhị Long Phú; Trà Vinh’s officer does not', async () => {
    const mine = HISTORY_MODELS.filter((m) => ['29266', '29269', '29299'].includes(m.commune)).map((m) => m.title);
    const seen = await u.unit.get('/api/v1/registrations?pageSize=200');
    expect(seen.status).toBe(200);
    const titles = seen.body.items.map((r: { title: string }) => r.title);
    expect(titles).toEqual(expect.arrayContaining(mine));
    const others = HISTORY_MODELS.filter((m) => !['29266', '29269', '29299'].includes(m.commune)).map((m) => m.title);
    expect(titles.filter((t: string) => others.includes(t))).toEqual([]);
    const province = await u.officer.get('/api/v1/registrations?pageSize=200');
    const all = province.body.items.map((r: { title: string }) => r.title);
    expect(all).toEqual(expect.arrayContaining(HISTORY_MODELS.map((m) => m.title)));
  });

  it('its models span four years, several fields and states, recognised ones among them', async () => {
    const rows = await srv.db.rows<{ year: number; field_code: string; state: string; recognised: boolean }>(
      `select r.year, r.field_code, r.state, r.recognised from registration r join unit o on o.id = r.unit_id where o.code like 'X29%' and not o.active`,
    );
    expect(rows).toHaveLength(HISTORY_MODELS.length);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2021, 2022, 2023, 2024]));
    expect(new Set(rows.map((r) => r.field_code)).size).toBe(4);
    expect(new Set(rows.map((r) => r.state)).size).toBeGreaterThanOrEqual(6);
    expect(rows.filter((r) => r.recognised).length).toBeGreaterThan(5);
  });
});
