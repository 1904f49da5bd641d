/**
 * `POST /api/history/events/{eventId}/recent-invites`: which of the travelers about to be invited were sent an
 * invite in the last 24 hours, read from the send history, for the confirmation to say so before the yes.
 */
import { queryOptions } from '@tanstack/react-query';
import { RecentInvites, RecentInvitesRequest } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sendRecordKeys } from './send-record-keys';

/** The confirmation waits this long at most for the check before letting the manager send without it. */
export const RECENT_INVITES_TIMEOUT_MS = 5_000;

export function getRecentInvites(
  eventId: string,
  userIds: readonly string[] | undefined,
  signal?: AbortSignal,
): Promise<RecentInvites> {
  const body: RecentInvitesRequest = userIds ? { userIds: userIds.map((id) => ({ id })) } : {};
  return apiRequest(`/history/events/${encodeURIComponent(eventId)}/recent-invites`, {
    body: RecentInvitesRequest.parse(body),
    schema: RecentInvites,
    signal,
    timeoutMs: RECENT_INVITES_TIMEOUT_MS,
  });
}

export function recentInvitesQueryOptions(
  eventId: string,
  confirmationId: string,
  userIds: readonly string[] | undefined,
) {
  return queryOptions({
    queryKey: sendRecordKeys.recentInvites(eventId, confirmationId),
    queryFn: ({ signal }) => getRecentInvites(eventId, userIds, signal),
    // One answer per confirmation: asked when it opens, and gone with it.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}
