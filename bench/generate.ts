/**
 * Builds a realistic data set for the benchmark: the 2025 map (34 provinces, ~3,320 communes), the
 * organisations and residential groups of each commune, provincial blocks and forces, and models and
 * exemplars over ten years with the seeds' field mix, states, recognitions, commendations and
 * inspections. Deterministic for a seed. Bulk loading: rows are made in memory a chunk at a time
 * and inserted with one statement per chunk; the per-row triggers are switched off during the load
 * and their work (tally, search vectors) is done once, in bulk, at the end.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../src/data/db.js';
import { insertChildren, type BulkUnit } from '../src/data/units-repo.js';
import { foldVietnamese } from '../src/domain/text.js';
import { rebuildTallies } from '../src/data/stats-repo.js';
import { loadAdminUnits } from '../src/seed/admin-units.js';
import { prng, uuidFrom } from './random.js';
import { TITLE_PARTS, FIELD_WEIGHTS, pickWeighted } from './vocabulary.js';
import { DEMO_PROVINCE_CODE } from '../src/seed/demo.js';

export interface GenOptions {
  scale: 'national' | 'province' | 'tiny';
  seed: number;
  log?: (s: string) => void;
}

export const SCALES = {
  national: { provinces: null as string[] | null, models: 5_000_000, hamlets: 26 },
  province: { provinces: [DEMO_PROVINCE_CODE], models: 200_000, hamlets: 26 },
  tiny: { provinces: [DEMO_PROVINCE_CODE], models: 3_000, hamlets: 3 },
};

const ORGS: [string, string, string][] = [
  ['DU', 'Đảng ủy', 'party'],
  ['UBND', 'Ủy ban nhân dân', 'state_agency'],
  ['MTTQ', 'Ủy ban MTTQ Việt Nam', 'fatherland_front'],
  ['DTN', 'Đoàn Thanh niên', 'socio_political'],
  ['HPN', 'Hội Liên hiệp Phụ nữ', 'socio_political'],
  ['HND', 'Hội Nông dân', 'socio_political'],
  ['HCCB', 'Hội Cựu chiến binh', 'socio_political'],
  ['CD', 'Công đoàn', 'socio_political'],
  ['CA', 'Công an', 'police'],
  ['QS', 'Ban Chỉ huy Quân sự', 'military'],
  ['THCS', 'Trường Trung học cơ sở', 'school'],
  ['TYT', 'Trạm Y tế', 'health'],
  ['HCTD', 'Hội Chữ thập đỏ', 'mass_association'],
];
const PROVINCE_UNITS: [string, string, string, string][] = [
  ['KCQ', 'Đảng bộ Khối các cơ quan', 'block', 'block'],
  ['MTTQ', 'Ủy ban MTTQ Việt Nam', 'fatherland_front', 'province'],
  ['CA', 'Công an', 'police', 'province'],
  ['QS', 'Bộ Chỉ huy Quân sự', 'military', 'province'],
  ['BP', 'Bộ Chỉ huy Bộ đội Biên phòng', 'border_guard', 'province'],
  ['PCCC', 'Phòng Cảnh sát PCCC và CNCH', 'fire_police', 'province'],
  ['SYT', 'Sở Y tế', 'state_agency', 'province'],
  ['SGD', 'Sở Giáo dục và Đào tạo', 'state_agency', 'province'],
  ['SNN', 'Sở Nông nghiệp và Môi trường', 'state_agency', 'province'],
  ['BV', 'Bệnh viện Đa khoa', 'health', 'province'],
  ['DN', 'Công ty Cổ phần Cấp thoát nước', 'enterprise', 'province'],
];

interface Target {
  id: string;
  path: string;
  name: string;
  commune: string;
  level: string;
}

export async function generate(db: Db, o: GenOptions): Promise<{ units: number; registrations: number }> {
  const log = o.log ?? (() => undefined);
  const scale = SCALES[o.scale];
  const rand = prng(o.seed);
  const existing = (await db.rows<{ n: number }>('select count(*) as n from registration'))[0]!.n;
  if (existing > 0) throw new Error(`the database already holds ${existing} registrations; generate into an empty one`);

  log('Bản đồ hành chính 2025…');
  await loadAdminUnits(db, scale.provinces ?? undefined);
  const provinces = await db.rows<{ id: string; path: string; code: string; name: string }>(
    `select id, path::text as path, code, name from unit where kind = 'province' ${scale.provinces ? 'and code = any($1::text[])' : ''} order by code`,
    scale.provinces ? [scale.provinces.map((c) => `T${c}`)] : [],
  );

  log('Tổ chức, ấp, khối…');
  const targets: Target[] = [];
  let units = 0;
  for (const p of provinces) {
    await db.tx(async (q) => {
      const top: BulkUnit[] = PROVINCE_UNITS.map(([suffix, name, kind, level]) => ({
        id: uuidFrom(rand),
        code: `${p.code}-${suffix}`,
        name: `${name} ${p.name.replace(/^(Tỉnh|Thành phố) /, '')}`,
        nameKey: '',
        kind,
        level,
      }));
      for (const u of top) u.nameKey = foldVietnamese(u.name);
      await insertChildren(q, p, top);
      units += top.length;
      for (const u of await q
        .query<{ id: string; path: string; name: string; level: string }>(
          'select id, path::text as path, name, level from unit where parent_id = $1',
          [p.id],
        )
        .then((r) => r.rows)) {
        targets.push({ ...u, commune: p.name });
      }
      const communes = (
        await q.query<{ id: string; path: string; code: string; name: string }>(
          `select id, path::text as path, code, name from unit where parent_id = $1 and kind = 'commune'`,
          [p.id],
        )
      ).rows;
      for (const c of communes) {
        const short = c.name.replace(/^(Xã|Phường|Đặc khu|Thị trấn)\s+/, '');
        const hamletWord = c.name.startsWith('Phường') ? 'Khu phố' : 'Ấp';
        const kids: BulkUnit[] = [
          ...ORGS.map(([suffix, name, kind]) => ({
            id: uuidFrom(rand),
            code: `${c.code}-${suffix}`,
            name: `${name} ${short}`,
            nameKey: foldVietnamese(`${name} ${short}`),
            kind,
            level: 'grassroots',
          })),
          ...Array.from({ length: scale.hamlets }, (_, i) => ({
            id: uuidFrom(rand),
            code: `${c.code}-A${i + 1}`,
            name: `${hamletWord} ${i + 1}`,
            nameKey: foldVietnamese(`${hamletWord} ${i + 1}`),
            kind: 'residential_group',
            level: 'grassroots',
          })),
        ];
        await insertChildren(q, c, kids);
        units += kids.length;
        targets.push({ id: c.id, path: c.path, name: c.name, commune: c.name, level: 'commune' });
        const rows = (
          await q.query<{ id: string; path: string; name: string }>('select id, path::text as path, name from unit where parent_id = $1', [
            c.id,
          ])
        ).rows;
        for (const r of rows) targets.push({ ...r, commune: c.name, level: 'grassroots' });
      }
    });
  }
  log(`${units.toLocaleString('vi-VN')} đơn vị thêm; ${targets.length.toLocaleString('vi-VN')} nơi đăng ký`);

  const users = await ensureBenchUsers(
    db,
    provinces[0]!,
    targets.find((t) => t.level === 'commune')!,
  );
  await loadRegistrations(db, scale.models, targets, users.officer, log, rand);
  return { units, registrations: scale.models };
}

async function ensureBenchUsers(db: Db, province: { id: string }, commune: { id: string }) {
  const { hashPassword } = await import('../src/services/auth/passwords.js');
  const hash = await hashPassword(BENCH_PASSWORD);
  const root = (await db.rows<{ id: string }>(`select id from unit where code = 'VN'`))[0]!;
  const made: Record<string, string> = {};
  for (const [username, unit, role] of [
    ['bench_admin', root.id, 'admin'],
    ['bench_province', province.id, 'officer'],
    ['bench_commune', commune.id, 'unit_officer'],
  ] as const) {
    const [row] = await db.rows<{ id: string }>(
      `insert into app_user (id, username, full_name, password_hash, role, unit_id, entry_unit_id, view_unit_id, must_change_password)
       values ($1, $2, $3, $4, $5, $6, $6, $6, false)
       on conflict (lower(username)) do update set password_hash = excluded.password_hash returning id`,
      [randomUUID(), username, `Tài khoản đo hiệu năng ${username}`, hash, role, unit],
    );
    made[username] = row!.id;
  }
  return { officer: made.bench_province! };
}

export const BENCH_PASSWORD = 'Bench-2026-dvk';

const STATES_BY_AGE: [string, number][][] = [
  // the current year: in appraisal or accepted
  [
    ['draft', 4],
    ['submitted', 20],
    ['returned', 3],
    ['accepted', 68],
    ['rejected', 2],
    ['discontinued', 3],
  ],
  // last year: being recognised
  [
    ['accepted', 40],
    ['recognised', 40],
    ['not_recognised', 8],
    ['completed', 8],
    ['discontinued', 4],
  ],
  // older: finished
  [
    ['recognised', 20],
    ['completed', 62],
    ['not_recognised', 8],
    ['discontinued', 10],
  ],
];

async function loadRegistrations(
  db: Db,
  total: number,
  targets: Target[],
  createdBy: string,
  log: (s: string) => void,
  rand: () => number,
) {
  const CHUNK = 5_000;
  const lastYear = 2025;
  await db.pool.query('alter table registration disable trigger user');
  try {
    for (let done = 0; done < total; done += CHUNK) {
      const n = Math.min(CHUNK, total - done);
      const cols: unknown[][] = Array.from({ length: 18 }, () => []);
      for (let i = 0; i < n; i++) {
        const t = targets[Math.floor(rand() * targets.length)]!;
        const field = pickWeighted(rand, FIELD_WEIGHTS);
        const year = lastYear - Math.floor(rand() * 10);
        const age = lastYear - year;
        const state = pickWeighted(rand, STATES_BY_AGE[Math.min(age, 2)]!);
        const exemplar = rand() < 0.12;
        const individual = exemplar && rand() < 0.5;
        const parts = TITLE_PARTS[field]!;
        const title = `${parts.lead[Math.floor(rand() * parts.lead.length)]} ${parts.topic[Math.floor(rand() * parts.topic.length)]}${rand() < 0.4 ? ` ở ${t.name}` : ''}`;
        const recognised = state === 'recognised' || (state === 'completed' && rand() < 0.6);
        const commended = recognised && rand() < 0.15;
        const start = `${year}-${String(1 + Math.floor(rand() * 6)).padStart(2, '0')}-01`;
        const row = [
          uuidFrom(rand),
          exemplar ? 'exemplar' : 'model',
          t.id,
          t.path,
          individual ? 'individual' : 'collective',
          individual ? `Người tiêu biểu ${done + i}` : null,
          title,
          foldVietnamese(title),
          field,
          start,
          `${year}-12-31`,
          Math.floor(rand() * 20) * 1_000_000,
          Math.floor(rand() * 200),
          t.level,
          year,
          state,
          recognised,
          commended,
        ];
        row.forEach((v, k) => cols[k]!.push(v));
      }
      await insert(db.pool, cols, createdBy);
      if ((done / CHUNK) % 20 === 0) log(`  ${(done + n).toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} mô hình, điển hình`);
    }
  } finally {
    await db.pool.query('alter table registration enable trigger user');
  }
  log('Sổ tổng hợp thống kê…');
  await rebuildTallies(db.pool);
  log('Công nhận, khen thưởng…');
  await db.pool.query(`insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date)
    select gen_random_uuid(), id, case when year % 2 = 0 then 'giay_khen' else 'bang_khen_ubnd_tinh' end, 'Ban Chỉ đạo', 'QĐ-' || year, make_date(year, 12, 20)
      from registration where commended`);
  // VACUUM folds the search index's pending list into the index proper (a long pending list makes
  // every search scan it) and gathers the planner's statistics.
  log('Dọn dẹp, thống kê cho bộ lập kế hoạch truy vấn…');
  await db.pool.query('vacuum analyze');
}

async function insert(q: Queryable, c: unknown[][], createdBy: string) {
  await q.query(
    `insert into registration (id, kind, unit_id, unit_path, holder, person_name, title, title_key, field_code, origin, start_date, end_date,
       planned_funds_vnd, planned_workdays, level, year, state, recognised, commended, created_by, submitted_at, search)
     select t.id, t.kind, t.unit_id, t.unit_path, t.holder, t.person_name, t.title, t.title_key, t.field_code, 'new', t.start_date, t.end_date,
            t.funds, t.workdays, t.level, t.year, t.state, t.recognised, t.commended, $19, case when t.state <> 'draft' then t.start_date::timestamptz end,
            setweight(to_tsvector('vi_unaccent', t.title), 'A') || setweight(to_tsvector('vi_unaccent', concat_ws(' ', t.person_name, u.name)), 'B')
       from unnest($1::uuid[], $2::text[], $3::uuid[], $4::ltree[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::date[], $11::date[], $12::bigint[], $13::int[], $14::text[], $15::int[], $16::text[], $17::bool[], $18::bool[])
            as t(id, kind, unit_id, unit_path, holder, person_name, title, title_key, field_code, start_date, end_date, funds, workdays, level, year, state, recognised, commended)
       join unit u on u.id = t.unit_id`,
    [...c, createdBy],
  );
}
