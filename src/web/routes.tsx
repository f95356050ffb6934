import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router'
import { Layout } from './components/Layout.tsx'
import { RequireUser } from './components/RequireUser.tsx'
import { useSite } from './context/site.tsx'
import { AdminIndex, AdminPage } from './features/admin/AdminPage.tsx'
import { AuditSection } from './features/admin/audit/AuditSection.tsx'
import { DashboardSection } from './features/admin/dashboard/DashboardSection.tsx'
import { FiltersSection } from './features/admin/filters/FiltersSection.tsx'
import { InvitesSection } from './features/admin/invites/InvitesSection.tsx'
import { PeopleSection } from './features/admin/people/PeopleSection.tsx'
import { PersonPage } from './features/admin/people/PersonPage.tsx'
import { QueueSection } from './features/admin/reports/QueueSection.tsx'
import { ReportPage } from './features/admin/reports/ReportPage.tsx'
import { SettingsSection } from './features/admin/settings/SettingsSection.tsx'
import { AuthorizePage } from './features/authorize/AuthorizePage.tsx'
import { NativeCodePage } from './features/authorize/NativeCodePage.tsx'
import { ConfirmPage } from './features/confirm/ConfirmPage.tsx'
import { ErrorPage } from './features/error/ErrorPage.tsx'
import { ForgotPasswordPage } from './features/forgot-password/ForgotPasswordPage.tsx'
import { friendsRoute } from './features/friends/routes.tsx'
import { HomePage } from './features/home/HomePage.tsx'
import { NotFoundPage } from './features/not-found/NotFoundPage.tsx'
import { NotificationsPage } from './features/notifications/NotificationsPage.tsx'
import { NotificationsSection } from './features/notifications/NotificationsSection.tsx'
import { PostPage } from './features/post/PostPage.tsx'
import { profileRoutes } from './features/profile/routes.tsx'
import { ResetPasswordPage } from './features/reset-password/ResetPasswordPage.tsx'
import { AccountSection } from './features/settings/AccountSection.tsx'
import { AppsSection } from './features/settings/AppsSection.tsx'
import { BlockedSection } from './features/settings/BlockedSection.tsx'
import { MutedSection } from './features/settings/MutedSection.tsx'
import { ProfileSection } from './features/settings/ProfileSection.tsx'
import { SessionsSection } from './features/settings/SessionsSection.tsx'
import { SettingsPage } from './features/settings/SettingsPage.tsx'
import { TwoFactorSection } from './features/settings/TwoFactorSection.tsx'
import { SetupPage } from './features/setup/SetupPage.tsx'
import { SignInPage } from './features/sign-in/SignInPage.tsx'
import { SignUpPage } from './features/sign-up/SignUpPage.tsx'
import { TagPage } from './features/tag/TagPage.tsx'

/** Every page sits in the layout; until the site is set up, every page is the setup wizard. */
function Root() {
  const { site } = useSite()
  const { pathname } = useLocation()
  if (site.setup_required && pathname !== '/setup') return <Navigate to="/setup" replace />
  if (!site.setup_required && pathname === '/setup') return <Navigate to="/" replace />
  return (
    <Layout>
      <Outlet />
    </Layout>
  )
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'auth/sign_up', element: <SignUpPage /> },
      { path: 'auth/confirm', element: <ConfirmPage /> },
      { path: 'auth/sign_in', element: <SignInPage /> },
      { path: 'auth/password/forgot', element: <ForgotPasswordPage /> },
      { path: 'auth/password/reset', element: <ResetPasswordPage /> },
      { path: 'oauth/authorize', element: <AuthorizePage /> },
      { path: 'oauth/authorize/native', element: <NativeCodePage /> },
      {
        path: 'settings',
        element: (
          <RequireUser>
            <SettingsPage />
          </RequireUser>
        ),
        children: [
          { index: true, element: <Navigate to="profile" replace /> },
          { path: 'profile', element: <ProfileSection /> },
          { path: 'account', element: <AccountSection /> },
          { path: 'two_factor', element: <TwoFactorSection /> },
          { path: 'sessions', element: <SessionsSection /> },
          { path: 'apps', element: <AppsSection /> },
          { path: 'blocked', element: <BlockedSection /> },
          { path: 'muted', element: <MutedSection /> },
          { path: 'notifications', element: <NotificationsSection /> },
        ],
      },
      friendsRoute,
      {
        path: 'notifications',
        element: (
          <RequireUser>
            <NotificationsPage />
          </RequireUser>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireUser>
            <AdminPage />
          </RequireUser>
        ),
        children: [
          { index: true, element: <AdminIndex /> },
          { path: 'dashboard', element: <DashboardSection /> },
          { path: 'reports', element: <QueueSection /> },
          { path: 'reports/:id', element: <ReportPage /> },
          { path: 'people', element: <PeopleSection /> },
          { path: 'people/:id', element: <PersonPage /> },
          { path: 'settings', element: <SettingsSection /> },
          { path: 'filters', element: <FiltersSection /> },
          { path: 'invites', element: <InvitesSection /> },
          { path: 'audit', element: <AuditSection /> },
        ],
      },
      { path: 'tags/:tag', element: <TagPage /> },
      ...profileRoutes,
      // A post's `url` is /@username/id; PostPage checks the "@" (route segments can't mix text and params).
      { path: ':handle/:id', element: <PostPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
