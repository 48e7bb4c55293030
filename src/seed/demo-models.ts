/**
 * Demo models and exemplars for the three demo communes and the provincial block, over 2021–2026,
 * so that a first start shows a living movement: lists, figures, recognitions and commendations.
 * Deterministic (no randomness), written in one transaction; the database's own triggers keep
 * the statistics tally and the search index.
 */
import { randomUUID } from 'node:crypto';
import { seedDemoProposals } from './demo-proposals.js';
import type { Db } from '../data/db.js';
import { foldVietnamese } from '../domain/text.js';
import { EXEMPLARS, IDEAS, type Field } from './demo-ideas.js';
import { HISTORY_MODELS } from './demo-history.js';
import { DEMO_BLOCK_UNIT, DEMO_COMMUNE_UNIT, DEMO_COMMUNES, DEMO_PROVINCE_UNIT } from './demo.js';

/** Where each idea is carried out: an organisation or a hamlet of a demo commune, or a provincial agency. */
const PLACES = ['HND', 'HPN', 'DTN', 'AP1', 'UBND', 'CA', 'HCCB', 'AP2', 'MTTQ', 'TYT', 'THCS', 'DU'];
const COMMUNES = DEMO_COMMUNES;

export async function hasDemoModels(db: Db): Promise<boolean> {
  return (await db.rows<{ n: number }>('select count(*) as n from registration'))[0]!.n > 0;
}

export async function seedDemoModels(db: Db): Promise<number> {
  return db.tx(async (q) => {
    const units = new Map(
      (
        await q.query<{ id: string; code: string; path: string; name: string }>(
          `select id, code, path::text as path, name from unit where code like any($1::text[]) and valid_to is null`,
          [[...COMMUNES, DEMO_BLOCK_UNIT].map((c) => `${c}%`)],
        )
      ).rows.map((u) => [u.code, u]),
    );
    const users = new Map(
      (await q.query<{ id: string; username: string; full_name: string }>('select id, username, full_name from app_user')).rows.map((u) => [
        u.username,
        u,
      ]),
    );
    const officer = users.get('officer');
    const unitUser = users.get('unit');
    const member = users.get('member');
    if (!officer || !unitUser || !member || !units.size) return 0;
    const province = (
      await q.query<{ id: string; path: string }>('select id, path::text as path from unit where code = $1 and valid_to is null', [
        DEMO_PROVINCE_UNIT,
      ])
    ).rows[0]!;

    // The province's campaign for the whole period; every demo registration answers it.
    const campaign = randomUUID();
    await q.query(
      `insert into campaign (id, unit_id, unit_path, title, description, year_from, year_to, start_date, end_date, focus_themes, state, launched_at, created_by)
       values ($1, $2, $3::ltree, $4, $5, 2021, 2026, '2021-01-15', '2026-12-31', $6, 'launched', '2021-01-15T08:00:00+07:00', $7)`,
      [
        campaign,
        province.id,
        province.path,
        'Phong trào thi đua “Dân vận khéo” tỉnh Vĩnh Long giai đoạn 2021–2026',
        'Mỗi cơ quan, đơn vị, địa phương đăng ký ít nhất một mô hình “Dân vận khéo” mỗi năm, gắn với nhiệm vụ chính trị của mình.',
        ['Phát triển kinh tế, giảm nghèo', 'Xây dựng nông thôn mới', 'Cải cách hành chính', 'Giữ vững an ninh trật tự'],
        officer.id,
      ],
    );
    await q.query(
      `insert into campaign_quota (id, campaign_id, unit_kind, min_new, min_consolidated, min_total, note) values ($1, $2, null, 0, 0, 1, $3)`,
      [randomUUID(), campaign, 'Mỗi đơn vị trực thuộc ít nhất 1 mô hình mỗi năm'],
    );

    const rounds = new Map<number, string>();
    const roundFor = async (year: number) => {
      if (!rounds.has(year)) {
        const id = randomUUID();
        await q.query(
          `insert into recognition_round (id, unit_id, unit_path, title, state, opened_by, opened_at, closed_at)
           values ($1, $2, $3::ltree, $4, 'closed', $5, $6, $6)`,
          [id, province.id, province.path, `Xét công nhận mô hình, điển hình “Dân vận khéo” năm ${year}`, officer.id, `${year}-11-15`],
        );
        rounds.set(year, id);
      }
      return rounds.get(year)!;
    };

    let made = 0;
    const add = async (o: {
      unit: { id: string; path: string };
      kind: 'model' | 'exemplar';
      title: string;
      field: Field;
      year: number;
      state: string;
      problem?: string;
      person?: string;
      position?: string;
      criterion: [string, number, string];
      by: { id: string; full_name: string };
      origin?: 'new' | 'consolidation';
      originId?: string | null;
      funds: number;
      commend?: boolean;
      level?: 'commune' | 'grassroots';
    }) => {
      const id = randomUUID();
      const recognised = o.state === 'recognised' || o.state === 'completed';
      await q.query(
        `insert into registration (campaign_id, id, kind, unit_id, unit_path, holder, person_name, person_position, title, title_key, field_code, origin, origin_id,
           problem, purpose, start_date, end_date, planned_funds_vnd, planned_workdays, level, year, state, recognised, created_by, submitted_at, decided_at)
         values ($26, $1, $2, $3, $4::ltree, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
                 $24, $25)`,
        [
          id,
          o.kind,
          o.unit.id,
          o.unit.path,
          o.person ? 'individual' : 'collective',
          o.person ?? null,
          o.position ?? null,
          o.title,
          foldVietnamese(o.title),
          o.field,
          o.origin ?? 'new',
          o.originId ?? null,
          o.problem ?? null,
          o.problem ? 'Giải quyết dứt điểm, được dân đồng tình' : null,
          `${o.year}-02-15`,
          `${o.year}-11-30`,
          o.funds,
          30 + (made % 7) * 10,
          o.level ?? 'grassroots',
          o.year,
          o.state,
          recognised,
          o.by.id,
          o.state === 'draft' ? null : `${o.year}-02-21T09:00:00+07:00`,
          ['draft', 'submitted'].includes(o.state) ? null : `${o.year}-03-12T15:00:00+07:00`,
          campaign,
        ],
      );
      await q.query(
        'insert into registration_criterion (id, registration_id, name, target, unit_of_measure, sort) values ($1, $2, $3, $4, $5, 0)',
        [randomUUID(), id, ...o.criterion],
      );
      const steps: [string, string | null, string, string?][] = [['create', null, 'draft']];
      if (o.state !== 'draft') steps.push(['submit', 'draft', 'submitted']);
      if (['accepted', 'recognised', 'completed', 'discontinued'].includes(o.state)) steps.push(['accept', 'submitted', 'accepted']);
      if (recognised) steps.push(['recognise', 'accepted', 'recognised']);
      if (o.state === 'completed') steps.push(['complete', 'recognised', 'completed']);
      if (o.state === 'rejected')
        steps.push(['reject', 'submitted', 'rejected', 'Trùng với mô hình đã đăng ký của ấp; đề nghị đăng ký củng cố mô hình cũ']);
      if (o.state === 'returned') steps.push(['return', 'submitted', 'returned', 'Bổ sung tiêu chí đo được và kinh phí dự kiến']);
      if (o.state === 'discontinued')
        steps.push(['discontinue', 'accepted', 'discontinued', 'Không còn người phụ trách sau khi sắp xếp đơn vị']);
      for (const [i, [transition, from, to, reason]] of steps.entries()) {
        await q.query(
          `insert into registration_event (registration_id, at, actor_id, actor_name, transition, from_state, to_state, reason)
           values ($1, $2::timestamptz + make_interval(days => $3), $4, $5, $6, $7, $8, $9)`,
          [
            id,
            `${o.year}-02-01`,
            i * 20,
            i >= 2 ? officer.id : o.by.id,
            i >= 2 ? officer.full_name : o.by.full_name,
            transition,
            from,
            to,
            reason ?? null,
          ],
        );
      }
      if (recognised) {
        const round = await roundFor(o.year);
        await q.query(
          `insert into recognition_candidate (round_id, registration_id, acknowledged, result, level, decision_no, decision_date, issuer, decided_at)
           values ($1, $2, true, 'recognised', 'province', $3, $4, 'Ban Chỉ đạo phong trào thi đua “Dân vận khéo” tỉnh Vĩnh Long', $5)`,
          [round, id, `${100 + made}-QĐ/BCĐ`, `${o.year}-12-10`, `${o.year}-12-10T10:00:00+07:00`],
        );
        for (const v of [officer, member]) {
          await q.query(
            `insert into recognition_vote (round_id, registration_id, voter_id, voter_name, vote, at) values ($1, $2, $3, $4, 'for', $5)`,
            [round, id, v.id, v.full_name, `${o.year}-12-05`],
          );
        }
      }
      if (o.commend) {
        await q.query(
          `insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date, created_by)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [
            randomUUID(),
            id,
            made % 2 ? 'giay_khen' : 'bang_khen_ubnd_tinh',
            made % 2 ? 'Ban Thường vụ Đảng ủy xã' : 'Ủy ban nhân dân tỉnh Vĩnh Long',
            `${200 + made}/QĐ-KT`,
            `${o.year}-12-25`,
            officer.id,
          ],
        );
      }
      made += 1;
      return id;
    };

    // Each commune carries out most ideas once, spread over six years; older ones are finished.
    const stateOf = (year: number, k: number) =>
      year <= 2023
        ? k % 4 === 0
          ? 'recognised'
          : 'completed'
        : year === 2024
          ? k % 3 === 0
            ? 'accepted'
            : 'recognised'
          : year === 2025
            ? ['recognised', 'accepted', 'accepted', 'submitted'][k % 4]!
            : ['submitted', 'accepted', 'draft', 'submitted', 'returned'][k % 5]!;
    for (const [c, commune] of COMMUNES.entries()) {
      for (const [k, idea] of IDEAS.entries()) {
        if ((k + c) % 5 === 4) continue; // not every commune does everything
        const place = units.get(`${commune}-${PLACES[(k + c) % PLACES.length]}`) ?? units.get(commune)!;
        const year = 2021 + ((k * 5 + c * 2 + 1) % 6);
        const state = stateOf(year, k + c);
        const by = commune === DEMO_COMMUNE_UNIT ? unitUser : officer;
        await add({
          unit: place,
          kind: 'model',
          title: idea.title,
          field: idea.field,
          year,
          state,
          problem: idea.problem,
          criterion: idea.criterion,
          by,
          funds: ((k % 5) + 1) * 5_000_000,
          commend: state !== 'accepted' && (k + c) % 3 === 0 && (state === 'recognised' || state === 'completed'),
        });
      }
      for (const [k, e] of EXEMPLARS.entries()) {
        const place = units.get(`${commune}-${['HND', 'HPN', 'AP1'][k]}`) ?? units.get(commune)!;
        await add({
          unit: place,
          kind: 'exemplar',
          title: e.title,
          field: e.field,
          year: 2024 + (k % 2),
          state: k === 2 ? 'accepted' : 'recognised',
          person: e.person,
          position: e.position,
          criterion: ['Số hộ được giúp đỡ', 10, 'hộ'],
          by: commune === DEMO_COMMUNE_UNIT ? unitUser : officer,
          funds: 0,
          commend: k === 0,
        });
      }
    }
    // A model reported again as new in a later year: the kind of repeat the movement wants flagged.
    const women = units.get(`${DEMO_COMMUNE_UNIT}-HPN`)!;
    await add({
      unit: women,
      kind: 'model',
      title: 'Vận động hội viên phụ nữ tiết kiệm giúp nhau vay vốn làm ăn',
      field: 'economic',
      year: 2026,
      state: 'submitted',
      problem: 'Nhiều chị em thiếu vốn sản xuất nhỏ',
      criterion: ['Số hội viên được giúp vốn', 45, 'người'],
      by: unitUser,
      funds: 10_000_000,
    });
    // Provincial agencies of the block.
    for (const [k, code] of ['SYT', 'SGDDT', 'SNNMT', 'BVDK'].map((a) => `${DEMO_BLOCK_UNIT}-${a}`).entries()) {
      const unit = units.get(code);
      if (!unit) continue;
      const idea = IDEAS[[9, 8, 2, 14][k]!]!;
      await add({
        unit,
        kind: 'model',
        title: `${idea.title} (${unit.name})`,
        field: idea.field,
        year: 2025,
        state: k % 2 ? 'recognised' : 'accepted',
        problem: idea.problem,
        criterion: idea.criterion,
        by: officer,
        funds: 20_000_000,
        commend: k === 1,
      });
    }
    // The former Huyện Càng Long: its old communes' models of 2021–2024, now seen by the new communes.
    const oldCommunes = new Map(
      (
        await q.query<{ id: string; code: string; path: string }>(
          `select id, code, path::text as path from unit where code = any($1::text[]) and not active and valid_to is not null`,
          [[...new Set(HISTORY_MODELS.map((m) => `X${m.commune}`))]],
        )
      ).rows.map((u) => [u.code, u]),
    );
    for (const [k, m] of HISTORY_MODELS.entries()) {
      const unit = oldCommunes.get(`X${m.commune}`);
      if (!unit) continue;
      await add({
        unit,
        kind: 'model',
        title: m.title,
        field: m.field,
        year: m.year,
        state: m.state,
        criterion: m.criterion,
        by: officer,
        funds: ((k % 4) + 1) * 10_000_000,
        commend: k % 5 === 2 && (m.state === 'recognised' || m.state === 'completed'),
        level: 'commune',
      });
    }
    await seedDemoProposals(q, { unitUser: unitUser.id, officer: officer.id }, province);
    return made;
  });
}
