import { useState, type ReactNode } from 'react';
import { Button, Drawer, Dropdown, Layout, Menu, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@domain/roles.js';
import { post } from '../api';
import { useSession } from '../session';
import { useIsMobile } from '../useIsMobile';

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);

  const items = [
    { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Đơn vị' },
    ...(me.capabilities.manageUsers ? [{ key: '/nguoi-dung', icon: <TeamOutlined />, label: 'Người dùng' }] : []),
    ...(me.capabilities.viewAudit ? [{ key: '/nhat-ky', icon: <AuditOutlined />, label: 'Nhật ký hệ thống' }] : []),
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '';

  async function logout() {
    await post('/auth/logout').catch(() => {});
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
    navigate('/dang-nhap', { replace: true });
  }

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      style={{ borderInlineEnd: 0, fontSize: 15 }}
      onClick={(e) => {
        navigate(e.key);
        setOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: mobile ? '0 12px' : '0 24px', background: '#b71c1c', position: 'sticky', top: 0, zIndex: 10 }}>
        {mobile && <Button type="text" aria-label="Mở menu" icon={<MenuOutlined style={{ color: '#fff', fontSize: 20 }} />} onClick={() => setOpen(true)} />}
        <div style={{ color: '#fff', fontWeight: 800, fontSize: 20, letterSpacing: 1 }}>DVK</div>
        {!mobile && <div style={{ color: '#ffe0e0', fontSize: 15 }}>Phong trào thi đua “Dân vận khéo”</div>}
        <div style={{ flex: 1 }} />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'who', label: <div><b>{me.user.fullName}</b><br /><Typography.Text type="secondary">{ROLE_LABELS[me.user.role]}</Typography.Text></div>, disabled: true },
              { type: 'divider' },
              { key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu', onClick: () => navigate('/doi-mat-khau') },
              { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: logout },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff', height: 40 }} icon={<UserOutlined />} aria-label="Tài khoản">
            {!mobile && (
              <span style={{ textAlign: 'left', lineHeight: 1.2 }}>
                {me.user.fullName}
                <span style={{ display: 'block', fontSize: 12, color: '#ffe0e0' }}>{ROLE_LABELS[me.user.role]}</span>
              </span>
            )}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            {menu}
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer open={open} onClose={() => setOpen(false)} placement="left" size={260} title="DVK – Dân vận khéo" styles={{ body: { padding: 0 } }}>
            {menu}
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 8 : 20, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
