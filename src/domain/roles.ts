export const ROLES = ['admin', 'officer', 'member', 'unit_officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  officer: 'Cán bộ Ban Tuyên giáo và Dân vận',
  member: 'Thành viên Ban Chỉ đạo',
  unit_officer: 'Cán bộ đơn vị',
  viewer: 'Lãnh đạo (chỉ xem)',
};
