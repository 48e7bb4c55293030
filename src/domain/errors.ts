/**
 * Errors a user can meet: a stable machine code, an HTTP status, and a message in Vietnamese
 * (English on request) that says what happened and what to do.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu chưa hợp lệ: {detail}',
    en: 'The data is not valid: {detail}',
  },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'You are not signed in or your session has expired. Please sign in again.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại (chú ý chữ hoa, chữ thường).',
    en: 'Wrong username or password. Please check and try again (passwords are case-sensitive).',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống.',
    en: 'This account is disabled. Please contact the administrator.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút hoặc liên hệ quản trị hệ thống.',
    en: 'Too many failed sign-in attempts. Please try again in {minutes} minutes or contact the administrator.',
  },
  WRONG_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  WEAK_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu mới phải có ít nhất 8 ký tự, gồm cả chữ và số.',
    en: 'The new password needs at least 8 characters, with letters and digits.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này. Nếu cần, hãy đề nghị cán bộ cấp trên hoặc quản trị hệ thống.',
    en: 'You are not allowed to do this. Ask an officer of the level above or the administrator.',
  },
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy {entity} hoặc bạn không có quyền xem.',
    en: '{entity} not found, or you may not see it.',
  },
  STALE_VERSION: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi trong lúc bạn sửa. Vui lòng tải lại trang rồi sửa lại.',
    en: 'Someone else changed this record while you were editing. Reload and edit again.',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    vi: 'Mã đơn vị "{code}" đã được dùng cho đơn vị khác. Vui lòng chọn mã khác.',
    en: 'Unit code "{code}" is already used by another unit. Choose another code.',
  },
  UNIT_MOVE_CYCLE: {
    status: 409,
    vi: 'Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or one of its own sub-units.',
  },
  UNIT_INACTIVE: {
    status: 409,
    vi: 'Đơn vị "{name}" đã ngừng hoạt động; không thể thêm đơn vị trực thuộc hay chuyển đơn vị vào đó.',
    en: 'Unit "{name}" is inactive; it cannot receive sub-units.',
  },
  UNIT_HAS_ACTIVE_CHILDREN: {
    status: 409,
    vi: 'Đơn vị còn {count} đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.',
    en: 'The unit still has {count} active sub-units. Move or deactivate them first.',
  },
  USERNAME_TAKEN: {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã có người dùng. Vui lòng chọn tên khác.',
    en: 'Username "{username}" is taken. Choose another.',
  },
  SCOPE_INVALID: {
    status: 400,
    vi: 'Phạm vi nhập liệu phải nằm trong phạm vi xem của tài khoản.',
    en: 'The entry scope must lie inside the view scope.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Hệ thống gặp lỗi ngoài dự kiến; dữ liệu của bạn chưa bị thay đổi. Vui lòng thử lại hoặc báo quản trị hệ thống.',
    en: 'Unexpected error; nothing was changed. Please retry or tell the administrator.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Lang = 'vi' | 'en';

export const ENTITY_NAMES: Record<string, { vi: string; en: string }> = {
  unit: { vi: 'đơn vị', en: 'Unit' },
  user: { vi: 'người dùng', en: 'User' },
  route: { vi: 'địa chỉ', en: 'Address' },
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.status = ERRORS[code].status;
    this.params = params;
  }
}

export function notFound(entity: keyof typeof ENTITY_NAMES): AppError {
  return new AppError('NOT_FOUND', { entity });
}

export function errorMessage(code: ErrorCode, params: Record<string, string | number>, lang: Lang): string {
  const template: string = ERRORS[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (key === 'entity' && typeof value === 'string') return ENTITY_NAMES[value]?.[lang] ?? value;
    return value === undefined ? '' : String(value);
  });
}
