/**
 * `POST /api/sessions/end` (admins only): ends every session of one person, on every console instance at once.
 * Their next action anywhere asks them to sign in again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EndSessionsResponse, type SignedInSummary } from '#contract/console-auth';
import { apiRequest } from '@/lib/api-client';
import { sessionsKeys } from './list-signed-in-people';

function endSessions(subject: string): Promise<{ ended: number }> {
  return apiRequest('/sessions/end', { body: { subject }, schema: EndSessionsResponse });
}

export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: SignedInSummary) => endSessions(person.subject),
    onSuccess: (_answer, person) => {
      // The row goes at once; the list is asked for again (someone may have signed in meanwhile). After an admin
      // ends their own sessions that asking answers 401, and the console asks them to sign in again.
      queryClient.setQueryData<SignedInSummary[]>(sessionsKeys.people, (people) =>
        people?.filter((other) => other.subject !== person.subject),
      );
      void queryClient.invalidateQueries({ queryKey: sessionsKeys.people });
    },
  });
}
