import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Button, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@domain/schemas.js';
import { ApiError, get, setUnauthenticatedHandler } from './api';
import { SessionContext, homePath } from './session';
import { LoginPage } from './pages/LoginPage';

// The login page is all a signed-out visitor downloads; the rest comes after signing in.
const AppLayout = lazy(() => import('./layout/AppLayout'));
const UnitsPage = lazy(() => import('./pages/units/UnitsPage'));
const TodoPage = lazy(() => import('./pages/TodoPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const DashboardPage = lazy(() => import('./pages/stats/DashboardPage'));
const CompliancePage = lazy(() => import('./pages/stats/CompliancePage'));
const ReviewReportsPage = lazy(() => import('./pages/reports/ReviewReportsPage'));
const ReviewReportEditPage = lazy(() => import('./pages/reports/ReviewReportEditPage'));
const SearchPage = lazy(() => import('./pages/search/SearchPage'));
const MyExportsPage = lazy(() => import('./pages/exports/MyExportsPage'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const AdminMapPage = lazy(() => import('./pages/admin-map/AdminMapPage'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const RegistrationsPage = lazy(() => import('./pages/movement/RegistrationsPage'));
const RegistrationFormPage = lazy(() => import('./pages/movement/registration-form/RegistrationFormPage'));
const RegistrationDetailPage = lazy(() => import('./pages/movement/registration-detail/RegistrationDetailPage'));
const RoundsPage = lazy(() => import('./pages/movement/rounds/RoundsPage'));
const ProposalsPage = lazy(() => import('./pages/movement/ProposalsPage'));
const CampaignsPage = lazy(() => import('./pages/movement/CampaignsPage'));
const CriteriaPage = lazy(() => import('./pages/movement/CriteriaPage'));
const ReorganisationsPage = lazy(() => import('./pages/reorganisations/ReorganisationsPage'));
const ReorganisationFormPage = lazy(() => import('./pages/reorganisations/ReorganisationFormPage'));
const ReorganisationDetailPage = lazy(() => import('./pages/reorganisations/ReorganisationDetailPage'));
const WebhooksPage = lazy(() => import('./pages/webhooks/WebhooksPage'));
const GuidePage = lazy(() => import('./pages/guide/GuidePage'));

const Loading = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

export function App() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // A session that ends while in use: back to the login page, saying why.
      if (queryClient.getQueryData(['me'])) setExpired(true);
      queryClient.setQueryData(['me'], null);
    });
  }, [queryClient]);

  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <div style={{ padding: 48, textAlign: 'center', fontSize: 16 }}>
        {me.error instanceof ApiError ? me.error.message : 'Không tải được trang.'}{' '}
        <Button type="link" onClick={() => void me.refetch()}>
          Thử lại
        </Button>
      </div>
    );
  }
  if (!me.data) {
    if (location.pathname !== '/dang-nhap') {
      // The address bar, not the rendered route: a navigation still loading its page has already
      // changed the address, and that page is where the user wants to be after signing in again.
      return <Navigate to="/dang-nhap" replace state={{ from: window.location.pathname + window.location.search }} />;
    }
    return (
      <LoginPage
        expired={expired}
        onLoggedIn={(m) => {
          setExpired(false);
          queryClient.setQueryData(['me'], m);
          const from = (location.state as { from?: string } | null)?.from;
          navigate(m.user.mustChangePassword ? '/doi-mat-khau' : from && from !== '/dang-nhap' ? from : homePath(m), { replace: true });
        }}
      />
    );
  }
  const session = me.data;
  if (session.user.mustChangePassword && location.pathname !== '/doi-mat-khau') return <Navigate to="/doi-mat-khau" replace />;

  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<Loading />}>
        <AppLayout>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Navigate to={homePath(session)} replace />} />
              <Route path="/dang-nhap" element={<Navigate to={homePath(session)} replace />} />
              <Route path="/viec-can-lam" element={<TodoPage />} />
              <Route path="/thong-bao" element={<NotificationsPage />} />
              <Route path="/don-vi" element={<UnitsPage />} />
              <Route path="/don-vi/:id" element={<UnitsPage />} />
              {session.capabilities.manageUsers && <Route path="/nguoi-dung" element={<UsersPage />} />}
              {session.capabilities.viewAudit && <Route path="/nhat-ky" element={<AuditPage />} />}
              {session.user.role === 'admin' && <Route path="/sap-xep-don-vi" element={<ReorganisationsPage />} />}
              {session.user.role === 'admin' && <Route path="/sap-xep-don-vi/moi" element={<ReorganisationFormPage />} />}
              {session.user.role === 'admin' && <Route path="/sap-xep-don-vi/:id" element={<ReorganisationDetailPage />} />}
              {session.capabilities.manageUsers && <Route path="/ban-do-hanh-chinh" element={<AdminMapPage />} />}
              <Route path="/mo-hinh" element={<RegistrationsPage />} />
              <Route path="/mo-hinh/dang-ky" element={<RegistrationFormPage />} />
              <Route path="/mo-hinh/:id/sua" element={<RegistrationFormPage />} />
              <Route path="/mo-hinh/:id" element={<RegistrationDetailPage />} />
              <Route path="/xet-cong-nhan" element={<RoundsPage />} />
              <Route path="/xet-cong-nhan/:id" element={<RoundsPage />} />
              <Route path="/de-nghi-khen-thuong" element={<ProposalsPage />} />
              <Route path="/phat-dong" element={<CampaignsPage />} />
              <Route path="/tieu-chi" element={<CriteriaPage />} />
              <Route path="/webhook" element={<WebhooksPage />} />
              <Route path="/thong-ke" element={<DashboardPage />} />
              <Route path="/phat-dong/:id/chi-tieu" element={<CompliancePage />} />
              <Route path="/bao-cao" element={<ReviewReportsPage />} />
              <Route path="/bao-cao/:id" element={<ReviewReportEditPage />} />
              <Route path="/tim-kiem" element={<SearchPage />} />
              <Route path="/tep-da-xuat" element={<MyExportsPage />} />
              <Route path="/nhap-excel" element={<ImportPage />} />
              <Route path="/doi-mat-khau" element={<ChangePasswordPage />} />
              <Route path="/huong-dan" element={<GuidePage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </AppLayout>
      </Suspense>
    </SessionContext.Provider>
  );
}
