import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorText, post } from '../api';
import { newPasswordRules, PASSWORD_HINT } from '../components/passwordRules';
import { useAction } from '../components/useAction';
import { homePath, useSession } from '../session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const forced = me.user.mustChangePassword;
  // A refusal is shown under the field it concerns: a wrong current password, or a weak new one.
  const change = useAction(
    (v: Values, opts) => post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }, opts),
    {
      onSuccess: async () => {
        message.success('Đã đổi mật khẩu. Lần đăng nhập sau hãy dùng mật khẩu mới.');
        await queryClient.invalidateQueries({ queryKey: ['me'] });
        navigate(homePath(me), { replace: true });
      },
      onError: (e) => {
        const field = e instanceof ApiError && e.code === 'WRONG_PASSWORD' ? 'currentPassword' : 'newPassword';
        form.setFields([{ name: field, errors: [errorText(e, 'Chưa đổi được mật khẩu. Vui lòng thử lại.')] }]);
        return true;
      },
    },
  );
  const busy = change.busy;
  const submit = (v: Values) => change.run(v);

  return (
    <Card title="Đổi mật khẩu" style={{ maxWidth: 480, margin: '0 auto' }}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được cấp lại. Vui lòng đặt mật khẩu mới để tiếp tục."
        />
      )}
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} name="change-password">
        <Form.Item
          label="Mật khẩu hiện tại"
          name="currentPassword"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="Mật khẩu mới" name="newPassword" extra={PASSWORD_HINT} rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button type="primary" htmlType="submit" loading={busy} style={{ flex: 1 }}>
            Lưu mật khẩu mới
          </Button>
          {!forced && <Button onClick={() => navigate(-1)}>Hủy</Button>}
        </div>
      </Form>
    </Card>
  );
}
