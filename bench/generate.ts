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
import { loadAdminHistory, OLD_TREE_END, type HistoryResult } from '../src/seed/admin-history.js';
import { insertClosedUnits, insertVersions, nextUnitSeqs, type ClosedUnit, type VersionRow } from '../src/data/admin-history-repo.js';

export interface GenOptions {
  scale: 'national' | 'province' | 'tiny';
  seed: number;
  /**
   * The tree's history: the tree of 30/06/2025 from the real data with the 2025 reform applied by
   * the loader of `npm run dvk -- load-admin-history`; records of 2016–2024 on the old units.
   */
  history?: boolean;
  /** Fewer (or more) models and exemplars than the scale's, on the same tree. */
  models?: number;
  log?: (s: string) => void;
}

/** The first year whose records are placed on today's units (the reform took effect mid-2025). */
const REFORM_YEAR = 2025;

export interface GenResult {
  units: number;
  registrations: number;
  /** With `history`: what the loader wrote and the time of each step of the reform, in ms. */
  reform?: HistoryResult & {
    loadMs: number;
    oldUnits: number;
    oldTargets: number;
    recordsMoved: number;
    moveMs: number;
    talliesMs: number;
  };
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

export async function generate(db: Db, o: GenOptions): Promise<GenResult> {
  const log = o.log ?? (() => undefined);
  const scale = SCALES[o.scale];
  const rand = prng(o.seed);
  const existing = (await db.rows<{ n: number }>('select count(*) as n from registration'))[0]!.n;
  if (existing > 0) throw new Error(`the database already holds ${existing} registrations; generate into an empty one`);

  let loaded: (HistoryResult & { loadMs: number }) | null = null;
  if (o.history) {
    log('Bản đồ 2025 và cây đơn vị ngày 30/06/2025, sắp xếp năm 2025 (như lệnh load-admin-history)…');
    const t = Date.now();
    const r = await loadAdminHistory(db, { newProvinceCodes: scale.provinces ?? undefined });
    loaded = { ...r, loadMs: Date.now() - t };
    log(
      `  ${r.mapUnitsAdded.toLocaleString('vi-VN')} đơn vị bản đồ 2025, ${r.oldUnitsAdded.toLocaleString('vi-VN')} đơn vị cũ, ` +
        `${r.lineageAdded.toLocaleString('vi-VN')} quan hệ kế thừa, ${r.changesAdded.toLocaleString('vi-VN')} thay đổi (${(loaded.loadMs / 1000).toFixed(1)} s)`,
    );
  } else {
    log('Bản đồ hành chính 2025…');
    await loadAdminUnits(db, scale.provinces ?? undefined);
  }
  // Open units only: with the history, the closed units of the old tree share codes and kinds.
  const provinces = await db.rows<{ id: string; path: string; code: string; name: string }>(
    `select id, path::text as path, code, name from unit where kind = 'province' and valid_to is null ${scale.provinces ? 'and code = any($1::text[])' : ''} order by code`,
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
          'select id, path::text as path, name, level from unit where parent_id = $1 and valid_to is null',
          [p.id],
        )
        .then((r) => r.rows)) {
        targets.push({ ...u, commune: p.name });
      }
      const communes = (
        await q.query<{ id: string; path: string; code: string; name: string }>(
          `select id, path::text as path, code, name from unit where parent_id = $1 and kind = 'commune' and valid_to is null`,
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
          await q.query<{ id: string; path: string; name: string }>(
            'select id, path::text as path, name from unit where parent_id = $1 and valid_to is null',
            [c.id],
          )
        ).rows;
        for (const r of rows) targets.push({ ...r, commune: c.name, level: 'grassroots' });
      }
    });
  }
  log(`${units.toLocaleString('vi-VN')} đơn vị thêm; ${targets.length.toLocaleString('vi-VN')} nơi đăng ký`);

  let old: { targets: Target[]; units: number } | null = null;
  if (o.history) {
    old = await oldTree(db, provinces, scale.hamlets, rand);
    log(
      `Cây ngày 30/06/2025: ${old.units.toLocaleString('vi-VN')} tổ chức, ấp, khối của đơn vị cũ; ${old.targets.length.toLocaleString('vi-VN')} nơi đăng ký`,
    );
  }

  const users = await ensureBenchUsers(
    db,
    provinces[0]!,
    targets.find((t) => t.level === 'commune')!,
  );
  const models = o.models ?? scale.models;
  const moved = await loadRegistrations(db, models, targets, old?.targets ?? null, users.officer, log, rand);
  return {
    units: units + (old?.units ?? 0),
    registrations: models,
    ...(loaded && old && moved ? { reform: { ...loaded, oldUnits: old.units, oldTargets: old.targets.length, ...moved } } : {}),
  };
}

/**
 * The organisations of the tree of 30/06/2025, as the generator makes them on today's tree: the
 * commune organisations and hamlets of every old commune the reform closed, the provincial blocks
 * and forces of every old province it merged. They are closed units hanging under their closed
 * unit (so today under its successor), each with the version that places it where it stood then.
 * Returns where records of 2016–2024 go, each with its path of then (the copy a record made before
 * the reform holds): those units, the communes the reform kept (and their organisations), and the
 * provinces that went on unchanged.
 */
async function oldTree(
  db: Db,
  provinces: { id: string; path: string }[],
  hamlets: number,
  rand: () => number,
): Promise<{ targets: Target[]; units: number }> {
  const scope = provinces.map((p) => p.path);
  return db.tx(async (q) => {
    // Units of the old tree: closed on 30/06/2025, or kept by the reform (a version ending then).
    const { rows: olds } = await q.query<{
      id: string;
      path: string;
      then_path: string;
      code: string;
      name: string;
      kind: string;
      closed: boolean;
    }>(
      `select u.id, u.path::text as path, v.path::text as then_path, u.code, u.name, u.kind, u.valid_to is not null as closed
         from unit u join unit_version v on v.unit_id = u.id and v.valid_to = $1::date
        where u.kind in ('province', 'commune') and u.path <@ any($2::ltree[])
        order by u.code, u.id`,
      [OLD_TREE_END, scope],
    );
    const closedProvinces = olds.filter((u) => u.kind === 'province' && u.closed);
    const closedCommunes = olds.filter((u) => u.kind === 'commune' && u.closed);
    const kept = olds.filter((u) => u.kind === 'commune' && !u.closed);
    const seqs = await nextUnitSeqs(q, closedProvinces.length * PROVINCE_UNITS.length + closedCommunes.length * (ORGS.length + hamlets));
    let s = 0;
    const units: ClosedUnit[] = [];
    const versions: VersionRow[] = [];
    const targets: Target[] = [];
    const add = (parent: (typeof olds)[number], code: string, name: string, kind: string, level: string) => {
      const seq = seqs[s++]!;
      const id = uuidFrom(rand);
      const thenPath = `${parent.then_path}.${seq}`;
      units.push({
        id,
        seq,
        parentId: parent.id,
        path: `${parent.path}.${seq}`,
        code,
        name,
        nameKey: foldVietnamese(name),
        kind,
        level,
        validFrom: '0001-01-01',
        validTo: OLD_TREE_END,
      });
      versions.push({
        unitId: id,
        validFrom: '0001-01-01',
        validTo: OLD_TREE_END,
        parentId: parent.id,
        path: thenPath,
        code,
        name,
        kind,
        level,
        reorganisationId: null,
      });
      targets.push({ id, path: thenPath, name, commune: parent.name, level });
    };
    for (const p of closedProvinces)
      for (const [suffix, name, kind, level] of PROVINCE_UNITS)
        add(p, `${p.code}-${suffix}`, `${name} ${p.name.replace(/^(Tỉnh|Thành phố) /, '')}`, kind, level);
    for (const c of closedCommunes) {
      const short = c.name.replace(/^(Xã|Phường|Đặc khu|Thị trấn)\s+/, '');
      const hamletWord = c.name.startsWith('Phường') ? 'Khu phố' : 'Ấp';
      targets.push({ id: c.id, path: c.then_path, name: c.name, commune: c.name, level: 'commune' });
      for (const [suffix, name, kind] of ORGS) add(c, `${c.code}-${suffix}`, `${name} ${short}`, kind, 'grassroots');
      for (let i = 1; i <= hamlets; i++) add(c, `${c.code}-A${i}`, `${hamletWord} ${i}`, 'residential_group', 'grassroots');
    }
    await insertClosedUnits(q, units);
    await insertVersions(q, versions);
    // The communes the reform kept, with their organisations, and the provinces that went on
    // unchanged with theirs: the same units then, a kept commune where it stood then (its
    // organisations below it), an unchanged province where it stands today.
    const thenOf = new Map(kept.map((k) => [k.id, k]));
    const { rows: same } = await q.query<{ id: string; path: string; parent_id: string; seq: string; name: string; level: string }>(
      `select u.id, u.path::text as path, u.parent_id, u.seq::text as seq, u.name, u.level
         from unit u
        where u.valid_to is null
          and (u.id = any($1::uuid[]) or u.parent_id = any($1::uuid[])
               or u.kind <> 'commune' and u.parent_id in (
                    select id from unit where kind = 'province' and valid_to is null and valid_from = '0001-01-01' and path <@ any($2::ltree[])))`,
      [kept.map((k) => k.id), scope],
    );
    for (const u of same) {
      const path = thenOf.get(u.id)?.then_path ?? (thenOf.has(u.parent_id) ? `${thenOf.get(u.parent_id)!.then_path}.${u.seq}` : u.path);
      targets.push({ id: u.id, path, name: u.name, commune: u.name, level: u.level });
    }
    return { targets, units: units.length };
  });
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
  oldTargets: Target[] | null,
  createdBy: string,
  log: (s: string) => void,
  rand: () => number,
): Promise<{ recordsMoved: number; moveMs: number; talliesMs: number } | null> {
  const CHUNK = 5_000;
  const lastYear = 2025;
  let moved: { recordsMoved: number; moveMs: number } | null = null;
  await db.pool.query('alter table registration disable trigger user');
  try {
    for (let done = 0; done < total; done += CHUNK) {
      const n = Math.min(CHUNK, total - done);
      const cols: unknown[][] = Array.from({ length: 18 }, () => []);
      for (let i = 0; i < n; i++) {
        const at = rand();
        const field = pickWeighted(rand, FIELD_WEIGHTS);
        const year = lastYear - Math.floor(rand() * 10);
        // With the history, a record made before the reform belongs to a unit of the old tree.
        const from = oldTargets && year < REFORM_YEAR ? oldTargets : targets;
        const t = from[Math.floor(at * from.length)]!;
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
    if (oldTargets) {
      // The reform's effect on the records: each record made on the old tree still holds the path
      // its unit had then; the unit now hangs under its successor, and the copy follows it (what
      // the reorganisation engine's path rewrite does for a unit it moves).
      log('Sắp xếp 2025: hồ sơ theo đơn vị về chỗ mới…');
      const t = Date.now();
      const r = await db.pool.query(
        `update registration r set unit_path = u.path from unit u where u.id = r.unit_id and r.unit_path <> u.path`,
      );
      moved = { recordsMoved: r.rowCount ?? 0, moveMs: Date.now() - t };
      log(`  ${moved.recordsMoved.toLocaleString('vi-VN')} hồ sơ chuyển đường dẫn (${(moved.moveMs / 1000).toFixed(1)} s)`);
    }
  } finally {
    await db.pool.query('alter table registration enable trigger user');
  }
  log('Sổ tổng hợp thống kê…');
  const t = Date.now();
  await rebuildTallies(db.pool);
  const talliesMs = Date.now() - t;
  log('Công nhận, khen thưởng…');
  await db.pool.query(`insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date)
    select gen_random_uuid(), id, case when year % 2 = 0 then 'giay_khen' else 'bang_khen_ubnd_tinh' end, 'Ban Chỉ đạo', 'QĐ-' || year, make_date(year, 12, 20)
      from registration where commended`);
  // VACUUM folds the search index's pending list into the index proper (a long pending list makes
  // every search scan it) and gathers the planner's statistics.
  log('Dọn dẹp, thống kê cho bộ lập kế hoạch truy vấn…');
  await db.pool.query('vacuum analyze');
  return moved ? { ...moved, talliesMs } : null;
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
