/** `POST /api/schedules/{id}/reschedule`: moves a scheduled send that has not started (409 once it has). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RescheduleRequest, SendSummary } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sharedKeys } from '@/lib/query-keys';
import { sendRecordKeys } from './send-record-keys';

export interface RescheduleInput {
  id: string;
  /** ISO 8601 instant. */
  sendAt: string;
}

function rescheduleSend({ id, sendAt }: RescheduleInput): Promise<SendSummary> {
  const body: RescheduleRequest = { sendAt };
  return apiRequest(`/schedules/${encodeURIComponent(id)}/reschedule`, {
    body: RescheduleRequest.parse(body),
    schema: SendSummary,
  });
}

/** Names this event's ones in the mutation cache: `queryClient.isMutating` then tells, synchronously, if one is on. */
export const rescheduleKey = (eventId: string) => ['send-history', 'reschedule', eventId] as const;

export function useRescheduleSend(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: rescheduleKey(eventId),
    mutationFn: rescheduleSend,
    retry: 0,
    onSettled: (_data, _error, { id }) => {
      // Moved, or refused because it started meanwhile: either way the lists have news.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.eventSends(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
      void queryClient.invalidateQueries({ queryKey: sendRecordKeys.record(id) });
    },
  });
}
