/**
 * `POST /api/schedules/events/{eventId}`: plans a send or a reminder for later (Send later). The console's server
 * checks it as it would a send, now and again when it runs. Not a Spotnana operation.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventType } from '#contract';
import { ScheduleRequest, SendSummary } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sharedKeys } from '@/lib/query-keys';

export interface ScheduleSendInput {
  action: 'send' | 'remind';
  /** ISO 8601 instant. */
  sendAt: string;
  type: EventType;
  /** Undefined: every traveler (a send), or whoever is still invited when it runs (a reminder). */
  userIds?: readonly string[];
  /** Made when the manager confirms: the same request sent again is answered, never scheduled twice. */
  idempotencyKey: string;
}

function scheduleSend(
  eventId: string,
  { action, sendAt, type, userIds, idempotencyKey }: ScheduleSendInput,
): Promise<SendSummary> {
  const body: ScheduleRequest = {
    action,
    sendAt,
    type,
    ...(userIds && { userIds: userIds.map((id) => ({ id })) }),
  };
  return apiRequest(`/schedules/events/${encodeURIComponent(eventId)}`, {
    body: ScheduleRequest.parse(body),
    schema: SendSummary,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** Names this event's schedulings in the mutation cache: a second confirm finds one under way at once. */
export const scheduleSendKey = (eventId: string, action: ScheduleSendInput['action']) =>
  ['invites', 'schedule', eventId, action] as const;

export function useScheduleSend(eventId: string, action: ScheduleSendInput['action']) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: scheduleSendKey(eventId, action),
    mutationFn: (input: Omit<ScheduleSendInput, 'action'>) => scheduleSend(eventId, { ...input, action }),
    // Planning a send twice would email twice: never again behind the manager's back.
    retry: 0,
    onSettled: () => {
      // Scheduled or not (an unknown outcome may have been), the History and the Activity page may have changed.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.eventSends(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
    },
  });
}
