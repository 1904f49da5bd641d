/**
 * `POST /api/reminders/events/{eventId}`: the console's server invites again every traveler still `INVITED` when
 * it runs (invited, no answer yet), through the same checks and send record as a send. Not a Spotnana operation.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventType } from '#contract';
import { ReminderRequest, ReminderResult } from '#contract/send-history';
import { BROWSER_REMINDER_TIMEOUT_MS } from '#contract/send-timing';
import { apiRequest } from '@/lib/api-client';
import { sharedKeys } from '@/lib/query-keys';

export interface SendReminderInput {
  type: EventType;
  /** Made when the manager confirms: the same reminder asked again is answered, never sent twice. */
  idempotencyKey: string;
}

function sendReminder(eventId: string, { type, idempotencyKey }: SendReminderInput): Promise<ReminderResult> {
  const body: ReminderRequest = { type };
  return apiRequest(`/reminders/events/${encodeURIComponent(eventId)}`, {
    body: ReminderRequest.parse(body),
    schema: ReminderResult,
    // Reading who is still invited comes first, then the send: the server bounds both.
    timeoutMs: BROWSER_REMINDER_TIMEOUT_MS,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function useSendReminder(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['invites', 'remind', eventId],
    mutationFn: (input: SendReminderInput) => sendReminder(eventId, input),
    // A reminder is an email in someone's inbox: never again behind the manager's back.
    retry: 0,
    onSettled: () => {
      // Sent, refused or nobody to remind: the event's states and its History both may have changed.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.event(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
    },
  });
}
