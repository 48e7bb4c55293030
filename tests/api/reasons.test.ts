/**
 * The reason in sight: a returned, rejected or not recognised record carries the latest reason
 * (what, why, when, who and their unit) with the record, in every list item and on the to-do card;
 * the timeline names each actor's unit and a recognition's decision.
 */
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';
import { DECISION, demoRound } from './papers-round.js';

let srv: TestServer;
let u: Users;
let womenUnion: string, province: string;

useDemo((demo) => {
  ({
    srv,
    u,
    units: { womenUnion, province },
  } = demo);
});

async function submitted(title: string) {
  const draft = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hội viên tham gia tiết kiệm', target: 120, unitOfMeasure: 'người' }],
  });
  expect(draft.status).toBe(201);
  const sub = await u.unit.post(`/api/v1/registrations/${draft.body.id}/submit`, { version: draft.body.version });
  expect(sub.status).toBe(200);
  return sub.body as { id: string; version: number };
}

/** The officer's name and the name of the unit she works in, as the database holds them. */
async function officerAndUnit() {
  return srv.db.one<{ full_name: string; unit_name: string }>(
    `select a.full_name, u.name as unit_name from app_user a join unit u on u.id = a.unit_id where a.username = 'officer'`,
  );
}

const itemOf = async (url: string, id: string) => {
  const r = await u.unit.get(url);
  expect(r.status).toBe(200);
  return r.body.items.find((x: { id: string }) => x.id === id);
};

describe('the latest reason with the record and in lists', () => {
  it('a returned record carries its reason in the record, the lists and the to-do card, and drops it once sent again', async () => {
    const officer = await officerAndUnit();
    const a = await submitted('Mô hình “Lý do thứ nhất”');
    const b = await submitted('Mô hình “Lý do thứ hai”');
    const retA = await u.officer.post(`/api/v1/registrations/${a.id}/return`, { version: a.version, reason: 'Bổ sung số hộ tham gia' });
    expect(retA.status).toBe(200);
    const retB = await u.officer.post(`/api/v1/registrations/${b.id}/return`, { version: b.version, reason: 'Ghi rõ kinh phí dự kiến' });
    expect(retB.status).toBe(200);

    const record = await u.unit.get(`/api/v1/registrations/${a.id}`);
    expect(record.body.lastReason).toEqual({
      kind: 'return',
      text: 'Bổ sung số hộ tham gia',
      at: record.body.timeline.at(-1).at,
      by: officer.full_name,
      byUnit: officer.unit_name,
    });
    expect(new Date(record.body.lastReason.at).toISOString()).toBe(record.body.lastReason.at);

    // Each item of one page carries its own reason, in the queue and in the plain list.
    for (const url of ['/api/v1/registrations?queue=returned_to_me', '/api/v1/registrations?state=returned&pageSize=200']) {
      expect((await itemOf(url, a.id)).lastReason).toMatchObject({ kind: 'return', text: 'Bổ sung số hộ tham gia', by: officer.full_name });
      expect((await itemOf(url, b.id)).lastReason).toMatchObject({ kind: 'return', text: 'Ghi rõ kinh phí dự kiến' });
    }

    // The card "Hồ sơ bị trả lại" shows the latest one returned, with why.
    const todo = await u.unit.get('/api/v1/todo');
    const card = todo.body.items.find((i: { key: string }) => i.key === 'returned_to_me');
    expect(card.latest).toMatchObject({
      id: b.id,
      title: 'Mô hình “Lý do thứ hai”',
      lastReason: { kind: 'return', text: 'Ghi rõ kinh phí dự kiến', by: officer.full_name, byUnit: officer.unit_name },
    });

    // Sent again, it is no longer returned: no reason at the top, none in the list.
    const again = await u.unit.post(`/api/v1/registrations/${a.id}/submit`, { version: retA.body.version });
    expect(again.status).toBe(200);
    expect(again.body.lastReason).toBeNull();
    expect((await itemOf('/api/v1/registrations?pageSize=200', a.id)).lastReason).toBeNull();
    // Returned a second time: the latest reason, not the first.
    const ret2 = await u.officer.post(`/api/v1/registrations/${a.id}/return`, {
      version: again.body.version,
      reason: 'Thiếu chữ ký của Chủ tịch',
    });
    expect(ret2.body.lastReason).toMatchObject({ kind: 'return', text: 'Thiếu chữ ký của Chủ tịch' });
    expect((await itemOf('/api/v1/registrations?queue=returned_to_me', a.id)).lastReason.text).toBe('Thiếu chữ ký của Chủ tịch');
  });

  it('a rejected record carries the refusal and its reason', async () => {
    const r = await submitted('Mô hình “Không chấp thuận”');
    const rej = await u.officer.post(`/api/v1/registrations/${r.id}/reject`, { version: r.version, reason: 'Trùng với mô hình năm trước' });
    expect(rej.status).toBe(200);
    expect(rej.body.lastReason).toMatchObject({ kind: 'reject', text: 'Trùng với mô hình năm trước' });
    expect((await itemOf('/api/v1/registrations?state=rejected&pageSize=200', r.id)).lastReason).toMatchObject({
      kind: 'reject',
      text: 'Trùng với mô hình năm trước',
    });
  });

  it('a record not recognised in a round carries the reasons; a recognised one has none and its timeline cites the decision', async () => {
    const officer = await officerAndUnit();
    const { models } = await demoRound(u, province, womenUnion);
    const failed = await u.unit.get(`/api/v1/registrations/${models[2]!.id}`);
    expect(failed.body.state).toBe('not_recognised');
    expect(failed.body.lastReason).toMatchObject({
      kind: 'not_recognise',
      text: 'Số buổi sinh hoạt chưa đạt chỉ tiêu',
      by: officer.full_name,
    });
    expect((await itemOf('/api/v1/registrations?state=not_recognised&pageSize=200', models[2]!.id)).lastReason).toMatchObject({
      kind: 'not_recognise',
      text: 'Số buổi sinh hoạt chưa đạt chỉ tiêu',
    });

    const ok = await u.unit.get(`/api/v1/registrations/${models[0]!.id}`);
    expect(ok.body.state).toBe('recognised');
    expect(ok.body.lastReason).toBeNull();
    const recognise = ok.body.timeline.find((e: { transition: string }) => e.transition === 'recognise');
    expect(recognise).toMatchObject({
      actorName: officer.full_name,
      actorUnit: officer.unit_name,
      decision: { number: DECISION.decisionNo, date: DECISION.decisionDate, issuer: DECISION.issuer },
    });
    const accept = ok.body.timeline.find((e: { transition: string }) => e.transition === 'accept');
    expect(accept).toMatchObject({ actorUnit: officer.unit_name, decision: null });
  });

  it('the OpenAPI document describes the latest reason of list items, of the record and of the to-do card', async () => {
    const doc = (await u.unit.get('/api/v1/openapi.json')).body;
    const resolve = (x: any): any =>
      x?.$ref
        ? resolve(
            x.$ref
              .split('/')
              .slice(1)
              .reduce((o: any, k: string) => o[k], doc),
          )
        : x;
    const answer = (p: string) => resolve(doc.paths[p].get.responses['200'].content['application/json'].schema);
    const reasonOf = (schema: any) => {
      const lr = resolve(schema.properties.lastReason);
      const obj = resolve((lr.anyOf ?? lr.oneOf ?? [lr]).map(resolve).find((x: any) => x.properties));
      return { ...obj, kind: resolve(obj.properties.kind) };
    };
    for (const schema of [resolve(answer('/api/v1/registrations').properties.items.items), answer('/api/v1/registrations/{id}')]) {
      const lr = reasonOf(schema);
      expect(lr.kind.enum).toEqual(['return', 'reject', 'not_recognise', 'discontinue']);
      expect(Object.keys(lr.properties)).toEqual(['kind', 'text', 'at', 'by', 'byUnit']);
    }
    const todoItem = resolve(answer('/api/v1/todo').properties.items.items);
    expect(Object.keys(resolve(todoItem.properties.latest).properties)).toEqual(['id', 'title', 'lastReason']);
  });
});
