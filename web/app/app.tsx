import { RouterProvider } from 'react-router';
import { AppProviders } from './providers';
import { RootErrorBoundary } from './root-error-boundary';
import { router } from './router';

export function App() {
  return (
    <AppProviders>
      <RootErrorBoundary>
        <RouterProvider router={router} />
      </RootErrorBoundary>
    </AppProviders>
  );
}
