/**
 * `GET /v2/users/{userId}`: one person's profile. The console reads only the person's company
 * (`businessInfo.organizationRef.id`): an event whose answer carries no `companyId` (the Event API allows that)
 * has its travelers' names looked up in the company of one of them.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { UserProfile } from '#contract';
import { apiRequest } from '@/lib/api-client';
import { travelerKeys } from './traveler-keys';

/** The request is just the path parameter; checked so a stray slash never turns into another API path. */
const getUserProfileRequest = z.object({ userId: z.string().check(z.minLength(1)) });
type GetUserProfileRequest = z.infer<typeof getUserProfileRequest>;

/** 404 when the person is unknown (or inactive), 403 when they belong to another company. */
export async function getUserProfile(
  request: GetUserProfileRequest,
  signal?: AbortSignal,
): Promise<UserProfile> {
  const { userId } = getUserProfileRequest.parse(request);
  return apiRequest(`/v2/users/${encodeURIComponent(userId)}`, {
    method: 'GET',
    schema: UserProfile,
    signal,
  });
}

/** A person's company does not change while the console is open, so the profile never goes stale. */
export function userProfileQueryOptions(userId: string) {
  return queryOptions({
    queryKey: travelerKeys.userProfile(userId),
    queryFn: ({ signal }) => getUserProfile({ userId }, signal),
    staleTime: Infinity,
  });
}
