/**
 * `POST /v2/events/{eventId}/travelers-list`, a page of 100 at a time, with each page's names and business emails
 * resolved through `POST /v3/users/list` inside the same page fetch (travelers-list carries only user ids).
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  EventTravelersRequest,
  EventTravelersResponse,
  ListUsersV3Request,
  ListUsersV3Response,
  type EventRsvpState,
  type EventTravelerFilter,
  type UserDetail,
} from '@/contract/spotnana';
import { RSVP_STATES_IN_ORDER } from '@/components/labels';
import { apiRequest } from '@/lib/api-client';
import { fullName } from '../utils/full-name';
import { eventPath } from './event-path';
import { inviteKeys, type TravelerFilters } from './invite-keys';

/** The API's largest page. */
export const TRAVELERS_PAGE_SIZE = 100;

export interface Traveler {
  userId: string;
  /** Undefined when the Users API does not know the user. */
  name?: string;
  email?: string;
  rsvpState?: EventRsvpState;
  /** ISO 8601 instant of the last invitation. */
  invitedAt?: string;
}

export interface TravelersPage {
  travelers: Traveler[];
  offset: number;
  /** Travelers matching the filters in the whole event. */
  total: number;
}

export function travelerFilters({ search, states }: TravelerFilters): EventTravelerFilter[] {
  const filters: EventTravelerFilter[] = [];
  if (search) filters.push({ type: 'TRAVELER_SEARCH_FILTER', searchTerm: search });
  if (states.length > 0) filters.push({ type: 'INVITATION_STATUS_FILTER', rsvpStates: [...states] });
  return filters;
}

export async function listUsers(
  companyId: string,
  userIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, UserDetail>> {
  const users = new Map<string, UserDetail>();
  if (userIds.length === 0) return users;
  const body: ListUsersV3Request = {
    companyId: { id: companyId },
    pagination: { offset: 0, limit: TRAVELERS_PAGE_SIZE },
    filters: [{ userIds: userIds.map((id) => ({ id })) }],
  };
  const response = await apiRequest('/v3/users/list', {
    body: ListUsersV3Request.parse(body),
    schema: ListUsersV3Response,
    signal,
  });
  for (const user of response.users ?? []) users.set(user.userId.id, user);
  return users;
}

export async function listTravelers(
  args: { eventId: string; companyId?: string; filters: TravelerFilters; offset: number; limit?: number },
  signal?: AbortSignal,
): Promise<TravelersPage> {
  const request: EventTravelersRequest = {
    offset: args.offset,
    limit: args.limit ?? TRAVELERS_PAGE_SIZE,
    filters: travelerFilters(args.filters),
  };
  const response = await apiRequest(eventPath(args.eventId, 'travelers-list'), {
    body: EventTravelersRequest.parse(request),
    schema: EventTravelersResponse,
    signal,
  });
  const infos = (response.travelerEventInfos ?? []).filter((info) => info.userId?.id);
  const ids = infos.map((info) => info.userId!.id);
  // Without a company the Users API cannot be asked; the picker then shows ids instead of names.
  const users = args.companyId ? await listUsers(args.companyId, ids, signal) : new Map<string, UserDetail>();
  return {
    offset: args.offset,
    total: response.paginationParams?.totalNumResults ?? args.offset + infos.length,
    travelers: infos.map((info) => {
      const userId = info.userId!.id;
      const user = users.get(userId);
      return {
        userId,
        name: fullName(user?.personalDetail?.name),
        email: user?.businessDetail?.businessEmail,
        rsvpState: info.eventUserRsvp?.eventRsvpState,
        invitedAt: info.eventUserRsvp?.invitedAt?.iso8601,
      };
    }),
  };
}

export function travelersInfiniteQuery(
  eventId: string,
  companyId: string | undefined,
  filters: TravelerFilters,
) {
  return infiniteQueryOptions({
    queryKey: inviteKeys.travelerPages(eventId, companyId, filters),
    queryFn: ({ pageParam, signal }) =>
      listTravelers({ eventId, companyId, filters, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.travelers.length;
      return last.travelers.length > 0 && next < last.total ? next : undefined;
    },
  });
}

/** The RSVP states the picker can filter by, in the order a manager works through them. */
export const FILTER_STATES = [
  'ADDED',
  'INVITED',
  'INVITE_ACCEPTED',
  'INVITE_DECLINED',
] as const satisfies readonly EventRsvpState[];

export type RsvpCounts = Readonly<Record<EventRsvpState, number>>;

/**
 * How many travelers are in each RSVP state: one `limit: 0` request per state (the API has no counts endpoint),
 * only `totalNumResults` is read. Same key, requests and data shape as the event header's counts (see
 * `inviteKeys.rsvpCounts`), so the header and the picker's filter share one fetch.
 */
export function rsvpCountsQuery(eventId: string) {
  return queryOptions({
    queryKey: inviteKeys.rsvpCounts(eventId),
    queryFn: async ({ signal }): Promise<RsvpCounts> => {
      const counts = await Promise.all(
        RSVP_STATES_IN_ORDER.map(async (state) => {
          const response = await apiRequest(eventPath(eventId, 'travelers-list'), {
            body: EventTravelersRequest.parse({
              offset: 0,
              limit: 0,
              filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: [state] }],
            }),
            schema: EventTravelersResponse,
            signal,
          });
          return response.paginationParams?.totalNumResults ?? response.travelerEventInfos?.length ?? 0;
        }),
      );
      return Object.fromEntries(
        RSVP_STATES_IN_ORDER.map((state, i) => [state, counts[i] ?? 0]),
      ) as RsvpCounts;
    },
  });
}
