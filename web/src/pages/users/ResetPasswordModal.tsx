import { App, Form, Input } from 'antd';
import type { User } from '@domain/schemas.js';
import { errorText, post } from '../../api';
import { FormModal } from '../../components/FormModal';
import { newPasswordRules, PASSWORD_HINT } from '../../components/passwordRules';
import { useFormSubmit } from '../../components/useFormSubmit';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  // The server's refusal (a weak password) is shown under the field.
  const { submit: save, busy } = useFormSubmit(
    form,
    (v, opts) => post(`/users/${user.id}/reset-password`, { newPassword: v.newPassword }, opts),
    {
      onSuccess: () => {
        message.success(`Đã đặt lại mật khẩu cho ${user.fullName}. Người dùng sẽ phải đổi mật khẩu khi đăng nhập.`);
        onClose();
      },
      onError: (e) => {
        form.setFields([{ name: 'newPassword', errors: [errorText(e)] }]);
        return true;
      },
    },
  );

  return (
    <FormModal
      title="Đặt lại mật khẩu"
      sub={`${user.fullName} (${user.username})`}
      okText="Đặt lại mật khẩu"
      onOk={save}
      busy={busy}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} name="reset-password">
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra={`${PASSWORD_HINT} Hãy báo mật khẩu này cho người dùng một cách an toàn; họ sẽ phải đổi ở lần đăng nhập tới.`}
          rules={newPasswordRules}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
