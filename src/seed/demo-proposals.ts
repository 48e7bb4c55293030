/**
 * Demo proposals: Càng Long commune asks the province to commend three of its recognised models.
 * The province accepted one (with the commendation it issued) and two wait in its queue, so the
 * "Đề nghị khen thưởng" screen has work on a first start.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../data/db.js';
import { DEMO_COMMUNE_UNIT } from './demo.js';

export async function seedDemoProposals(q: Queryable, by: { unitUser: string; officer: string }, province: { id: string; path: string }) {
  const commune = (
    await q.query<{ id: string; path: string }>('select id, path::text as path from unit where code = $1 and valid_to is null', [
      DEMO_COMMUNE_UNIT,
    ])
  ).rows[0];
  if (!commune) return 0;
  const models = (
    await q.query<{ id: string; title: string; year: number }>(
      `select id, title, year from registration where unit_path <@ $1::ltree and recognised and kind = 'model'
        and not exists (select 1 from commendation c where c.registration_id = registration.id)
      order by year desc, title limit 3`,
      [commune.path],
    )
  ).rows;
  const reasons = [
    'Mô hình được nhân dân đồng tình, kết quả vượt chỉ tiêu đăng ký, đã được các ấp trong xã học tập.',
    'Huy động được nhiều nguồn lực trong dân, cách làm dễ áp dụng ở các xã khác.',
    'Thực hiện bền vững qua nhiều năm, được Ban Chỉ đạo tỉnh công nhận.',
  ];
  for (const [i, m] of models.entries()) {
    const id = randomUUID();
    const proposedAt = ['2026-11-18', '2026-11-10', '2026-09-25'][i] + 'T09:00:00+07:00';
    let commendation: string | null = null;
    if (i === 2) {
      commendation = randomUUID();
      await q.query(
        `insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date, created_by)
         values ($1, $2, 'bang_khen_ubnd_tinh', 'Ủy ban nhân dân tỉnh Vĩnh Long', '1875/QĐ-UBND', '2026-10-20', $3)`,
        [commendation, m.id, by.officer],
      );
    }
    await q.query(
      `insert into commendation_proposal (id, registration_id, from_unit_id, to_unit_id, to_unit_path, form_code, reason, state, proposed_by, proposed_at,
         decided_by, decided_at, decision_note, commendation_id)
       values ($1, $2, $3, $4, $5::ltree, 'bang_khen_ubnd_tinh', $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        m.id,
        commune.id,
        province.id,
        province.path,
        reasons[i],
        commendation ? 'accepted' : 'pending',
        by.unitUser,
        proposedAt,
        commendation ? by.officer : null,
        commendation ? '2026-10-20T15:00:00+07:00' : null,
        commendation ? 'Đồng ý khen thưởng.' : null,
        commendation,
      ],
    );
  }
  return models.length;
}
