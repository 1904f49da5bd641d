/** `POST /api/schedules/{id}/cancel`: cancels a scheduled send that has not started (409 once it has). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SendSummary } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sharedKeys } from '@/lib/query-keys';
import { sendRecordKeys } from './send-record-keys';

function cancelScheduledSend(id: string): Promise<SendSummary> {
  // The id in the path is the whole request; an empty JSON body reads the same to any server-side parser.
  return apiRequest(`/schedules/${encodeURIComponent(id)}/cancel`, { body: {}, schema: SendSummary });
}

/** Names this event's ones in the mutation cache: `queryClient.isMutating` then tells, synchronously, if one is on. */
export const cancelScheduledKey = (eventId: string) => ['send-history', 'cancel-scheduled', eventId] as const;

export function useCancelScheduledSend(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: cancelScheduledKey(eventId),
    mutationFn: cancelScheduledSend,
    retry: 0,
    onSettled: (_data, _error, id) => {
      // Cancelled, or refused because it started meanwhile: either way the lists have news.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.eventSends(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
      void queryClient.invalidateQueries({ queryKey: sendRecordKeys.record(id) });
    },
  });
}
