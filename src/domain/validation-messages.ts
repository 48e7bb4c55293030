/**
 * Plain Vietnamese for the validation failures people actually meet; anything rarer falls back to
 * zod's own Vietnamese locale. The field name is added by the HTTP layer.
 */
import type { core } from 'zod';

type Issue = core.$ZodRawIssue;

export function vietnameseIssue(issue: Issue): string | undefined {
  const i = issue as Issue & {
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    format?: string;
    expected?: string;
    input?: unknown;
  };
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? 'không được để trống' : `phải có ít nhất ${i.minimum} ký tự`;
      if (i.origin === 'array') return `cần ít nhất ${i.minimum} mục`;
      return `không được nhỏ hơn ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return `dài quá ${i.maximum} ký tự`;
      if (i.origin === 'array') return `nhiều nhất ${i.maximum} mục`;
      return `không được lớn hơn ${i.maximum}`;
    case 'invalid_format':
      if (i.format === 'uuid') return 'mã định danh không hợp lệ';
      if (i.format === 'date') return 'ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD)';
      return undefined;
    case 'invalid_value':
      return 'giá trị không nằm trong danh sách cho phép';
    case 'invalid_type':
      return i.input === undefined ? 'chưa nhập' : 'sai kiểu dữ liệu';
    default:
      return undefined;
  }
}
