import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isSignInRequired } from './api-client';
import { sessionEndOf } from './session-end';

/** Client errors (4xx) will not get better by asking again; network failures and 5xx might. */
function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status !== undefined && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // Every request of the app goes through one of these caches: a 401 sign-in required is caught here, once.
  const onError = (error: unknown) => {
    if (isSignInRequired(error)) sessionEndOf(client).report();
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime: 30_000, refetchOnWindowFocus: false },
      // Mutations change the outside world (they send email): never repeat one behind the manager's back.
      mutations: { retry: 0 },
    },
  });
  return client;
}
