import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Puts a server error next to the form field it concerns: validation details by field name,
 * and known error codes on their field. Returns false when no field fits (show it elsewhere).
 */
export function showOnFields(form: FormInstance, e: unknown, fieldOfCode: Record<string, string>, fieldNames: string[]): boolean {
  if (!(e instanceof ApiError)) return false;
  const byCode = fieldOfCode[e.code];
  if (byCode) {
    form.setFields([{ name: byCode, errors: [e.message] }]);
    return true;
  }
  const known = e.fields.filter((f) => fieldNames.includes(f.field));
  if (known.length === 0 || known.length < e.fields.length) return false;
  form.setFields(known.map((f) => ({ name: f.field, errors: [f.message] })));
  return true;
}
