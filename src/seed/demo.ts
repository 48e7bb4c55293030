/**
 * Demo data: the province of Vĩnh Long with all its communes; for three communes the
 * organisations of each kind and a few residential groups; a block of provincial agencies;
 * and one account for each role.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../data/db.js';
import { insertChildren, type BulkUnit } from '../data/units-repo.js';
import { insertUser } from '../data/users-repo.js';
import type { Role } from '../domain/roles.js';
import { foldVietnamese } from '../domain/text.js';
import { hashPassword } from '../services/auth/passwords.js';
import { loadAdminUnitsIn, ROOT_CODE } from './admin-units.js';
import { loadAdminHistoryIn } from './admin-history.js';
import { DEMO_OLD_DISTRICT } from './demo-history.js';

/** Tỉnh Vĩnh Long (official code 86: Vĩnh Long, Bến Tre and Trà Vinh since 1 July 2025). */
export const DEMO_PROVINCE_CODE = '86';
export const DEMO_PROVINCE_UNIT = 'T86';
/** The provincial agencies' block. */
export const DEMO_BLOCK_UNIT = `${DEMO_PROVINCE_UNIT}-KCQ`;
/** Xã Càng Long: the demo unit officer's commune. */
export const DEMO_COMMUNE_UNIT = 'X29266';
/** Phường Trà Vinh: another commune of the province with its organisations. */
export const DEMO_OTHER_COMMUNE_UNIT = 'X29242';
/** Xã Long Hồ. */
export const DEMO_THIRD_COMMUNE_UNIT = 'X29602';
/** The communes that get their organisations; the first is the demo unit officer's. */
export const DEMO_COMMUNES = [DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT, DEMO_THIRD_COMMUNE_UNIT];

type Org = [suffix: string, name: string, kind: string];

const COMMUNE_ORGS: Org[] = [
  ['DU', 'Đảng ủy', 'party'],
  ['UBND', 'Ủy ban nhân dân', 'state_agency'],
  ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'fatherland_front'],
  ['DTN', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'socio_political'],
  ['HPN', 'Hội Liên hiệp Phụ nữ', 'socio_political'],
  ['HND', 'Hội Nông dân', 'socio_political'],
  ['HCCB', 'Hội Cựu chiến binh', 'socio_political'],
  ['CD', 'Công đoàn', 'socio_political'],
  ['CA', 'Công an', 'police'],
  ['QS', 'Ban Chỉ huy Quân sự', 'military'],
  ['THCS', 'Trường Trung học cơ sở', 'school'],
  ['TYT', 'Trạm Y tế', 'health'],
  ['HCTĐ', 'Hội Chữ thập đỏ', 'mass_association'],
];

const BLOCK_AGENCIES: Org[] = [
  ['SYT', 'Sở Y tế', 'state_agency'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'state_agency'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'state_agency'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'state_agency'],
  ['BVDK', 'Bệnh viện Đa khoa tỉnh', 'health'],
  ['THPTC', 'Trường Trung học phổ thông chuyên Nguyễn Bỉnh Khiêm', 'school'],
  ['TTVH', 'Trung tâm Văn hóa – Thể thao tỉnh', 'culture_sport'],
];

const PROVINCE_FORCES: Org[] = [
  ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'fatherland_front'],
  ['CA', 'Công an tỉnh', 'police'],
  ['PCCC', 'Phòng Cảnh sát Phòng cháy, chữa cháy và Cứu nạn, cứu hộ', 'fire_police'],
  ['QS', 'Bộ Chỉ huy Quân sự tỉnh', 'military'],
  ['DN1', 'Công ty Cổ phần Cấp nước Vĩnh Long', 'enterprise'],
];

function bulk(parentCode: string, orgs: Org[], nameSuffix: string, level: string): BulkUnit[] {
  return orgs.map(([suffix, name, kind]) => {
    const full = nameSuffix ? `${name} ${nameSuffix}` : name;
    return {
      id: randomUUID(),
      code: `${parentCode}-${foldVietnamese(suffix).toUpperCase()}`,
      name: full,
      nameKey: foldVietnamese(full),
      kind,
      level,
    };
  });
}

async function unitByCode(q: Queryable, code: string) {
  const { rows } = await q.query<{ id: string; path: string; name: string }>(
    'select id, path::text as path, name from unit where code = $1 and valid_to is null',
    [code],
  );
  if (!rows[0]) throw new Error(`unit ${code} missing`);
  return rows[0];
}

export interface DemoAccount {
  username: string;
  role: Role;
  fullName: string;
  position: string;
  scope: string;
}

export async function demoAccounts(q: Queryable): Promise<DemoAccount[]> {
  const commune = await unitByCode(q, DEMO_COMMUNES[0]!);
  const province = await unitByCode(q, DEMO_PROVINCE_UNIT);
  return [
    { username: 'admin', role: 'admin', fullName: 'Quản trị hệ thống', position: 'Quản trị viên', scope: ROOT_CODE },
    {
      username: 'officer',
      role: 'officer',
      fullName: 'Nguyễn Thị Thu Hà',
      position: 'Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy',
      scope: DEMO_PROVINCE_UNIT,
    },
    { username: 'member', role: 'member', fullName: 'Trần Văn Bình', position: 'Thành viên Ban Chỉ đạo tỉnh', scope: DEMO_PROVINCE_UNIT },
    { username: 'unit', role: 'unit_officer', fullName: 'Lê Minh Tâm', position: `Cán bộ ${commune.name}`, scope: DEMO_COMMUNES[0]! },
    { username: 'viewer', role: 'viewer', fullName: 'Phạm Quốc Hùng', position: `Lãnh đạo ${province.name}`, scope: DEMO_PROVINCE_UNIT },
  ];
}

export async function isSeeded(db: Db): Promise<boolean> {
  const { rows } = await db.pool.query<{ n: number }>('select count(*) as n from app_user');
  return rows[0]!.n > 0;
}

export async function seedDemo(db: Db, password: string): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(password);
  return db.tx(async (q) => {
    await loadAdminUnitsIn(q, [DEMO_PROVINCE_CODE]);
    // One reorganised area, end to end: the former Huyện Càng Long, merged into five communes on 01/07/2025.
    await loadAdminHistoryIn(q, { oldDistrictCodes: [DEMO_OLD_DISTRICT] });
    const province = await unitByCode(q, DEMO_PROVINCE_UNIT);
    const { rows: existing } = await q.query<{ n: number }>(`select count(*) as n from unit where code like $1`, [
      `${DEMO_PROVINCE_UNIT}-%`,
    ]);
    if (existing[0]!.n === 0) {
      const blockId = randomUUID();
      await insertChildren(q, province, [
        {
          id: blockId,
          code: DEMO_BLOCK_UNIT,
          name: 'Đảng bộ Khối các cơ quan tỉnh',
          nameKey: foldVietnamese('Đảng bộ Khối các cơ quan tỉnh'),
          kind: 'block',
          level: 'block',
        },
        ...bulk(DEMO_PROVINCE_UNIT, PROVINCE_FORCES, '', 'province'),
      ]);
      const block = await unitByCode(q, DEMO_BLOCK_UNIT);
      await insertChildren(q, block, bulk(DEMO_BLOCK_UNIT, BLOCK_AGENCIES, '', 'block'));
      for (const code of DEMO_COMMUNES) {
        const commune = await unitByCode(q, code);
        const shortName = commune.name.replace(/^(Xã|Phường|Đặc khu)\s+/, '');
        const orgs = bulk(code, COMMUNE_ORGS, shortName, 'grassroots');
        await insertChildren(q, commune, orgs);
        const groups = ['Ấp 1', 'Ấp 2', 'Ấp 3'].map((n, i) => {
          const name = `${n} ${shortName}`;
          return {
            id: randomUUID(),
            code: `${code}-AP${i + 1}`,
            name,
            nameKey: foldVietnamese(name),
            kind: 'residential_group',
            level: 'grassroots',
          };
        });
        await insertChildren(q, commune, groups);
      }
    }
    const accounts = await demoAccounts(q);
    for (const a of accounts) {
      const { rows } = await q.query('select 1 from app_user where lower(username) = $1', [a.username]);
      if (rows.length) continue;
      const scope = await unitByCode(q, a.scope);
      await insertUser(q, {
        id: randomUUID(),
        username: a.username,
        fullName: a.fullName,
        position: a.position,
        passwordHash,
        role: a.role,
        unitId: scope.id,
        entryUnitId: a.role === 'viewer' ? null : scope.id,
        viewUnitId: scope.id,
        mustChangePassword: false,
      });
    }
    return accounts;
  });
}
