// Queries retry only what can succeed on a second try; a lost session sends the person back to sign-in.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../lib/api/use-me';
import { ApiError } from '../lib/api-client';
import { noteSessionEnded } from '../lib/session-notice';

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleSessionError(error) }),
    mutationCache: new MutationCache({ onError: (error) => handleSessionError(error) }),
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          error instanceof ApiError && error.status > 0 && error.status < 500 ? false : count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });

  function handleSessionError(error: unknown) {
    if (!(error instanceof ApiError)) {
      return;
    }
    if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') {
      // The sign-in step of login itself answers other codes; these two mean the session is gone.
      if (client.getQueryData(meQueryKey)) {
        noteSessionEnded();
      }
      client.setQueryData(meQueryKey, null);
    } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      void client.invalidateQueries({ queryKey: meQueryKey });
    }
  }
  return client;
}
