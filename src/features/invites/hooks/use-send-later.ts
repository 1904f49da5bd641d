/**
 * "Send later" and "Remind later": the request fixed when the button was pressed (a selection that changes while
 * the dialog is open does not change what is scheduled), and the scheduling itself, a React Query mutation whose
 * state is the form's status line. One scheduling per confirm: a second confirm finds the first under way.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EventType } from '#contract';
import { formatSendAt } from '@/components/send-at/send-at-time';
import { newIdempotencyKey } from '../api/send-invite';
import { scheduleSendKey, useScheduleSend, type ScheduleSendInput } from '../api/schedule-send';
import type { ActionStatus } from './use-invite-sending';

export interface LaterRequest {
  type: EventType;
  /** Undefined: every traveler (a send), or whoever is still invited when it runs (a reminder). */
  userIds?: readonly string[];
  /** How many travelers now: the selection, the event's travelers, or those still invited. */
  count: number | undefined;
}

export function useSendLater(eventId: string, action: ScheduleSendInput['action']) {
  const queryClient = useQueryClient();
  const schedule = useScheduleSend(eventId, action);
  const [asked, setAsked] = useState<LaterRequest | null>(null);

  function open(request: LaterRequest) {
    // A new dialog: the last attempt's failure or success no longer stands.
    schedule.reset();
    setAsked(request);
  }

  function confirm(sendAt: string) {
    if (!asked || queryClient.isMutating({ mutationKey: scheduleSendKey(eventId, action) }) > 0) return;
    const { type, userIds } = asked;
    schedule.mutate(
      { type, userIds, sendAt, idempotencyKey: newIdempotencyKey() },
      { onSuccess: () => setAsked(null) },
    );
  }

  const what = action === 'remind' ? 'Reminder scheduled' : 'Scheduled';
  const dueAt = schedule.data?.dueAt ?? schedule.variables?.sendAt;
  const status: ActionStatus | undefined =
    schedule.isSuccess && dueAt
      ? { text: `${what} for ${formatSendAt(Date.parse(dueAt))} (your time).`, done: true }
      : schedule.isPending && !asked
        ? { text: 'Scheduling…', done: false }
        : undefined;

  return {
    asked,
    open,
    close: () => setAsked(null),
    confirm,
    pending: schedule.isPending,
    error: schedule.error,
    status,
  };
}

export type SendLater = ReturnType<typeof useSendLater>;
