/**
 * "Send later" and "Remind later": the request fixed when the button was pressed (a selection that changes while
 * the dialog is open does not change what is scheduled), and the scheduling itself, a React Query mutation whose
 * state is the form's status line. One scheduling per confirm: a second confirm finds the first under way. While
 * it is under way the dialog stays open, so its answer, a failure too, is shown where it was asked; and a retry of
 * the same request after an unknown outcome carries the same Idempotency-Key, so it is never scheduled twice.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EventType } from '#contract';
import { formatSendAt } from '@/components/send-at/format-send-at';
import { scheduleSendKey, useScheduleSend, type ScheduleSendInput } from '../api/schedule-send';
import { useIdempotencyKey } from './use-idempotency-key';
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
  const keys = useIdempotencyKey();
  const [asked, setAsked] = useState<LaterRequest | null>(null);
  /** The mutation's state reaches the render later; the cache knows at once. */
  const underWay = () => queryClient.isMutating({ mutationKey: scheduleSendKey(eventId, action) }) > 0;

  function open(request: LaterRequest) {
    if (underWay()) return;
    // A new dialog: the last attempt's failure or success no longer stands.
    schedule.reset();
    setAsked(request);
  }

  function confirm(sendAt: string) {
    if (!asked || underWay()) return;
    const { type, userIds } = asked;
    const idempotencyKey = keys.keyFor({ action, type, userIds, sendAt });
    schedule.mutate(
      { type, userIds, sendAt, idempotencyKey },
      {
        onSuccess: () => setAsked(null),
        onSettled: (_data, error) => keys.settled(idempotencyKey, error),
      },
    );
  }

  /** Cancel, Escape: refused while the scheduling is under way, so its answer always finds the dialog open. */
  function close() {
    if (!underWay()) setAsked(null);
  }

  const what = action === 'remind' ? 'Reminder scheduled' : 'Scheduled';
  const dueAt = schedule.data?.dueAt ?? schedule.variables?.sendAt;
  const status: ActionStatus | undefined =
    schedule.isSuccess && dueAt
      ? { text: `${what} for ${formatSendAt(Date.parse(dueAt))} (your time).`, done: true }
      : undefined;

  return {
    asked,
    open,
    close,
    confirm,
    pending: schedule.isPending,
    error: schedule.error,
    status,
  };
}

export type SendLater = ReturnType<typeof useSendLater>;
