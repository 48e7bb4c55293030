import type { FormRule } from 'antd';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE_VI, WEAK_REASONS } from '@domain/password-rule';

/** The hint under a new-password field: the server's rule in one sentence. */
export const PASSWORD_HINT = PASSWORD_RULE_VI;

/**
 * The server's rule for new passwords, checked before sending with the same function (loaded when
 * a password form is first used: its common-password list is a few hundred kilobytes). The server
 * checks again, with the account's own name and username.
 */
export const newPasswordRules: FormRule[] = [
  { required: true, message: 'Vui lòng nhập mật khẩu mới' },
  { min: MIN_PASSWORD_LENGTH, message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự` },
  {
    validator: async (_, v: string | undefined) => {
      if (!v || v.length < MIN_PASSWORD_LENGTH) return;
      const { checkPassword } = await import('@domain/password-strength');
      const verdict = checkPassword(v);
      if (!verdict.ok) throw new Error(`Mật khẩu chưa an toàn: ${WEAK_REASONS[verdict.reason].vi}. ${PASSWORD_RULE_VI}`);
    },
  },
];
