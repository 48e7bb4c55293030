/**
 * The doors of the side-doors test: every endpoint that takes an id in its path, query or body,
 * with the request it sends for an id. Kept apart from the test so that the table reads as a list.
 */
import { randomUUID } from 'node:crypto';
export type Kind = 'unit' | 'campaign' | 'registration' | 'report' | 'round' | 'user';

/** Records outside the commune officer's view, by kind, filled in before the tests run. */
export const foreign: Record<Kind, { label: string; id: string }[]> = {
  unit: [],
  campaign: [],
  registration: [],
  report: [],
  round: [],
  user: [],
};

/** The commune officer's own records, filled in before the tests run. */
export const own = {} as {
  commune: string;
  org: string;
  child: { id: string; version: number };
  reg: { id: string; version: number };
  recognised: string;
};

export const registrationBody = (unit: string, extra: Record<string, unknown> = {}) => ({
  kind: 'model',
  unitId: unit,
  holder: 'collective',
  title: 'Mô hình thử cửa sau',
  fieldCode: 'economic',
  startDate: '2026-02-01',
  endDate: '2026-11-30',
  level: 'grassroots',
  criteria: [{ name: 'Số hộ tham gia', target: 10 }],
  ...extra,
});
export const reportBody = (unit: string, extra: Record<string, unknown> = {}) => ({
  unitId: unit,
  kind: 'interim',
  yearFrom: 2026,
  yearTo: 2026,
  title: 'Báo cáo thử cửa sau',
  issuingBody: 'BAN CHỈ ĐẠO XÃ CÀNG LONG',
  place: 'Càng Long',
  reportDate: '2026-06-30',
  ...extra,
});

export interface Door {
  name: string;
  kind: Kind;
  call: (id: string) => [method: string, url: string, body?: unknown];
}

export const doors: Door[] = [
  // filters of lists, statistics and exports
  { name: 'registration list ?unitId', kind: 'unit', call: (id) => ['GET', `/registrations?unitId=${id}`] },
  { name: 'registration list ?campaignId', kind: 'campaign', call: (id) => ['GET', `/registrations?campaignId=${id}`] },
  { name: 'statistics ?unitId', kind: 'unit', call: (id) => ['GET', `/stats?unitId=${id}&groupBy=child`] },
  { name: 'statistics ?campaignId', kind: 'campaign', call: (id) => ['GET', `/stats?campaignId=${id}&groupBy=campaign`] },
  { name: 'statistics ?campaignId, every state', kind: 'campaign', call: (id) => ['GET', `/stats?campaignId=${id}&allStates=true`] },
  { name: 'export job filter.unitId', kind: 'unit', call: (id) => ['POST', '/exports', { kind: 'registrations', filter: { unitId: id } }] },
  {
    name: 'export job filter.campaignId',
    kind: 'campaign',
    call: (id) => ['POST', '/exports', { kind: 'registrations', filter: { campaignId: id } }],
  },
  { name: 'search ?unitId', kind: 'unit', call: (id) => ['GET', `/search?q=${encodeURIComponent('mô hình')}&unitId=${id}`] },
  {
    name: 'similar ?unitId',
    kind: 'unit',
    call: (id) => ['GET', `/registrations/similar?unitId=${id}&title=${encodeURIComponent('Mô hình bí mật của xã khác')}&year=2026`],
  },
  {
    name: 'similar ?excludeId',
    kind: 'registration',
    call: (id) => [
      'GET',
      `/registrations/similar?unitId=${own.commune}&title=${encodeURIComponent('Mô hình bí mật của xã khác')}&year=2026&excludeId=${id}`,
    ],
  },
  { name: 'unit list ?parentId', kind: 'unit', call: (id) => ['GET', `/units?parentId=${id}`] },
  { name: 'unit sheet ?parentId', kind: 'unit', call: (id) => ['GET', `/units/xlsx?parentId=${id}`] },
  { name: 'audit ?actorId', kind: 'user', call: (id) => ['GET', `/audit?actorId=${id}`] },
  { name: 'audit ?entityId', kind: 'registration', call: (id) => ['GET', `/audit?entityId=${id}`] },
  { name: 'audit sheet ?actorId', kind: 'user', call: (id) => ['GET', `/audit/xlsx?actorId=${id}`] },
  { name: 'audit sheet ?entityId', kind: 'campaign', call: (id) => ['GET', `/audit/xlsx?entityId=${id}`] },
  // campaigns and their compliance table
  { name: 'campaign', kind: 'campaign', call: (id) => ['GET', `/campaigns/${id}`] },
  { name: 'compliance', kind: 'campaign', call: (id) => ['GET', `/campaigns/${id}/compliance?year=2026`] },
  { name: 'compliance sheet', kind: 'campaign', call: (id) => ['GET', `/campaigns/${id}/compliance/xlsx?year=2026`] },
  { name: 'campaign edit', kind: 'campaign', call: (id) => ['PATCH', `/campaigns/${id}`, { version: 1, title: 'Sửa thử' }] },
  { name: 'campaign launch', kind: 'campaign', call: (id) => ['POST', `/campaigns/${id}/launch`, { version: 1 }] },
  { name: 'campaign close', kind: 'campaign', call: (id) => ['POST', `/campaigns/${id}/close`, { version: 1 }] },
  // ids in the bodies of creations
  { name: 'registration body.unitId', kind: 'unit', call: (id) => ['POST', '/registrations', registrationBody(id)] },
  {
    name: 'registration body.placeUnitId',
    kind: 'unit',
    call: (id) => ['POST', '/registrations', registrationBody(own.org, { placeUnitId: id })],
  },
  {
    name: 'registration body.campaignId',
    kind: 'campaign',
    call: (id) => ['POST', '/registrations', registrationBody(own.org, { campaignId: id })],
  },
  {
    name: 'registration body.originId',
    kind: 'registration',
    call: (id) => ['POST', '/registrations', registrationBody(own.org, { origin: 'replication', originId: id })],
  },
  {
    name: 'registration edit body.campaignId',
    kind: 'campaign',
    call: (id) => ['PATCH', `/registrations/${own.reg.id}`, { version: own.reg.version, campaignId: id }],
  },
  { name: 'report body.unitId', kind: 'unit', call: (id) => ['POST', '/review-reports', reportBody(id)] },
  {
    name: 'report body.campaignId',
    kind: 'campaign',
    call: (id) => ['POST', '/review-reports', reportBody(own.commune, { campaignId: id })],
  },
  { name: 'round body.unitId', kind: 'unit', call: (id) => ['POST', '/recognition-rounds', { unitId: id, title: 'Đợt xét thử' }] },
  {
    name: 'round body.campaignId',
    kind: 'campaign',
    call: (id) => ['POST', '/recognition-rounds', { unitId: own.commune, campaignId: id, title: 'Đợt xét thử' }],
  },
  {
    name: 'campaign body.unitId',
    kind: 'unit',
    call: (id) => [
      'POST',
      '/campaigns',
      { unitId: id, title: 'Đợt thử', yearFrom: 2026, yearTo: 2026, startDate: '2026-01-10', endDate: '2026-12-31', quotas: [] },
    ],
  },
  {
    name: 'unit body.parentId',
    kind: 'unit',
    call: (id) => [
      'POST',
      '/units',
      { parentId: id, code: `CS-${randomUUID().slice(0, 8)}`, name: 'Tổ thử', kind: 'mass_association', level: 'grassroots' },
    ],
  },
  {
    name: 'unit move body.newParentId',
    kind: 'unit',
    call: (id) => ['POST', `/units/${own.child.id}/move`, { version: own.child.version, newParentId: id }],
  },
  {
    name: 'proposal body.toUnitId',
    kind: 'unit',
    call: (id) => [
      'POST',
      `/registrations/${own.recognised}/proposals`,
      { toUnitId: id, formCode: 'bang_khen_ubnd_tinh', reason: 'Đề nghị thử cửa sau' },
    ],
  },
  {
    name: 'supporter body.supporterId',
    kind: 'user',
    call: (id) => ['POST', `/registrations/${own.reg.id}/supporter`, { version: own.reg.version, supporterId: id }],
  },
  {
    name: 'user body.unitId',
    kind: 'unit',
    call: (id) => [
      'POST',
      '/users',
      {
        username: 'thu.cua.sau',
        fullName: 'Thử',
        role: 'viewer',
        unitId: id,
        entryUnitId: null,
        viewUnitId: id,
        password: 'Vinh-Long-bi-mat-2026!',
      },
    ],
  },
  // records by id
  { name: 'unit', kind: 'unit', call: (id) => ['GET', `/units/${id}`] },
  { name: 'user', kind: 'user', call: (id) => ['GET', `/users/${id}`] },
  { name: 'registration', kind: 'registration', call: (id) => ['GET', `/registrations/${id}`] },
  { name: 'registration inspections', kind: 'registration', call: (id) => ['GET', `/registrations/${id}/inspections`] },
  { name: 'registration commendations', kind: 'registration', call: (id) => ['GET', `/registrations/${id}/commendations`] },
  { name: 'registration supporter candidates', kind: 'registration', call: (id) => ['GET', `/registrations/${id}/supporter-candidates`] },
  { name: 'report', kind: 'report', call: (id) => ['GET', `/review-reports/${id}`] },
  { name: 'report figures', kind: 'report', call: (id) => ['GET', `/review-reports/${id}/figures`] },
  { name: 'report document', kind: 'report', call: (id) => ['GET', `/review-reports/${id}/docx`] },
  { name: 'report sheet', kind: 'report', call: (id) => ['GET', `/review-reports/${id}/xlsx`] },
  { name: 'report edit', kind: 'report', call: (id) => ['PATCH', `/review-reports/${id}`, { version: 1, title: 'Sửa thử' }] },
  { name: 'round', kind: 'round', call: (id) => ['GET', `/recognition-rounds/${id}`] },
  {
    name: 'round candidates',
    kind: 'round',
    call: (id) => ['POST', `/recognition-rounds/${id}/candidates`, { registrationId: own.reg.id }],
  },
  {
    name: 'round body.registrationId',
    kind: 'registration',
    call: (id) => ['POST', `/recognition-rounds/${foreign.round[0]!.id}/candidates`, { registrationId: id }],
  },
  { name: 'bulk accept body.ids', kind: 'registration', call: (id) => ['POST', '/registrations/bulk', { action: 'accept', ids: [id] }] },
  {
    name: 'bulk return body.ids',
    kind: 'registration',
    call: (id) => ['POST', '/registrations/bulk', { action: 'return', ids: [id], reason: 'Bổ sung hồ sơ' }],
  },
  {
    name: 'bulk add to round body.roundId',
    kind: 'round',
    call: (id) => ['POST', '/registrations/bulk', { action: 'add_to_round', ids: [own.reg.id], roundId: id }],
  },
];
