import type { FormRule } from 'antd';

/** The server's rule for new passwords, checked before sending: 8 characters, letters and digits. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: 'Vui lòng nhập mật khẩu mới' },
  { min: 8, message: 'Mật khẩu phải có ít nhất 8 ký tự' },
  {
    validator: (_, v: string | undefined) =>
      !v || (/\p{L}/u.test(v) && /\d/.test(v)) ? Promise.resolve() : Promise.reject(new Error('Mật khẩu phải có cả chữ và số')),
  },
];
