import { useMayManageWebhooks } from '../pages/webhooks/webhook-access';
import { useState, type ReactNode } from 'react';
import { Button, Drawer, Dropdown, Layout, Menu, Typography } from 'antd';
import {
  ApiOutlined,
  ApartmentOutlined,
  BranchesOutlined,
  CheckSquareOutlined,
  AuditOutlined,
  DownloadOutlined,
  UploadOutlined,
  BarChartOutlined,
  FileTextOutlined,
  DownOutlined,
  FlagOutlined,
  GlobalOutlined,
  UnorderedListOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@domain/roles.js';
import { post } from '../api';
import { homePath, useSession } from '../session';
import { useIsMobile } from '../useIsMobile';
import { HeaderSearch } from '../components/HeaderSearch';
import { NotificationBell } from '../components/NotificationBell';

const PUBLIC_SHOWCASE = '/cong-khai';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export default function AppLayout({ children }: { children: ReactNode }) {
  const me = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const role = ROLE_LABELS[me.user.role];
  const mayManageWebhooks = useMayManageWebhooks();

  const items = [
    ...(me.todo ? [{ key: '/viec-can-lam', icon: <CheckSquareOutlined />, label: 'Việc cần làm' }] : []),
    { key: '/thong-ke', icon: <BarChartOutlined />, label: 'Thống kê' },
    { key: '/mo-hinh', icon: <StarOutlined />, label: 'Mô hình, điển hình' },
    { key: '/xet-cong-nhan', icon: <SafetyCertificateOutlined />, label: 'Xét công nhận' },
    { key: '/de-nghi-khen-thuong', icon: <TrophyOutlined />, label: 'Đề nghị khen thưởng' },
    { key: '/phat-dong', icon: <FlagOutlined />, label: 'Phát động' },
    { key: '/bao-cao', icon: <FileTextOutlined />, label: 'Báo cáo sơ kết, tổng kết' },
    { key: '/tieu-chi', icon: <UnorderedListOutlined />, label: 'Danh mục tiêu chí' },
    { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Đơn vị' },
    // Reorganisations are the administrators' work (policy 'unit.reorganise').
    ...(me.user.role === 'admin' && me.user.entryScope
      ? [{ key: '/sap-xep-don-vi', icon: <BranchesOutlined />, label: 'Sắp xếp đơn vị' }]
      : []),
    { key: '/tep-da-xuat', icon: <DownloadOutlined />, label: 'Tệp đã xuất' },
    ...(me.canCreate.registration || me.canCreate.unit || me.capabilities.manageUsers
      ? [{ key: '/nhap-excel', icon: <UploadOutlined />, label: 'Nhập từ Excel' }]
      : []),
    ...(me.capabilities.manageUsers ? [{ key: '/nguoi-dung', icon: <TeamOutlined />, label: 'Người dùng' }] : []),
    ...(me.capabilities.manageUsers ? [{ key: '/ban-do-hanh-chinh', icon: <ApartmentOutlined />, label: 'Bản đồ hành chính' }] : []),
    ...(me.capabilities.viewAudit ? [{ key: '/nhat-ky', icon: <AuditOutlined />, label: 'Nhật ký hệ thống' }] : []),
    ...(mayManageWebhooks ? [{ key: '/webhook', icon: <ApiOutlined />, label: 'Webhook' }] : []),
    { key: '/huong-dan', icon: <QuestionCircleOutlined />, label: 'Hướng dẫn sử dụng' },
    { key: PUBLIC_SHOWCASE, icon: <GlobalOutlined />, label: 'Trang công khai' },
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
      style={{ borderInlineEnd: 0, fontSize: 16 }}
      onClick={(e) => {
        // The showcase is served by the server, outside this app: open it in its own tab.
        if (e.key === PUBLIC_SHOWCASE) window.open(PUBLIC_SHOWCASE, '_blank', 'noopener');
        else navigate(e.key);
        setOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: mobile ? 8 : 12,
          padding: mobile ? '0 8px' : '0 24px',
          height: 64,
          lineHeight: 'normal',
          background: '#b71c1c',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {mobile && (
          <Button
            type="text"
            aria-label="Mở menu"
            style={{ width: 44, height: 44 }}
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 22 }} />}
            onClick={() => setOpen(true)}
          />
        )}
        <Link
          to={homePath(me)}
          className="header-home"
          style={{ display: 'flex', alignItems: 'baseline', gap: 10, minWidth: 0, flexShrink: 0 }}
          title="Trang chủ"
        >
          <span style={{ color: '#fff', fontWeight: 800, fontSize: 21, letterSpacing: 1 }}>DVK</span>
          {!mobile && <span style={{ color: '#ffe0e0', fontSize: 16 }}>Phong trào thi đua “Dân vận khéo”</span>}
        </Link>
        {/* The search keeps its room; on a narrow phone the account's name shrinks (with "…") instead. */}
        <div style={{ flex: mobile ? '1 0 auto' : 1, display: 'flex', justifyContent: 'flex-end', minWidth: mobile ? undefined : 0 }}>
          <HeaderSearch />
        </div>
        <NotificationBell />
        <Dropdown
          trigger={['click']}
          placement="bottomRight"
          menu={{
            items: [
              {
                key: 'who',
                disabled: true,
                label: (
                  <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>
                    <Typography.Text strong>{me.user.fullName}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{role}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{me.user.unit.name}</Typography.Text>
                  </div>
                ),
              },
              { type: 'divider' },
              { key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu', onClick: () => navigate('/doi-mat-khau') },
              { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: () => void logout() },
            ],
          }}
        >
          <Button
            type="text"
            title="Tài khoản"
            style={{
              color: '#fff',
              height: 52,
              padding: '0 8px',
              minWidth: 0,
              maxWidth: mobile ? 210 : 360,
              display: 'flex',
              alignItems: 'center',
              gap: 8,
            }}
          >
            <span style={{ textAlign: 'right', lineHeight: 1.25, minWidth: 0, overflow: 'hidden' }}>
              <span style={{ display: 'block', fontSize: mobile ? 14 : 15, fontWeight: 600, ...ellipsis }}>{me.user.fullName}</span>
              <span style={{ display: 'block', fontSize: 12, color: '#ffe0e0', ...ellipsis }}>{role}</span>
            </span>
            <DownOutlined style={{ fontSize: 11 }} />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider width={240} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            {menu}
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer
            open={open}
            onClose={() => setOpen(false)}
            placement="left"
            size={290}
            title="DVK – Dân vận khéo"
            styles={{ body: { padding: 0 } }}
          >
            {menu}
            <div style={{ borderTop: '1px solid #f0f0f0', margin: '8px 0 0', padding: '12px 20px' }}>
              <Typography.Text strong>{me.user.fullName}</Typography.Text>
              <div style={{ color: '#595959', fontSize: 14 }}>{role}</div>
              <div style={{ color: '#595959', fontSize: 14, marginBottom: 12 }}>{me.user.unit.name}</div>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                <Button
                  size="large"
                  icon={<KeyOutlined />}
                  onClick={() => {
                    setOpen(false);
                    navigate('/doi-mat-khau');
                  }}
                >
                  Đổi mật khẩu
                </Button>
                <Button size="large" icon={<LogoutOutlined />} onClick={() => void logout()}>
                  Đăng xuất
                </Button>
              </div>
            </div>
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 8 : 20, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
