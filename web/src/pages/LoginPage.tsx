import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@domain/schemas.js';
import { post } from '../api';
import { useAction } from '../components/useAction';

interface Props {
  onLoggedIn: (me: Me) => void;
  /** The previous session ended while in use. */
  expired?: boolean;
}

export function LoginPage({ onLoggedIn, expired }: Props) {
  const login = useAction(
    (values: { username: string; password: string }, opts) =>
      post<Me>('/auth/login', { username: values.username.trim(), password: values.password }, opts),
    { fallback: 'Không đăng nhập được. Vui lòng thử lại.', onSuccess: onLoggedIn },
  );
  const { busy, error } = login;
  const submit = (values: { username: string; password: string }) => login.run(values);

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 100%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 440 }} styles={{ body: { padding: '28px 24px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div style={{ fontSize: 40, fontWeight: 800, color: '#b71c1c', letterSpacing: 2, lineHeight: 1.2 }}>DVK</div>
          <Typography.Title level={1} className="balance" style={{ margin: '4px 0 6px', fontSize: 21, lineHeight: 1.35 }}>
            Phong trào thi đua “Dân vận khéo”
          </Typography.Title>
          <Typography.Text type="secondary" className="balance" style={{ display: 'block' }}>
            Hệ thống quản lý mô hình, điển hình dân vận khéo
          </Typography.Text>
        </div>
        {expired && !error && (
          <Alert type="info" showIcon title="Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại." style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" size="large" onFinish={submit} requiredMark={false} name="login">
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} style={{ height: 48, fontSize: 17 }}>
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          className="balance"
          style={{ marginTop: 16, marginBottom: 0, fontSize: 14, textAlign: 'center' }}
        >
          Quên mật khẩu? Vui lòng liên hệ quản trị hệ thống của đơn vị.
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, fontSize: 16, textAlign: 'center' }}>
          <a href="/cong-khai">Xem các mô hình “Dân vận khéo” tiêu biểu</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
