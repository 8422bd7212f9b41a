// errorElement of the router: a page that threw while loading or rendering.
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../lib/api-client';
import { ErrorScreen } from './error-screen';
import { NotFoundPage } from './not-found-page';

export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
  }
  return <ErrorScreen error={error} />;
}
