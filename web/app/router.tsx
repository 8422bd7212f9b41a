// The page map. Pages of the signed-in app load on demand, so a phone on a slow link downloads only what it opens.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { AccountSetupPage } from '../features/auth/pages/account-setup-page';
import { SignInPage } from '../features/auth/pages/sign-in-page';
import { RedirectSignedIn, RequireAccountSetup, RequireAuth } from './auth-guard';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { RequirePermission } from './require-permission';
import { RouteError } from './route-error';

const appRoutes: RouteObject[] = [
  { index: true, lazy: () => import('../features/home/pages/home-page').then((m) => ({ Component: m.HomePage })) },
  {
    path: 'profile',
    lazy: () => import('../features/profile/pages/profile-page').then((m) => ({ Component: m.ProfilePage })),
  },
  {
    element: <RequirePermission permission="persons.read" />,
    children: [
      {
        path: 'register',
        lazy: () => import('../features/persons/pages/register-page').then((m) => ({ Component: m.RegisterPage })),
      },
      {
        element: <RequirePermission permission="persons.write" />,
        children: [
          {
            path: 'register/new',
            lazy: () =>
              import('../features/persons/pages/person-create-page').then((m) => ({ Component: m.PersonCreatePage })),
          },
        ],
      },
      {
        path: 'register/:id',
        lazy: () => import('../features/persons/pages/person-page').then((m) => ({ Component: m.PersonPage })),
      },
    ],
  },
  {
    element: <RequirePermission permission="persons.write" />,
    children: [
      {
        path: 'register/import',
        lazy: () =>
          import('../features/register-import/pages/register-import-page').then((m) => ({
            Component: m.RegisterImportPage,
          })),
      },
    ],
  },
  {
    element: <RequirePermission permission="sponsors.read" />,
    children: [
      {
        path: 'register/sponsors',
        lazy: () => import('../features/sponsors/pages/sponsors-page').then((m) => ({ Component: m.SponsorsPage })),
      },
      {
        element: <RequirePermission permission="sponsors.write" />,
        children: [
          {
            path: 'register/sponsors/new',
            lazy: () =>
              import('../features/sponsors/pages/sponsor-create-page').then((m) => ({
                Component: m.SponsorCreatePage,
              })),
          },
        ],
      },
      {
        path: 'register/sponsors/:id',
        lazy: () => import('../features/sponsors/pages/sponsor-page').then((m) => ({ Component: m.SponsorPage })),
      },
    ],
  },
  {
    element: <RequirePermission permission="accommodations.read" />,
    children: [
      {
        path: 'accommodations',
        lazy: () =>
          import('../features/accommodations/pages/accommodations-page').then((m) => ({
            Component: m.AccommodationsPage,
          })),
      },
      {
        path: 'accommodations/:id',
        lazy: () =>
          import('../features/accommodations/pages/accommodation-page').then((m) => ({
            Component: m.AccommodationPage,
          })),
      },
    ],
  },
  {
    element: <RequirePermission permission="accommodations.manage_own" />,
    children: [
      {
        path: 'my-accommodation',
        lazy: () =>
          import('../features/accommodations/pages/my-accommodation-page').then((m) => ({
            Component: m.MyAccommodationPage,
          })),
      },
      {
        path: 'receipts',
        lazy: () => import('../features/receipts/pages/receipts-page').then((m) => ({ Component: m.ReceiptsPage })),
      },
      {
        path: 'guests/report',
        lazy: () => import('../features/stays/pages/guest-report-page').then((m) => ({ Component: m.GuestReportPage })),
      },
    ],
  },
  {
    path: 'notifications',
    lazy: () =>
      import('../features/notifications/pages/notifications-page').then((m) => ({ Component: m.NotificationsPage })),
  },
  {
    element: <RequirePermission permission="compliance.read" />,
    children: [
      {
        path: 'compliance',
        lazy: () =>
          import('../features/compliance/pages/compliance-page').then((m) => ({ Component: m.CompliancePage })),
      },
      {
        path: 'compliance/items',
        lazy: () =>
          import('../features/compliance/pages/compliance-items-page').then((m) => ({
            Component: m.ComplianceItemsPage,
          })),
      },
      {
        path: 'compliance/properties/:id',
        lazy: () =>
          import('../features/compliance/pages/compliance-property-page').then((m) => ({
            Component: m.CompliancePropertyPage,
          })),
      },
    ],
  },
  {
    element: <RequirePermission permission="accommodations.manage_own" />,
    children: [
      {
        path: 'check-outs-due',
        lazy: () =>
          import('../features/compliance/pages/check-outs-due-page').then((m) => ({ Component: m.CheckOutsDuePage })),
      },
    ],
  },
  {
    element: <RequirePermission permission="stays.read" />,
    children: [
      {
        path: 'guests',
        lazy: () => import('../features/stays/pages/stays-page').then((m) => ({ Component: m.StaysPage })),
      },
    ],
  },
  {
    element: <RequirePermission permission="orgs.read" />,
    children: [
      {
        path: 'admin/offices',
        lazy: () => import('../features/offices/pages/offices-page').then((m) => ({ Component: m.OfficesPage })),
      },
      {
        element: <RequirePermission permission="offices.manage" />,
        children: [
          {
            path: 'admin/offices/new',
            lazy: () =>
              import('../features/offices/pages/office-create-page').then((m) => ({ Component: m.OfficeCreatePage })),
          },
        ],
      },
      {
        path: 'admin/offices/:id',
        lazy: () => import('../features/offices/pages/office-page').then((m) => ({ Component: m.OfficePage })),
      },
      {
        path: 'admin/agencies',
        lazy: () => import('../features/agencies/pages/agencies-page').then((m) => ({ Component: m.AgenciesPage })),
      },
      {
        element: <RequirePermission permission="agencies.manage" />,
        children: [
          {
            path: 'admin/agencies/new',
            lazy: () =>
              import('../features/agencies/pages/agency-create-page').then((m) => ({ Component: m.AgencyCreatePage })),
          },
        ],
      },
      {
        path: 'admin/agencies/:id',
        lazy: () => import('../features/agencies/pages/agency-page').then((m) => ({ Component: m.AgencyPage })),
      },
      {
        path: 'admin/teams',
        lazy: () => import('../features/teams/pages/teams-page').then((m) => ({ Component: m.TeamsPage })),
      },
      {
        element: <RequirePermission permission="teams.manage" />,
        children: [
          {
            path: 'admin/teams/new',
            lazy: () =>
              import('../features/teams/pages/team-create-page').then((m) => ({ Component: m.TeamCreatePage })),
          },
        ],
      },
      {
        path: 'admin/teams/:id',
        lazy: () => import('../features/teams/pages/team-page').then((m) => ({ Component: m.TeamPage })),
      },
    ],
  },
  {
    element: <RequirePermission permission="users.read" />,
    children: [
      {
        path: 'admin/users',
        lazy: () => import('../features/users/pages/users-page').then((m) => ({ Component: m.UsersPage })),
      },
      {
        element: <RequirePermission permission="users.manage" />,
        children: [
          {
            path: 'admin/users/new',
            lazy: () =>
              import('../features/users/pages/user-create-page').then((m) => ({ Component: m.UserCreatePage })),
          },
        ],
      },
      {
        path: 'admin/users/:id',
        lazy: () => import('../features/users/pages/user-page').then((m) => ({ Component: m.UserPage })),
      },
    ],
  },
  {
    element: <RequirePermission permission="audit.read" />,
    children: [
      {
        path: 'audit',
        lazy: () => import('../features/audit/pages/audit-page').then((m) => ({ Component: m.AuditPage })),
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader fullScreen />,
    children: [
      {
        path: '/sign-in',
        element: (
          <RedirectSignedIn>
            <SignInPage />
          </RedirectSignedIn>
        ),
      },
      {
        // Public: an accommodation registers before it has an account (a small page of its own, loaded on demand).
        path: '/accommodation-registration',
        lazy: () =>
          import('../features/accommodations/pages/register-accommodation-page').then((m) => ({
            Component: m.RegisterAccommodationPage,
          })),
      },
      {
        // Public: where a receipt's QR code leads; anyone checks a receipt number without signing in.
        path: '/verifikasi/:number?',
        lazy: () =>
          import('../features/receipts/pages/verify-receipt-page').then((m) => ({ Component: m.VerifyReceiptPage })),
      },
      {
        path: '/setup',
        element: (
          <RequireAccountSetup>
            <AccountSetupPage />
          </RequireAccountSetup>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: appRoutes,
      },
    ],
  },
]);
