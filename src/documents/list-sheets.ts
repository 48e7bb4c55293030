/**
 * The lists of the screens as Excel sheets: units, accounts, campaigns, commendation proposals and a
 * campaign's quota compliance. Each takes what the list API returns, so a sheet holds exactly the
 * rows the screen can show, with the same words. Units and accounts go both ways: their sheets have
 * the columns of the import template (domain/sheet-columns.ts), so an edited sheet can be imported.
 */
import type { z } from 'zod';
import { PROPOSAL_STATE_LABELS, type Proposal } from '../domain/commendation-schemas.js';
import { CAMPAIGN_STATE_LABELS, type Campaign } from '../domain/movement-schemas.js';
import { COMPLIANCE_LABELS, type Compliance } from '../domain/report-schemas.js';
import { SHEET_COLUMNS, SHEET_NAMES, SHEET_TITLES } from '../domain/sheet-columns.js';
import type { User, UnitListItem } from '../domain/schemas.js';
import { formatDateVi } from '../domain/statistics.js';
import { UNIT_KIND_LABELS } from '../domain/unit-kinds.js';
import { sheetRow, xlsxColumns } from './sheet-layout.js';
import type { XlsxTableSheet } from './xlsx.js';

type ProposalT = z.infer<typeof Proposal>;

/** Every sheet opens with the row number, as officers' tables do. */
const NO_COLUMN = { header: 'STT', key: 'no', width: 6, kind: 'number' } as const;
const numbered = <T>(items: T[]) => items.map((x, i) => [i + 1, x] as const);

/** The units as the import reads them back: the columns of `SHEET_COLUMNS.units`, the code last. */
export function unitsSheet(
  items: UnitListItem[],
  details: Map<string, { parent_code: string | null; address: string | null; valid_from: string }>,
  subtitle: string,
): XlsxTableSheet {
  const cols = SHEET_COLUMNS.units;
  return {
    name: SHEET_NAMES.units,
    title: SHEET_TITLES.units,
    subtitle,
    columns: xlsxColumns(cols),
    rows: items.map((u) => {
      const d = details.get(u.id);
      return sheetRow(cols, {
        name: u.name,
        kind: u.kind,
        level: u.level,
        parentCode: d?.parent_code,
        address: d?.address,
        validFrom: d?.valid_from,
        state: u.active ? 'active' : 'inactive',
        code: u.code,
      });
    }),
  };
}

/** The accounts as the import reads them back (no password): units named by their code, the username last. */
export function accountsSheet(items: User[], codes: Map<string, string>, subtitle: string): XlsxTableSheet {
  const cols = SHEET_COLUMNS.users;
  return {
    name: SHEET_NAMES.users,
    title: SHEET_TITLES.users,
    subtitle,
    columns: xlsxColumns(cols),
    rows: items.map((u) =>
      sheetRow(cols, {
        fullName: u.fullName,
        position: u.position,
        role: u.role,
        unitCode: codes.get(u.unit.id),
        entryUnitCode: u.entryScope ? codes.get(u.entryScope.id) : null,
        viewUnitCode: codes.get(u.viewScope.id),
        state: u.active ? 'active' : 'locked',
        username: u.username,
      }),
    ),
  };
}

export function campaignsSheet(items: Campaign[], subtitle: string): XlsxTableSheet {
  return {
    name: 'Phát động',
    title: 'CÁC ĐỢT PHÁT ĐỘNG PHONG TRÀO',
    subtitle,
    columns: [
      NO_COLUMN,
      { header: 'Tên đợt phát động', key: 'title', width: 48 },
      { header: 'Đơn vị phát động', key: 'unit', width: 32 },
      { header: 'Giai đoạn', key: 'years', width: 12 },
      { header: 'Từ ngày', key: 'from', width: 12, kind: 'date' },
      { header: 'Đến ngày', key: 'to', width: 12, kind: 'date' },
      { header: 'Chỉ tiêu', key: 'quota', width: 44 },
      { header: 'Trạng thái', key: 'state', width: 16 },
    ],
    rows: numbered(items).map(([no, c]) => ({
      no,
      title: c.title,
      unit: c.unit.name,
      years: c.yearFrom === c.yearTo ? String(c.yearFrom) : `${c.yearFrom}–${c.yearTo}`,
      from: formatDateVi(c.startDate),
      to: formatDateVi(c.endDate),
      quota: c.quotas
        .map(
          (q) =>
            `${q.unitKind ? UNIT_KIND_LABELS[q.unitKind] : 'Mọi đơn vị'}: ${q.minTotal} mô hình/năm (mới ${q.minNew}, củng cố ${q.minConsolidated})`,
        )
        .join('; '),
      state: CAMPAIGN_STATE_LABELS[c.state],
    })),
  };
}

export function proposalsSheet(items: ProposalT[], subtitle: string): XlsxTableSheet {
  return {
    name: 'Đề nghị khen thưởng',
    title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
    subtitle,
    columns: [
      NO_COLUMN,
      { header: 'Mô hình, điển hình', key: 'title', width: 44 },
      { header: 'Đơn vị thực hiện', key: 'unit', width: 30 },
      { header: 'Hình thức đề nghị', key: 'form', width: 30 },
      { header: 'Đơn vị đề nghị', key: 'from', width: 28 },
      { header: 'Gửi đến', key: 'to', width: 28 },
      { header: 'Ngày đề nghị', key: 'at', width: 12, kind: 'date' },
      { header: 'Lý do', key: 'reason', width: 48 },
      { header: 'Trạng thái', key: 'state', width: 14 },
      { header: 'Ý kiến', key: 'note', width: 36 },
    ],
    rows: numbered(items).map(([no, p]) => ({
      no,
      title: p.registration.title,
      unit: p.registration.unitName,
      form: p.formName,
      from: p.fromUnit.name,
      to: p.toUnit.name,
      at: formatDateVi(p.proposedAt),
      reason: p.reason,
      state: PROPOSAL_STATE_LABELS[p.state],
      note: p.decisionNote ?? '',
    })),
  };
}

export function complianceSheet(c: Compliance, subtitle: string): XlsxTableSheet {
  const sum = (k: 'newCount' | 'consolidationCount' | 'replicationCount' | 'total') => c.rows.reduce((n, r) => n + r[k], 0);
  return {
    name: `Chỉ tiêu ${c.year}`,
    title: `TÌNH HÌNH THỰC HIỆN CHỈ TIÊU NĂM ${c.year}`,
    subtitle: `${c.campaign.title}. Đạt ${c.summary.met}, chưa đạt ${c.summary.short}, chưa đăng ký ${c.summary.none} trong ${c.summary.units} đơn vị. ${subtitle}`,
    columns: [
      NO_COLUMN,
      { header: 'Mã', key: 'code', width: 16 },
      { header: 'Đơn vị', key: 'unit', width: 36 },
      { header: 'Chỉ tiêu (tổng)', key: 'quota', width: 12, kind: 'number' },
      { header: 'Xây dựng mới', key: 'new', width: 12, kind: 'number' },
      { header: 'Củng cố', key: 'cons', width: 12, kind: 'number' },
      { header: 'Nhân rộng', key: 'rep', width: 12, kind: 'number' },
      { header: 'Tổng số', key: 'total', width: 12, kind: 'number' },
      { header: 'Kết quả', key: 'status', width: 16 },
    ],
    rows: numbered(c.rows).map(([no, r]) => ({
      no,
      code: r.unit.code,
      unit: r.unit.name,
      quota: r.quota.minTotal,
      new: r.newCount,
      cons: r.consolidationCount,
      rep: r.replicationCount,
      total: r.total,
      status: COMPLIANCE_LABELS[r.status],
    })),
    totalRow: {
      no: null,
      code: '',
      unit: 'Tổng cộng',
      quota: c.rows.reduce((n, r) => n + r.quota.minTotal, 0),
      new: sum('newCount'),
      cons: sum('consolidationCount'),
      rep: sum('replicationCount'),
      total: sum('total'),
      status: '',
    },
  };
}
