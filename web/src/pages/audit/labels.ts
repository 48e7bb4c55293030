import { ROLE_LABELS } from '@domain/roles.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';

export const ACTION_LABELS: Record<string, string> = {
  'unit.create': 'Tạo đơn vị',
  'unit.update': 'Sửa đơn vị',
  'unit.move': 'Chuyển đơn vị',
  'unit.deactivate': 'Ngừng hoạt động đơn vị',
  'unit.reactivate': 'Khôi phục đơn vị',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.reset_password': 'Đặt lại mật khẩu',
  'auth.login': 'Đăng nhập',
  'auth.password_change': 'Đổi mật khẩu',
};

export const FIELD_NAMES: Record<string, string> = {
  code: 'Mã', name: 'Tên', kind: 'Loại hình', level: 'Cấp', address: 'Địa chỉ', active: 'Đang hoạt động',
  parentId: 'Đơn vị cấp trên', path: 'Vị trí trên cây', validTo: 'Hiệu lực đến', username: 'Tên đăng nhập',
  fullName: 'Họ và tên', position: 'Chức vụ', role: 'Vai trò', unitId: 'Đơn vị công tác',
  entryUnitId: 'Phạm vi nhập liệu', viewUnitId: 'Phạm vi xem',
};

export function showValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (field === 'kind') return UNIT_KIND_LABELS[v as keyof typeof UNIT_KIND_LABELS] ?? String(v);
  if (field === 'level') return UNIT_LEVEL_LABELS[v as keyof typeof UNIT_LEVEL_LABELS] ?? String(v);
  if (field === 'role') return ROLE_LABELS[v as keyof typeof ROLE_LABELS] ?? String(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
