import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@domain/schemas.js';
import { ApiError, post } from '../api';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await post<Me>('/auth/login', values));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không đăng nhập được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 100%)' }}>
      <Card style={{ width: '100%', maxWidth: 420 }} styles={{ body: { padding: 28 } }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div style={{ fontSize: 40, fontWeight: 800, color: '#b71c1c', letterSpacing: 2 }}>DVK</div>
          <Typography.Title level={4} style={{ margin: '4px 0 0' }}>
            Phong trào thi đua “Dân vận khéo”
          </Typography.Title>
          <Typography.Text type="secondary">Hệ thống quản lý mô hình, điển hình dân vận khéo</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Vui lòng nhập tên đăng nhập' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13, textAlign: 'center' }}>
          Quên mật khẩu? Vui lòng liên hệ quản trị hệ thống của đơn vị.
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
