// Who may see what part of the app: signed-out people see sign-in; an account that must change its password or
// enrol a second factor sees only the setup steps; everyone else sees the app.
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { needsAccountSetup, useMe } from '../lib/api/use-me';
import { safeNextPath } from '../lib/next-path';
import { SignedInUserProvider } from '../lib/signed-in-user';
import { ErrorScreen } from './error-screen';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) {
    return <PageLoader fullScreen />;
  }
  if (error) {
    return <ErrorScreen error={error} onRetry={() => void refetch()} />;
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (needsAccountSetup(me)) {
    return <Navigate to="/setup" replace />;
  }
  return <SignedInUserProvider me={me}>{children}</SignedInUserProvider>;
}

export function RequireAccountSetup({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  if (isPending) {
    return <PageLoader fullScreen />;
  }
  if (error) {
    return <ErrorScreen error={error} onRetry={() => void refetch()} />;
  }
  if (!me) {
    return <Navigate to="/sign-in" replace />;
  }
  return <SignedInUserProvider me={me}>{children}</SignedInUserProvider>;
}

export function RedirectSignedIn({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) {
    return <PageLoader fullScreen />;
  }
  if (me) {
    return <Navigate to={needsAccountSetup(me) ? '/setup' : safeNextPath(params.get('next'))} replace />;
  }
  return children;
}
