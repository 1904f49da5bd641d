/**
 * `POST /v3/users/list`: who a traveler is. travelers-list carries only user ids, so names and business emails
 * come from here, a page of at most 100 users per request, looked up by id or by email.
 */
import { queryOptions } from '@tanstack/react-query';
import { ListUsersV3Request, ListUsersV3Response, type UserDetail } from '#contract';
import { apiRequest } from '@/lib/api-client';
import { fullName } from '../utils/full-name';
import { companyOf } from './get-event-company';
import type { NamesScope } from './traveler-keys';
import { travelerKeys } from './traveler-keys';

/** The most users one request looks up (and returns). */
export const USERS_PAGE_SIZE = 100;

type UserFilter = { userIds: { id: string }[] } | { emails: string[] };

async function listUsersBy(
  companyId: string,
  filter: UserFilter,
  signal?: AbortSignal,
  userStatusFilter?: ListUsersV3Request['userStatusFilter'],
): Promise<UserDetail[]> {
  const body: ListUsersV3Request = {
    companyId: { id: companyId },
    ...(userStatusFilter && { userStatusFilter }),
    pagination: { offset: 0, limit: USERS_PAGE_SIZE },
    filters: [filter],
  };
  const response = await apiRequest('/v3/users/list', {
    body: ListUsersV3Request.parse(body),
    schema: ListUsersV3Response,
    signal,
  });
  return response.users ?? [];
}

/** Up to 100 users by id, keyed by id. Ids the company does not know are simply missing from the map. */
export async function listUsers(
  companyId: string,
  userIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, UserDetail>> {
  const users = new Map<string, UserDetail>();
  if (userIds.length === 0) return users;
  const found = await listUsersBy(companyId, { userIds: userIds.map((id) => ({ id })) }, signal);
  for (const user of found) users.set(user.userId.id, user);
  return users;
}

/**
 * Up to 100 users by business email, active or not (an inactive person may still be a traveler), keyed by the
 * lower-cased email: emails compare case-insensitively.
 */
export async function listUsersByEmails(
  companyId: string,
  emails: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, UserDetail>> {
  const users = new Map<string, UserDetail>();
  if (emails.length === 0) return users;
  const found = await listUsersBy(companyId, { emails: [...emails] }, signal, 'ALL');
  for (const user of found) {
    const email = user.businessDetail?.businessEmail?.toLowerCase();
    if (email) users.set(email, user);
  }
  return users;
}

/**
 * The names of a few travelers (at most 100), for chips of a selection made without them ("Select all" fetches
 * ids only). A person's name does not change while the console is open, so the answer never goes stale.
 *
 * Without `companyId` (an event's answer may leave it out), the company is learned once per event from one
 * traveler's profile (`GET /v2/users/{userId}`), and the names are then looked up in it as usual.
 */
export function userNamesQueryOptions(scope: NamesScope, userIds: readonly string[]) {
  return queryOptions({
    queryKey: travelerKeys.userNames(scope, userIds),
    queryFn: async ({ signal, client }) => {
      const company = await companyOf(client, scope);
      if (company === undefined) return new Map<string, string | undefined>();
      const users = await listUsers(company, userIds, signal);
      return new Map([...users].map(([id, user]) => [id, fullName(user.personalDetail?.name)]));
    },
    enabled: userIds.length > 0,
    staleTime: Infinity,
  });
}
