import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, post } from '../api';
import { useSession } from '../session';

export default function ChangePasswordPage() {
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();

  async function submit(v: { currentPassword: string; newPassword: string }) {
    try {
      await post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('Đã đổi mật khẩu.');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      navigate('/don-vi');
    } catch (e) {
      const text = e instanceof ApiError ? e.message : 'Không đổi được mật khẩu.';
      const field = e instanceof ApiError && e.code === 'WRONG_PASSWORD' ? 'currentPassword' : 'newPassword';
      form.setFields([{ name: field, errors: [text] }]);
    }
  }

  return (
    <Card title="Đổi mật khẩu" style={{ maxWidth: 480, margin: '0 auto' }}>
      {me.user.mustChangePassword && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được cấp lại. Vui lòng đặt mật khẩu mới để tiếp tục." />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra="Ít nhất 8 ký tự, gồm cả chữ và số."
          rules={[
            { required: true, message: 'Vui lòng nhập mật khẩu mới' },
            { min: 8, message: 'Mật khẩu mới phải có ít nhất 8 ký tự' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          Lưu mật khẩu mới
        </Button>
      </Form>
    </Card>
  );
}
