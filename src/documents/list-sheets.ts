/**
 * The lists of the screens as Excel sheets: units, accounts, campaigns, commendation proposals and a
 * campaign's quota compliance. Each takes what the list API returns, so a sheet holds exactly the
 * rows the screen can show, with the same words.
 */
import type { z } from 'zod';
import { PROPOSAL_STATE_LABELS, type Proposal } from '../domain/commendation-schemas.js';
import { CAMPAIGN_STATE_LABELS, type Campaign } from '../domain/movement-schemas.js';
import { COMPLIANCE_LABELS, type Compliance } from '../domain/report-schemas.js';
import { ROLE_LABELS } from '../domain/roles.js';
import type { User, UnitListItem } from '../domain/schemas.js';
import { formatDateTimeVi, formatDateVi } from '../domain/statistics.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '../domain/unit-kinds.js';
import type { XlsxTableSheet } from './xlsx.js';

type ProposalT = z.infer<typeof Proposal>;

/** Every sheet opens with the row number, as officers' tables do. */
const NO_COLUMN = { header: 'STT', key: 'no', width: 6, kind: 'number' } as const;
const numbered = <T>(items: T[]) => items.map((x, i) => [i + 1, x] as const);

export function unitsSheet(items: UnitListItem[], subtitle: string): XlsxTableSheet {
  return {
    name: 'Đơn vị',
    title: 'DANH SÁCH ĐƠN VỊ',
    subtitle,
    columns: [
      NO_COLUMN,
      { header: 'Mã', key: 'code', width: 18 },
      { header: 'Tên đơn vị', key: 'name', width: 40 },
      { header: 'Loại hình', key: 'kind', width: 26 },
      { header: 'Cấp', key: 'level', width: 14 },
      { header: 'Trực thuộc', key: 'trail', width: 48 },
      { header: 'Số đơn vị trực thuộc', key: 'children', width: 12, kind: 'number' },
      { header: 'Trạng thái', key: 'state', width: 16 },
    ],
    rows: numbered(items).map(([no, u]) => ({
      no,
      code: u.code,
      name: u.name,
      kind: UNIT_KIND_LABELS[u.kind],
      level: UNIT_LEVEL_LABELS[u.level],
      trail: u.trail,
      children: u.childCount,
      state: u.active ? 'Đang hoạt động' : 'Ngừng hoạt động',
    })),
  };
}

export function accountsSheet(items: User[], subtitle: string): XlsxTableSheet {
  return {
    name: 'Người dùng',
    title: 'DANH SÁCH TÀI KHOẢN NGƯỜI DÙNG',
    subtitle,
    columns: [
      NO_COLUMN,
      { header: 'Tên đăng nhập', key: 'username', width: 18 },
      { header: 'Họ và tên', key: 'name', width: 28 },
      { header: 'Chức vụ', key: 'position', width: 30 },
      { header: 'Vai trò', key: 'role', width: 26 },
      { header: 'Đơn vị công tác', key: 'unit', width: 32 },
      { header: 'Phạm vi nhập liệu', key: 'entry', width: 30 },
      { header: 'Phạm vi xem', key: 'view', width: 30 },
      { header: 'Trạng thái', key: 'state', width: 16 },
      { header: 'Đăng nhập gần nhất', key: 'last', width: 20 },
    ],
    rows: numbered(items).map(([no, u]) => ({
      no,
      username: u.username,
      name: u.fullName,
      position: u.position ?? '',
      role: ROLE_LABELS[u.role],
      unit: u.unit.name,
      entry: u.entryScope?.name ?? '—',
      view: u.viewScope.name,
      state: u.active ? 'Đang dùng' : 'Đã khóa',
      last: u.lastLoginAt ? formatDateTimeVi(u.lastLoginAt) : '',
    })),
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

/** One table of the dashboard: its rows by one dimension, with the counts and planned resources, and the total. */
export function statsSheet(
  name: string,
  title: string,
  labelHeader: string,
  s: {
    rows: { label: string; count: number; recognised: number; commended: number; fundsVnd: number; workdays: number }[];
    total: { count: number; recognised: number; commended: number; fundsVnd: number; workdays: number };
  },
  subtitle: string,
): XlsxTableSheet {
  return {
    name,
    title,
    subtitle,
    columns: [
      NO_COLUMN,
      { header: labelHeader, key: 'label', width: 40 },
      { header: 'Số mô hình, điển hình', key: 'count', width: 14, kind: 'number' },
      { header: 'Được công nhận', key: 'recognised', width: 14, kind: 'number' },
      { header: 'Được khen thưởng', key: 'commended', width: 14, kind: 'number' },
      { header: 'Kinh phí dự kiến (đồng)', key: 'funds', width: 18, kind: 'number' },
      { header: 'Ngày công dự kiến', key: 'workdays', width: 14, kind: 'number' },
    ],
    rows: numbered(s.rows).map(([no, r]) => ({
      no,
      label: r.label,
      count: r.count,
      recognised: r.recognised,
      commended: r.commended,
      funds: r.fundsVnd,
      workdays: r.workdays,
    })),
    totalRow: {
      no: null,
      label: 'Tổng cộng',
      count: s.total.count,
      recognised: s.total.recognised,
      commended: s.total.commended,
      funds: s.total.fundsVnd,
      workdays: s.total.workdays,
    },
  };
}
