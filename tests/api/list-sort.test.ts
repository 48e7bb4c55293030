/**
 * Sorting the lists (`sort=title`, `sort=-year`, …): the server orders the whole list, so every page
 * continues where the last one stopped and no row is shown twice or skipped; a value the list does not
 * sort by is refused with 400 and a Vietnamese message that names the allowed values.
 */
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/domain/text.js';
import { REGISTRATION_STATES } from '../../src/domain/workflow.js';
import { ROLES } from '../../src/domain/roles.js';
import type { Client } from '../support/client.js';
import { useDemo, type Users } from './helpers.js';

let u: Users;
useDemo(
  (demo) => {
    u = demo.u;
  },
  { models: true },
);

/** Every row of a list, read page by page in the given sort. */
async function allPages<T>(client: Client, path: string, sort: string, pageSize = 7): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await client.get(`${path}${sep}sort=${encodeURIComponent(sort)}&page=${page}&pageSize=${pageSize}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    rows.push(...(r.body.items as T[]));
    if (page * pageSize >= r.body.total) {
      expect(rows.length).toBe(r.body.total);
      return rows;
    }
  }
}

/** Whether the keys never go down (or, `desc`, never go up). */
function ordered(keys: (string | number)[], desc = false): boolean {
  return keys.every((k, i) => i === 0 || (desc ? keys[i - 1]! >= k : keys[i - 1]! <= k));
}

const unitKey = (name: string) => foldVietnamese(name.replace(/ \(cũ\)$/, ''));

interface Reg {
  id: string;
  title: string;
  unit: { name: string };
  year: number;
  state: string;
  updatedAt: string;
}

describe('registrations', () => {
  it('sort=title: every page in the order of the titles without diacritics, no row twice', async () => {
    const rows = await allPages<Reg>(u.officer, '/api/v1/registrations', 'title');
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const keys = rows.map((r) => foldVietnamese(r.title));
    expect(ordered(keys), keys.join(' | ')).toBe(true);
    // Not merely the default order by chance.
    const byDefault = await allPages<Reg>(u.officer, '/api/v1/registrations', '-updated');
    expect(byDefault.map((r) => r.id)).not.toEqual(rows.map((r) => r.id));
  });

  it('sort=-title is the reverse order', async () => {
    const rows = await allPages<Reg>(u.officer, '/api/v1/registrations', '-title');
    expect(
      ordered(
        rows.map((r) => foldVietnamese(r.title)),
        true,
      ),
    ).toBe(true);
  });

  it('sort=-year: newest year first; sort=year: oldest first', async () => {
    const down = await allPages<Reg>(u.officer, '/api/v1/registrations', '-year');
    expect(
      ordered(
        down.map((r) => r.year),
        true,
      ),
    ).toBe(true);
    const up = await allPages<Reg>(u.officer, '/api/v1/registrations', 'year');
    expect(ordered(up.map((r) => r.year))).toBe(true);
    expect(up[0]!.year).toBeLessThan(down[0]!.year);
  });

  it('sort=unit orders by the unit name; sort=state by the order of the workflow', async () => {
    const byUnit = await allPages<Reg>(u.officer, '/api/v1/registrations', 'unit');
    expect(ordered(byUnit.map((r) => unitKey(r.unit.name)))).toBe(true);
    const byState = await allPages<Reg>(u.officer, '/api/v1/registrations', 'state');
    const positions = byState.map((r) => REGISTRATION_STATES.indexOf(r.state as never));
    expect(ordered(positions)).toBe(true);
    expect(new Set(positions).size).toBeGreaterThan(2);
  });

  it('sorting keeps the filters: a year and a sort', async () => {
    const rows = await allPages<Reg>(u.officer, '/api/v1/registrations?year=2024', 'title');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.year === 2024)).toBe(true);
    expect(ordered(rows.map((r) => foldVietnamese(r.title)))).toBe(true);
  });

  it('a sort the list does not have is 400 with a Vietnamese message naming the allowed values', async () => {
    for (const bad of ['name', 'title;drop table registration', '--year', 'TITLE', '']) {
      const r = await u.officer.get(`/api/v1/registrations?sort=${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toContain('Sắp xếp');
      expect(r.body.error.message).toContain('không sắp xếp theo giá trị này được');
      expect(r.body.error.message).toContain('-year');
    }
  });
});

describe('the other lists', () => {
  it('proposals sort by title, unit and date', async () => {
    type P = { id: string; registration: { title: string }; proposedAt: string };
    const byTitle = await allPages<P>(u.officer, '/api/v1/proposals', 'title', 2);
    expect(byTitle.length).toBeGreaterThan(1);
    const title = (p: P) => foldVietnamese(p.registration.title);
    expect(ordered(byTitle.map(title))).toBe(true);
    const byDate = await allPages<P>(u.officer, '/api/v1/proposals', 'date', 2);
    expect(ordered(byDate.map((p) => p.proposedAt))).toBe(true);
    const r = await u.officer.get('/api/v1/proposals?sort=year');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('Sắp xếp');
  });

  it('accounts sort by name, unit and role', async () => {
    type A = { id: string; username: string; fullName: string; role: string; unit: { name: string } };
    const byName = await allPages<A>(u.admin, '/api/v1/users', '-name', 3);
    expect(byName.length).toBeGreaterThan(3);
    expect(
      ordered(
        byName.map((a) => foldVietnamese(a.fullName)),
        true,
      ),
    ).toBe(true);
    const byRole = await allPages<A>(u.admin, '/api/v1/users', 'role', 3);
    expect(ordered(byRole.map((a) => ROLES.indexOf(a.role as never)))).toBe(true);
    const byUser = await allPages<A>(u.admin, '/api/v1/users', '-username', 3);
    expect(
      ordered(
        byUser.map((a) => a.username.toLowerCase()),
        true,
      ),
    ).toBe(true);
    expect((await u.admin.get('/api/v1/users?sort=password')).status).toBe(400);
  });

  it('campaigns sort by title and year; review reports by title', async () => {
    type C = { id: string; title: string; yearFrom: number };
    const byYear = await allPages<C>(u.officer, '/api/v1/campaigns', 'year', 1);
    expect(ordered(byYear.map((c) => c.yearFrom))).toBe(true);
    const byTitle = await allPages<C>(u.officer, '/api/v1/campaigns', '-title', 1);
    expect(
      ordered(
        byTitle.map((c) => foldVietnamese(c.title)),
        true,
      ),
    ).toBe(true);
    expect((await u.officer.get('/api/v1/campaigns?sort=-budget')).status).toBe(400);
    const reports = await u.officer.get('/api/v1/review-reports?sort=-title');
    expect(reports.status).toBe(200);
    expect((await u.officer.get('/api/v1/review-reports?sort=state')).status).toBe(400);
  });
});
