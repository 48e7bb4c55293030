import { ROLE_LABELS } from '@domain/roles.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';
import { ENTITY_NAMES } from '@domain/errors.js';
import { FIELD_LABELS } from '@domain/field-labels.js';
import { REGISTRATION_STATE_LABELS, TRANSITIONS } from '@domain/workflow.js';
import { collator, formatDate, formatDateTime } from '../../format';

const transitionLabels = Object.fromEntries(
  Object.entries(TRANSITIONS).map(([name, t]) => [`registration.${name}`, `Hồ sơ: ${t.label.charAt(0).toLowerCase()}${t.label.slice(1)}`]),
);

/** What each logged action is called in the log, grouped for the filter. */
export const ACTION_GROUPS: { label: string; actions: Record<string, string> }[] = [
  {
    label: 'Đơn vị',
    actions: {
      'unit.create': 'Tạo đơn vị',
      'unit.update': 'Sửa đơn vị',
      'unit.move': 'Chuyển đơn vị',
      'unit.deactivate': 'Ngừng hoạt động đơn vị',
      'unit.reactivate': 'Khôi phục hoạt động đơn vị',
      'reorganisation.apply': 'Áp dụng sắp xếp đơn vị',
      'reorganisation.schedule': 'Lập sắp xếp đơn vị theo ngày hiệu lực',
      'reorganisation.undo': 'Hoàn tác sắp xếp đơn vị',
      'reorganisation.shares': 'Ghi tỷ lệ chia tách',
    },
  },
  {
    label: 'Tài khoản',
    actions: {
      'user.create': 'Tạo tài khoản',
      'user.update': 'Sửa tài khoản',
      'user.reset_password': 'Đặt lại mật khẩu',
      'auth.login': 'Đăng nhập',
      'auth.password_change': 'Đổi mật khẩu',
    },
  },
  {
    label: 'Phong trào',
    actions: {
      'campaign.create': 'Tạo đợt phát động',
      'campaign.update': 'Sửa đợt phát động',
      'campaign.launch': 'Phát động',
      'campaign.close': 'Kết thúc đợt phát động',
      'criterion.create': 'Thêm tiêu chí',
      'criterion.update': 'Sửa tiêu chí',
      'registration.create': 'Tạo hồ sơ đăng ký',
      'registration.update': 'Sửa hồ sơ đăng ký',
      'registration.assign_supporter': 'Phân công cán bộ hỗ trợ',
      ...transitionLabels,
      'inspection.create': 'Ghi kết quả kiểm tra',
      'evidence.add': 'Thêm tệp minh chứng',
      'recognition.open': 'Mở đợt xét công nhận',
      'recognition.close': 'Kết thúc đợt xét công nhận',
      'recognition.add_candidate': 'Đưa hồ sơ vào đợt xét',
      'recognition.check': 'Kiểm tra tiêu chí công nhận',
      'recognition.vote': 'Biểu quyết công nhận',
      'recognition.acknowledge': 'Tập thể xác nhận',
      'recognition.decide': 'Quyết định công nhận',
      'recognition.publish_notice': 'Công khai danh sách lấy ý kiến',
      'paper.issue': 'Lập văn bản',
      'commendation.create': 'Ghi nhận khen thưởng',
      'commendation.propose': 'Đề nghị cấp trên khen thưởng',
      'commendation.proposal_accept': 'Chấp nhận đề nghị khen thưởng',
      'commendation.proposal_decline': 'Không chấp nhận đề nghị khen thưởng',
    },
  },
];

export const ACTION_LABELS: Record<string, string> = Object.assign({}, ...ACTION_GROUPS.map((g) => g.actions));

export const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;

/** "Đơn vị", "Người dùng", …: the kinds of record in the log. */
export const entityLabel = (type: string) => {
  const vi = ENTITY_NAMES[type]?.vi ?? type;
  return vi.charAt(0).toUpperCase() + vi.slice(1);
};

export const ENTITY_OPTIONS = ['unit', 'user', 'campaign', 'registration', 'criterion', 'round', 'paper', 'reorganisation']
  .map((value) => ({ value, label: entityLabel(value) }))
  .sort((a, b) => collator.compare(a.label, b.label));

const OWN_FIELD_NAMES: Record<string, string> = {
  name: 'Tên',
  code: 'Mã',
  active: 'Trạng thái',
  validTo: 'Hiệu lực đến',
  path: 'Vị trí trên cây',
  state: 'Trạng thái hồ sơ',
  title: 'Tên',
  reason: 'Lý do',
  note: 'Ghi chú',
};
export const fieldName = (f: string) => OWN_FIELD_NAMES[f] ?? FIELD_LABELS[f] ?? f;

/** Fields that hold a unit id: shown as the unit's name. */
export const UNIT_ID_FIELDS = new Set(['parentId', 'unitId', 'entryUnitId', 'viewUnitId', 'newParentId', 'toUnitId']);
/** Internal bookkeeping, not worth a row in the comparison. */
export const HIDDEN_FIELDS = new Set(['path', 'version', 'passwordHash']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a person reads it: labels instead of codes, Vietnamese dates. */
export function showValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return field === 'active' ? (v ? 'Đang hoạt động' : 'Ngừng hoạt động / đã khóa') : v ? 'Có' : 'Không';
  if (typeof v === 'number') return v.toLocaleString('vi-VN');
  if (typeof v === 'string') {
    if (field === 'kind') return UNIT_KIND_LABELS[v as keyof typeof UNIT_KIND_LABELS] ?? v;
    if (field === 'level') return UNIT_LEVEL_LABELS[v as keyof typeof UNIT_LEVEL_LABELS] ?? v;
    if (field === 'role') return ROLE_LABELS[v as keyof typeof ROLE_LABELS] ?? v;
    if (field === 'state') return REGISTRATION_STATE_LABELS[v as keyof typeof REGISTRATION_STATE_LABELS] ?? v;
    if (ISO_DATE.test(v)) return formatDate(v);
    if (ISO_TIME.test(v)) return formatDateTime(v);
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => showValue('', x)).join('; ');
  return JSON.stringify(v);
}
