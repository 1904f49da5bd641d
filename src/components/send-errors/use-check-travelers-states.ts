import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sharedKeys } from '@/lib/query-keys';

/**
 * "Check travelers' states" after a send whose outcome is unknown: refetches everything about the event (the
 * picker's pages, the RSVP counts). Succeeds only when every refetch did; `submittedAt` is when it was asked.
 */
export function useCheckTravelersStates(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const queryKey = sharedKeys.event(eventId);
      // Without throwOnError a failed refetch resolves like a good one, and the manager would be told "refreshed".
      await queryClient.invalidateQueries({ queryKey }, { throwOnError: true });
      // A query paused while the browser is offline resolves without fetching: that is no refresh either.
      const paused = queryClient
        .getQueryCache()
        .findAll({ queryKey, type: 'active' })
        .some((query) => query.state.fetchStatus === 'paused');
      if (paused) throw new Error('The browser is offline.');
    },
  });
}
