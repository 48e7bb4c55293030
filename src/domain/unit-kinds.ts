/**
 * Unit kinds and level labels. Each kind has its own recognition criteria later on,
 * so the kind is a closed list; the level is a label the tree carries for reports.
 */
export const UNIT_KINDS = [
  'central',
  'province',
  'district',
  'commune',
  'party',
  'state_agency',
  'health',
  'culture_sport',
  'school',
  'fatherland_front',
  'socio_political',
  'mass_association',
  'military',
  'police',
  'fire_police',
  'border_guard',
  'enterprise',
  'residential_group',
  'block',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  central: 'Cấp Trung ương',
  province: 'Tỉnh, thành phố',
  district: 'Huyện, quận, thị xã (cũ, trước 01/7/2025)',
  commune: 'Xã, phường, đặc khu',
  party: 'Tổ chức Đảng',
  state_agency: 'Cơ quan nhà nước',
  health: 'Đơn vị sự nghiệp – Y tế',
  culture_sport: 'Đơn vị sự nghiệp – Văn hóa, thể thao',
  school: 'Đơn vị sự nghiệp – Trường học',
  fatherland_front: 'Mặt trận Tổ quốc',
  socio_political: 'Tổ chức chính trị – xã hội',
  mass_association: 'Hội quần chúng',
  military: 'Quân sự',
  police: 'Công an',
  fire_police: 'Cảnh sát phòng cháy, chữa cháy',
  border_guard: 'Biên phòng',
  enterprise: 'Doanh nghiệp',
  residential_group: 'Tổ dân phố, ấp, khu phố',
  block: 'Khối (Đảng bộ Khối)',
  other: 'Khác',
};

export const UNIT_LEVELS = ['central', 'province', 'block', 'district', 'commune', 'grassroots'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The level as lists, filters and statistics name it; the district level is named as the former one. */
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  central: 'Trung ương',
  province: 'Tỉnh',
  block: 'Khối',
  // The district level ended on 01/07/2025 (the 2025 reform): it stays for the records of before.
  district: 'Huyện (cũ)',
  commune: 'Xã',
  grassroots: 'Cơ sở',
};
