/**
 * The dashboards read a tally the database keeps per change. After a long random sequence of
 * registrations, edits, transitions, inspections, recognitions, commendations and unit moves, the tally
 * must equal a full recount from the registrations (and, for what was achieved, from their latest
 * inspections), cell by cell.
 */
import { describe, expect, it } from 'vitest';
import { recount, rollupRecount, rollupSnapshot, tallySnapshot } from '../../src/data/stats-repo.js';
import { prng } from '../../bench/random.js';
import type { TestServer } from '../support/server.js';
import { recognise, useDemo, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;
let province: string;

useDemo((demo) => {
  ({
    srv,
    u,
    units: { province },
  } = demo);
});

describe('the statistics tally', () => {
  it('equals a full recount after a random sequence of changes', async () => {
    const seed = Number(process.env.DVK_TALLY_SEED ?? Date.now() % 100000);
    const rand = prng(seed); // seeded, so a failure can be replayed with the seed it prints
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const units = await Promise.all(
      [
        `${DEMO_COMMUNE_UNIT}-HPN`,
        `${DEMO_COMMUNE_UNIT}-HND`,
        `${DEMO_COMMUNE_UNIT}-AP1`,
        `${DEMO_COMMUNE_UNIT}-AP2`,
        DEMO_COMMUNE_UNIT,
      ].map((c) => unitId(u.admin, c)),
    );
    const fields = ['economic', 'cultural_social', 'defence_security', 'political_system', 'other'];
    const ids: string[] = [];
    const get = async (id: string) => (await u.officer.get(`/api/v1/registrations/${id}`)).body;
    const log: string[] = [];

    // At least 140 steps, and on until every kind of change below has happened at least once (for any seed).
    const exercised = ['create', 'submit', 'accept', 'update', 'inspect', 'withdraw'];
    for (let step = 0; step < 140 || (step < 800 && !exercised.every((a) => log.includes(a))); step++) {
      const roll = rand();
      if (roll < 0.3 || ids.length < 5) {
        const year = 2020 + Math.floor(rand() * 6);
        const r = await u.unit.post('/api/v1/registrations', {
          kind: pick(['model', 'exemplar']),
          unitId: pick(units),
          holder: 'collective',
          title: `Mô hình ngẫu nhiên ${step}`,
          fieldCode: pick(fields),
          startDate: `${year}-03-01`,
          endDate: `${year}-10-01`,
          level: pick(['commune', 'grassroots']),
          plannedFundsVnd: Math.floor(rand() * 5) * 500_000,
          plannedWorkdays: Math.floor(rand() * 40),
          criteria: [{ name: 'Số người tham gia', target: 20 }],
        });
        expect(r.status).toBe(201);
        ids.push(r.body.id);
        log.push('create');
        continue;
      }
      const reg = await get(pick(ids));
      const actions: string[] = reg.actions;
      const officerActions: string[] = actions;
      const unitActions: string[] = (await u.unit.get(`/api/v1/registrations/${reg.id}`)).body.actions;
      const possible = [...new Set([...officerActions, ...unitActions])].filter((a) =>
        ['update', 'submit', 'withdraw', 'return', 'accept', 'reject', 'complete', 'discontinue', 'commend', 'inspect'].includes(a),
      );
      if (reg.state === 'accepted' && rand() < 0.3) possible.push('recognise');
      if (possible.length === 0) continue;
      const action = pick(possible);
      const who = unitActions.includes(action) && action !== 'commend' ? u.unit : u.officer;
      let res;
      if (action === 'update') {
        const year = 2020 + Math.floor(rand() * 6);
        res = await who.patch(`/api/v1/registrations/${reg.id}`, {
          version: reg.version,
          fieldCode: pick(fields),
          startDate: `${year}-01-05`,
          endDate: `${year}-12-20`,
          plannedFundsVnd: Math.floor(rand() * 9) * 100_000,
        });
      } else if (action === 'inspect') {
        // dated in any order: "achieved" is the latest inspection by date, not the last one entered
        res = await who.post(`/api/v1/registrations/${reg.id}/inspections`, {
          inspectedOn: `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
          overall: 'on_track',
          fundsVnd: rand() < 0.2 ? null : Math.floor(rand() * 9) * 250_000,
          workdays: Math.floor(rand() * 30),
          peopleReached: Math.floor(rand() * 200),
          criteria: reg.criteria.map((c: { id: string }) => ({ criterionId: c.id, achieved: Math.floor(rand() * 30) })),
        });
      } else if (action === 'recognise') {
        await recognise(u, province, reg.id);
        log.push('recognise');
        continue;
      } else if (action === 'commend') {
        res = await who.post(`/api/v1/registrations/${reg.id}/commendations`, {
          formCode: 'giay_khen',
          issuer: 'Đảng ủy xã',
          decisionNo: `${step}-QĐ/ĐU`,
          decisionDate: '2025-12-01',
        });
      } else {
        res = await who.post(`/api/v1/registrations/${reg.id}/${action}`, { version: reg.version, reason: 'Lý do kiểm tra' });
      }
      expect([200, 201], `${action}: ${JSON.stringify(res.body)}`).toContain(res.status);
      log.push(action);
    }
    // move a hamlet with its registrations to another commune, and back under a new name
    const hamlet = (await u.admin.get(`/api/v1/units/${units[2]}`)).body;
    const other = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
    const moved = await u.admin.post(`/api/v1/units/${units[2]}/move`, { version: hamlet.version, newParentId: other });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    log.push('move');

    const [tally, truth] = await Promise.all([tallySnapshot(srv.db.pool), recount(srv.db.pool)]);
    expect(tally, `seed ${seed}; steps: ${log.join(' ')}`).toEqual(truth);
    const [rollup, rollupTruth] = await Promise.all([rollupSnapshot(srv.db.pool), rollupRecount(srv.db.pool)]);
    expect(rollup, `rollup, seed ${seed}`).toEqual(rollupTruth);
    // the sequence really exercised the transitions
    for (const a of exercised) expect(log, `seed ${seed}`).toContain(a);
    // and the moved hamlet's registrations now count under the other commune
    const s = (await u.admin.get(`/api/v1/stats?unitId=${other}&groupBy=child&allStates=true`)).body;
    const row = s.rows.find((r: { keys: { child: string } }) => r.keys.child === units[2]);
    expect(row?.count).toBe((await u.admin.get(`/api/v1/registrations?unitId=${units[2]}&pageSize=1`)).body.total);
  });
});
