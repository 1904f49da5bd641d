/**
 * `GET /api/sessions` (admins only): who is signed in, one entry per person, most recently active first. No
 * session id or token ever comes with it; `subject` is the person's opaque id, what ending their sessions names.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';

export const SignedInRole = z.enum(['viewer', 'sender', 'admin']);
export type SignedInRole = z.infer<typeof SignedInRole>;

export const SignedInPerson = z.object({
  subject: z.string(),
  name: z.string(),
  email: z.string(),
  role: SignedInRole,
  /** When their most recent session began. */
  signedInAt: z.string(),
  lastActiveAt: z.string(),
  sessions: z.number(),
  /** The admin looking at the page. */
  you: z.boolean(),
});
export type SignedInPerson = z.infer<typeof SignedInPerson>;

const SignedInPeople = z.object({ people: z.array(SignedInPerson) });

export const sessionsKeys = { people: ['sessions', 'people'] as const };

function listSignedInPeople(signal?: AbortSignal): Promise<SignedInPerson[]> {
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
