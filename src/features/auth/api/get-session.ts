/** `GET /auth/session`: who is signed in, and their role. A 401 means the session ended (see lib/session-end.ts). */
import { queryOptions } from '@tanstack/react-query';
import { Session } from '#contract/console-auth';
import { apiRequest } from '@/lib/api-client';

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiRequest('/auth/session', { method: 'GET', base: '', schema: Session, signal });
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'session'],
    queryFn: ({ signal }) => getSession(signal),
    // Who is signed in does not change while the page is open; a role change takes a new sign-in.
    staleTime: Infinity,
  });
