/** `POST /v2/events/{eventId}/invite/send`: emails invites to the chosen travelers, or to all when `userIds` is out. */
import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { SendInviteRequest, type EventType } from '#contract';
import { BROWSER_SEND_TIMEOUT_MS } from '#contract/send-timing';
import { apiRequest } from '@/lib/api-client';
import { sharedKeys } from '@/lib/query-keys';
import { eventPath } from '@/lib/event-path';

export interface SendInviteInput {
  type: EventType;
  /** Undefined: invite every traveler of the event. */
  userIds?: readonly string[];
  /**
   * Made once when the manager confirms (`newIdempotencyKey`), and part of the variables so that the same request
   * sent again carries it again: the server then answers with the first attempt's outcome instead of sending twice.
   */
  idempotencyKey?: string;
}

export const newIdempotencyKey = (): string => crypto.randomUUID();

export function sendInvite(
  eventId: string,
  { type, userIds, idempotencyKey }: SendInviteInput,
): Promise<undefined> {
  const body: SendInviteRequest = { type, ...(userIds && { userIds: userIds.map((id) => ({ id })) }) };
  return apiRequest(eventPath(eventId, 'invite/send'), {
    body: SendInviteRequest.parse(body),
    timeoutMs: BROWSER_SEND_TIMEOUT_MS,
    ...(idempotencyKey !== undefined && { headers: { 'idempotency-key': idempotencyKey } }),
  });
}

/** Names this event's sends in the mutation cache: `queryClient.isMutating` then tells, synchronously, if one is on. */
export const sendInviteKey = (eventId: string) => ['invites', 'send', eventId] as const;

type Options = Omit<
  UseMutationOptions<undefined, Error, SendInviteInput>,
  'mutationFn' | 'mutationKey' | 'retry'
>;

export function useSendInvite(eventId: string, options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationKey: sendInviteKey(eventId),
    mutationFn: (input: SendInviteInput) => sendInvite(eventId, input),
    // An invite is an email in someone's inbox: never send one again behind the manager's back.
    retry: 0,
    onSuccess: async (...args) => {
      // The whole event prefix: the picker's pages and the event page's RSVP counts both change. Not awaited:
      // the manager hears "Invites sent" at once, and the states update as soon as the refetch lands.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.event(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
      await options.onSuccess?.(...args);
    },
    onError: async (...args) => {
      // A refused or failed send is on the History too. Here, not in a `mutate` callback: it must run even when
      // the page has moved on before the answer came.
      void queryClient.invalidateQueries({ queryKey: sharedKeys.eventSends(eventId) });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
      await options.onError?.(...args);
    },
  });
}
