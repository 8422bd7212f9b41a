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
