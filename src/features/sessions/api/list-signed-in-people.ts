/**
 * `GET /api/sessions` (admins only): who is signed in, one entry per person, most recently active first. No
 * session id or token ever comes with it; `subject` is the person's opaque id, what ending their sessions names.
 */
import { queryOptions } from '@tanstack/react-query';
import { SignedInPeople, type SignedInSummary } from '#contract/console-auth';
import { apiRequest } from '@/lib/api-client';

export const sessionsKeys = { people: ['sessions', 'people'] as const };

function listSignedInPeople(signal?: AbortSignal): Promise<SignedInSummary[]> {
  return apiRequest('/sessions', { method: 'GET', schema: SignedInPeople, signal }).then(
    (answer) => answer.people,
  );
}

export const signedInPeopleQueryOptions = () =>
  queryOptions({
    queryKey: sessionsKeys.people,
    queryFn: ({ signal }) => listSignedInPeople(signal),
    // People sign in and out all the time: every visit asks again.
    staleTime: 0,
  });
