/** `POST /v2/events/{eventId}/invite/test`: emails a preview of the invite to the API caller. No request body. */
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { eventPath } from './event-path';

export function sendTestInvite(eventId: string): Promise<undefined> {
  return apiRequest(eventPath(eventId, 'invite/test'));
}

type Options = Omit<UseMutationOptions<undefined, Error, void>, 'mutationFn' | 'retry'>;

export function useSendTestInvite(eventId: string, options: Options = {}) {
  return useMutation({ ...options, mutationFn: () => sendTestInvite(eventId), retry: 0 });
}
