/**
 * `GET /v2/users/{userId}`: one person's profile. The console reads only the person's company
 * (`businessInfo.organizationRef.id`): an event whose answer carries no `companyId` (the Event API allows that)
 * has its travelers' names looked up in the company of one of them.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { UserProfile } from '#contract';
import { apiRequest } from '@/lib/api-client';

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

/**
 * Keys of this file, under `['users']` beside the names (`inviteKeys.userNames`): a person's profile, and the
 * company an event's travelers were found in.
 */
export const userProfileKeys = {
  profile: (userId: string) => ['users', 'profile', userId] as const,
  eventCompany: (eventId: string) => ['users', 'company-of-event', eventId] as const,
};

/** A person's company does not change while the console is open, so the profile never goes stale. */
export function getUserProfileQuery(userId: string) {
  return queryOptions({
    queryKey: userProfileKeys.profile(userId),
    queryFn: ({ signal }) => getUserProfile({ userId }, signal),
    staleTime: Infinity,
  });
}

/** The event whose travelers' names are wanted, and its company when the event's answer names one. */
export interface NamesScope {
  eventId: string;
  companyId?: string;
}

/**
 * The company whose users list names `userIds`: `companyId` when the event's answer has one; otherwise the
 * company of one traveler's profile, learned once per event (any traveler of it will do) and cached. Undefined
 * when the profile names no company. Rejects when the profile cannot be read (404, 403, no connection): the
 * names then stay unknown.
 */
export async function resolveCompanyId(
  client: QueryClient,
  { companyId, eventId }: NamesScope,
  userIds: readonly string[],
): Promise<string | undefined> {
  if (companyId) return companyId;
  const userId = userIds[0];
  if (userId === undefined) return undefined;
  const companyOf = async () =>
    (await client.fetchQuery(getUserProfileQuery(userId))).businessInfo?.organizationRef.id ?? null;
  const company = await client.fetchQuery({
    queryKey: userProfileKeys.eventCompany(eventId),
    queryFn: companyOf,
    staleTime: Infinity,
  });
  return company ?? undefined;
}
