import { describe, expect, it } from 'vitest';
import { useDemo, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT } from '../../src/seed/demo.js';

let u: Users;
let province: string, womenUnion: string;

useDemo((demo) => {
  ({
    u,
    units: { province, womenUnion },
  } = demo);
});

const campaign = (over: Record<string, unknown> = {}) => ({
  unitId: province,
  title: 'Phát động phong trào thi đua “Dân vận khéo” giai đoạn 2026–2030',
  yearFrom: 2026,
  yearTo: 2030,
  startDate: '2026-01-15',
  endDate: '2030-12-31',
  focusThemes: ['Xây dựng nông thôn mới', 'Chuyển đổi số'],
  quotas: [
    {
      unitKind: 'party',
      minNew: 1,
      minConsolidated: 2,
      minTotal: 1,
      note: 'Mỗi tổ chức Đảng ít nhất 1 mô hình mới hoặc củng cố 2 mô hình',
    },
    { unitKind: null, minNew: 0, minConsolidated: 0, minTotal: 2, note: 'Mỗi đơn vị 2 mô hình mỗi năm' },
  ],
  ...over,
});

describe('campaigns', () => {
  it('the province officer drafts a campaign with quotas; only those who may edit it see the draft', async () => {
    const r = await u.officer.post('/api/v1/campaigns', campaign());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'draft', yearFrom: 2026, yearTo: 2030, actions: ['update', 'launch'] });
    expect(r.body.quotas).toHaveLength(2);
    expect((await u.unit.get(`/api/v1/campaigns/${r.body.id}`)).status).toBe(404);
    expect((await u.unit.get('/api/v1/campaigns')).body.total).toBe(0);
    expect((await u.viewer.get(`/api/v1/campaigns/${r.body.id}`)).status).toBe(404);
  });

  it('launching makes it visible to the whole subtree, and open for registrations', async () => {
    const draft = await u.officer.post(
      '/api/v1/campaigns',
      campaign({ title: 'Đợt thi đua năm 2026', yearTo: 2026, endDate: '2026-12-31' }),
    );
    const reg = {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: 'Mô hình thử đợt',
      fieldCode: 'economic',
      startDate: '2026-02-01',
      endDate: '2026-12-01',
      level: 'commune',
      campaignId: draft.body.id,
    };
    const early = await u.unit.post('/api/v1/registrations', reg);
    expect(early.status).toBe(404); // the draft is not visible to the commune yet
    const launched = await u.officer.post(`/api/v1/campaigns/${draft.body.id}/launch`, { version: draft.body.version });
    expect(launched.status).toBe(200);
    expect(launched.body.state).toBe('launched');
    const seen = await u.unit.get('/api/v1/campaigns?state=launched');
    expect(seen.body.items.map((c: any) => c.id)).toContain(draft.body.id);
    expect(seen.body.items.find((c: any) => c.id === draft.body.id).actions).toEqual([]);
    const ok = await u.unit.post('/api/v1/registrations', reg);
    expect(ok.status).toBe(201);
    expect(ok.body.campaign.title).toBe('Đợt thi đua năm 2026');
    const again = await u.officer.post(`/api/v1/campaigns/${draft.body.id}/launch`, { version: launched.body.version });
    expect(again.status).toBe(409);
    const closed = await u.officer.post(`/api/v1/campaigns/${draft.body.id}/close`, { version: launched.body.version });
    expect(closed.body.state).toBe('closed');
    const late = await u.unit.post('/api/v1/registrations', { ...reg, title: 'Đăng ký muộn' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CAMPAIGN_NOT_OPEN');
  });

  it('only officers launch campaigns, and inconsistent periods are refused', async () => {
    for (const who of ['member', 'viewer'] as const) {
      expect((await u[who].post('/api/v1/campaigns', campaign())).status, who).toBe(403);
    }
    const commune = await unitId(u.admin, DEMO_COMMUNE_UNIT);
    expect((await u.unit.post('/api/v1/campaigns', campaign({ unitId: commune }))).status).toBe(403);
    expect((await u.unit.post('/api/v1/campaigns', campaign())).status).toBe(404); // the province is above the commune officer's view
    const bad = await u.officer.post('/api/v1/campaigns', campaign({ yearFrom: 2030, yearTo: 2026 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('DATES_INVALID');
  });

  it('an edit that names only the title keeps the quotas', async () => {
    const c = await u.officer.post('/api/v1/campaigns', campaign({ title: 'Đợt sửa tên' }));
    const r = await u.officer.patch(`/api/v1/campaigns/${c.body.id}`, { version: c.body.version, title: 'Đợt đã đổi tên' });
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('Đợt đã đổi tên');
    expect(r.body.quotas).toHaveLength(2);
    expect(r.body.focusThemes).toEqual(['Xây dựng nông thôn mới', 'Chuyển đổi số']);
  });
});

describe('criteria catalogue', () => {
  it('starts with criteria for each unit kind, individuals and models; everyone reads it', async () => {
    const police = await u.unit.get('/api/v1/criteria-templates?target=collective&unitKind=police');
    expect(police.status).toBe(200);
    expect(police.body.length).toBeGreaterThanOrEqual(3);
    expect(police.body.every((c: any) => c.unitKind === 'police' && c.target === 'collective')).toBe(true);
    for (const target of ['individual', 'model']) {
      expect((await u.viewer.get(`/api/v1/criteria-templates?target=${target}`)).body.length, target).toBeGreaterThan(0);
    }
  });

  it('movement officers edit it; others may not', async () => {
    const created = await u.officer.post('/api/v1/criteria-templates', {
      target: 'collective',
      unitKind: 'school',
      name: 'Vận động phụ huynh tham gia xây dựng trường xanh – sạch – đẹp',
    });
    expect(created.status).toBe(201);
    const edited = await u.officer.patch(`/api/v1/criteria-templates/${created.body.id}`, { version: created.body.version, active: false });
    expect(edited.body).toMatchObject({ active: false, name: 'Vận động phụ huynh tham gia xây dựng trường xanh – sạch – đẹp' });
    expect((await u.unit.post('/api/v1/criteria-templates', { target: 'model', unitKind: null, name: 'Thử' })).status).toBe(403);
    expect(
      (await u.member.patch(`/api/v1/criteria-templates/${created.body.id}`, { version: edited.body.version, name: 'x' })).status,
    ).toBe(403);
  });
});
