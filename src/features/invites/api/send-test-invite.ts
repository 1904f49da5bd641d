/** `POST /v2/events/{eventId}/invite/test`: emails a preview of the invite to the API caller. No request body. */
import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { sharedKeys } from '@/lib/query-keys';
import { eventPath } from '@/lib/event-path';

export function sendTestInvite(eventId: string): Promise<undefined> {
  return apiRequest(eventPath(eventId, 'invite/test'));
}

/** Names this event's test invites in the mutation cache (see `sendInviteKey`). */
export const sendTestInviteKey = (eventId: string) => ['invites', 'test', eventId] as const;

type Options = Omit<UseMutationOptions<undefined, Error, void>, 'mutationFn' | 'mutationKey' | 'retry'>;

export function useSendTestInvite(eventId: string, options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationKey: sendTestInviteKey(eventId),
    mutationFn: () => sendTestInvite(eventId),
    retry: 0,
    onSettled: async (...args) => {
      // Every test invite, sent or not, is on the event's History and the Activity page.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.eventSends(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
      await options.onSettled?.(...args);
    },
  });
}
