/**
 * Every direct transition tried from every state: allowed ones move the record, the others answer
 * 409 and change nothing. Each cell starts from its own registration driven there through the API.
 */
import { describe, expect, it } from 'vitest';
import { DIRECT_TRANSITIONS, REGISTRATION_STATES, TRANSITIONS, type RegistrationState } from '../../src/domain/workflow.js';
import type { Client } from '../support/client.js';
import { useDemo, type Users } from './helpers.js';

let u: Users;
let province: string, womenUnion: string;
let n = 0;

useDemo((demo) => {
  ({
    u,
    units: { province, womenUnion },
  } = demo);
});

const REASON = 'Lý do ghi rõ cho đơn vị';

async function step(c: Client, id: string, name: string, version: number, extra: Record<string, unknown> = {}) {
  const r = await c.post(`/api/v1/registrations/${id}/${name.replace('_', '-')}`, { version, reason: REASON, ...extra });
  if (r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function recognitionDecision(reg: any, result: 'recognised' | 'not_recognised') {
  const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: `Đợt ${++n}` });
  await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: reg.id });
  const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${reg.id}`;
  await u.officer.put(`${base}/checklist`, { items: reg.criteria.map((c: any) => ({ criterionId: c.id, mark: 'met' })) });
  await u.unit.post(`${base}/acknowledge`, {});
  await u.member.post(`${base}/vote`, { vote: 'for' });
  await u.officer.post(`${base}/vote`, { vote: 'for' });
  const d = await u.officer.post(
    `${base}/decide`,
    result === 'recognised'
      ? { result, level: 'province', decisionNo: `${n}-QĐ`, decisionDate: '2026-11-20', issuer: 'Ban Chỉ đạo tỉnh' }
      : { result, reasons: REASON },
  );
  if (d.status !== 200) throw new Error(JSON.stringify(d.body));
  return (await u.officer.get(`/api/v1/registrations/${reg.id}`)).body;
}

/** A fresh registration driven into the given state. */
async function inState(state: RegistrationState) {
  let r = (
    await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: `Mô hình ma trận ${++n}`,
      fieldCode: 'other',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Chỉ tiêu', target: 1, unitOfMeasure: 'lần' }],
    })
  ).body;
  if (state === 'draft') return r;
  r = await step(u.unit, r.id, 'submit', r.version);
  if (state === 'submitted') return r;
  if (state === 'returned') return step(u.officer, r.id, 'return', r.version);
  if (state === 'rejected') return step(u.officer, r.id, 'reject', r.version);
  r = await step(u.officer, r.id, 'accept', r.version);
  if (state === 'accepted') return r;
  if (state === 'completed') return step(u.unit, r.id, 'complete', r.version);
  if (state === 'discontinued') return step(u.unit, r.id, 'discontinue', r.version);
  if (state === 'recognised') return recognitionDecision(r, 'recognised');
  if (state === 'not_recognised') return recognitionDecision(r, 'not_recognised');
  throw new Error(state);
}

// Who takes each transition in this matrix: the registrant's side or the committee's.
const ACTOR: Record<string, 'unit' | 'officer'> = {
  submit: 'unit',
  withdraw: 'unit',
  complete: 'unit',
  discontinue: 'unit',
  return: 'officer',
  accept: 'officer',
  reject: 'officer',
};

describe('every direct transition from every state', () => {
  for (const name of DIRECT_TRANSITIONS) {
    for (const state of REGISTRATION_STATES) {
      const allowed = (TRANSITIONS[name].from as readonly string[]).includes(state);
      it(`${name} from ${state}: ${allowed ? 'allowed' : '409'}`, async () => {
        const reg = await inState(state);
        expect(reg.state).toBe(state);
        const r = await u[ACTOR[name]!].post(`/api/v1/registrations/${reg.id}/${name.replace('_', '-')}`, {
          version: reg.version,
          reason: REASON,
        });
        if (allowed) {
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          expect(r.body.state).toBe(TRANSITIONS[name].to);
          expect(r.body.timeline.at(-1).transition).toBe(name);
        } else {
          expect(r.status).toBe(409);
          expect(r.body.error.code).toBe('ILLEGAL_TRANSITION');
          const after = await u.officer.get(`/api/v1/registrations/${reg.id}`);
          expect(after.body.state).toBe(state);
          expect(after.body.version).toBe(reg.version);
        }
      });
    }
  }
});
