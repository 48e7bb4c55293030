/**
 * A recognition round as the demo holds them, for the papers' tests: three models of the commune's
 * Women's Union in a round of the province; two recognised by one decision with open votes, one not.
 */
import JSZip from 'jszip';
import type { Users } from './helpers.js';

export const DECISION = {
  result: 'recognised',
  level: 'province',
  decisionNo: '125-QĐ/BCĐ',
  decisionDate: '2026-11-20',
  issuer: 'Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh Vĩnh Long',
} as const;

export const TITLES = ['Mô hình “Xóm đạo bình yên”', 'Mô hình “Chi hội phụ nữ 5 không 3 sạch”', 'Mô hình “Tuyến đường hoa”'];

export async function demoRound(u: Users, province: string, womenUnion: string) {
  const models: { id: string; version: number; title: string }[] = [];
  for (const title of TITLES) {
    const d = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title,
      fieldCode: 'cultural_social',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      problem: 'Địa bàn có đông đồng bào theo đạo, tình hình an ninh trật tự phức tạp.',
      criteria: [
        { name: 'Số hộ tham gia', target: 50, unitOfMeasure: 'hộ' },
        { name: 'Số buổi sinh hoạt', target: 12, unitOfMeasure: 'buổi' },
      ],
    });
    if (d.status !== 201) throw new Error(JSON.stringify(d.body));
    const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    const a = await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version });
    models.push({ id: d.body.id, version: a.body.version, title });
  }
  const round = (
    await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận mô hình “Dân vận khéo” năm 2026' })
  ).body;
  for (const m of models) await u.officer.post(`/api/v1/recognition-rounds/${round.id}/candidates`, { registrationId: m.id });
  for (const [i, m] of models.entries()) {
    const base = `/api/v1/recognition-rounds/${round.id}/candidates/${m.id}`;
    const r = await u.officer.get(`/api/v1/recognition-rounds/${round.id}`);
    const cand = r.body.candidates.find((c: any) => c.registration.id === m.id);
    await u.officer.put(`${base}/checklist`, {
      items: cand.checklist.map((c: any, j: number) => ({ criterionId: c.criterionId, mark: i === 2 && j === 1 ? 'not_met' : 'met' })),
    });
    await u.unit.post(`${base}/acknowledge`, { note: 'Chi hội xác nhận mô hình hoạt động đều' });
    if (i < 2) {
      await u.member.post(`${base}/vote`, { vote: 'for' });
      await u.officer.post(`${base}/vote`, { vote: 'for' });
      await u.admin.post(`${base}/vote`, { vote: i === 0 ? 'for' : 'abstain' });
      const done = await u.officer.post(`${base}/decide`, DECISION);
      if (done.status !== 200) throw new Error(JSON.stringify(done.body));
    } else {
      await u.member.post(`${base}/vote`, { vote: 'against' });
      await u.officer.post(`${base}/vote`, { vote: 'against' });
      await u.officer.post(`${base}/decide`, { result: 'not_recognised', reasons: 'Số buổi sinh hoạt chưa đạt chỉ tiêu' });
    }
  }
  return { round, models };
}

/** The text a reader sees in a .docx, runs joined (Word may split a sentence across runs). */
export async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const body = await zip.file('word/document.xml')!.async('string');
  return [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)].map((m) => (m[1] === undefined ? '\n' : m[1])).join('');
}

/** The images of a .docx. */
export async function docxImages(buf: Buffer): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(buf);
  const files = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
  return Promise.all(files.map((n) => zip.file(n)!.async('nodebuffer')));
}

export const paperBody = (extra: Record<string, unknown>) => ({
  place: 'Vĩnh Long',
  signer: { capacity: 'T/M BAN CHỈ ĐẠO', title: 'TRƯỞNG BAN', name: 'Nguyễn Văn Hòa' },
  ...extra,
});
