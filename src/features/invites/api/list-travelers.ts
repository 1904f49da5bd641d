/**
 * `POST /v2/events/{eventId}/travelers-list`, a page of 100 at a time. The picker's pages have each page's names
 * and business emails resolved through `POST /v3/users/list` inside the same page fetch (travelers-list carries
 * only user ids); "Select all" reads ids and states only, every page of the matching travelers.
 */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  EventTravelersRequest,
  EventTravelersResponse,
  type EventRsvpState,
  type EventTravelerFilter,
  type UserDetail,
} from '#contract';
import { RSVP_STATES_IN_ORDER } from '@/components/labels';
import { apiRequest } from '@/lib/api-client';
import { fullName } from '../utils/full-name';
import { mapWithConcurrency } from '../utils/map-with-concurrency';
import { eventPath } from './event-path';
import { inviteKeys, type TravelerFilters } from './invite-keys';
import { listUsers } from './list-users';

/** The API's largest page. */
export const TRAVELERS_PAGE_SIZE = 100;

/** A traveler as travelers-list knows them: no name, no email. */
export interface TravelerRef {
  userId: string;
  rsvpState?: EventRsvpState;
  /** ISO 8601 instant of the last invitation. */
  invitedAt?: string;
}

export interface Traveler extends TravelerRef {
  /** Undefined when the Users API does not know the user. */
  name?: string;
  email?: string;
}

export interface TravelersPage<T = Traveler> {
  travelers: T[];
  offset: number;
  /** Travelers matching the filters in the whole event. */
  total: number;
}

export const NO_FILTERS: TravelerFilters = { search: '', states: [] };

export function travelerFilters({ search, states }: TravelerFilters): EventTravelerFilter[] {
  const filters: EventTravelerFilter[] = [];
  if (search) filters.push({ type: 'TRAVELER_SEARCH_FILTER', searchTerm: search });
  if (states.length > 0) filters.push({ type: 'INVITATION_STATUS_FILTER', rsvpStates: [...states] });
  return filters;
}

/** One page of travelers-list: ids and RSVP states. */
export async function listTravelerRefs(
  args: { eventId: string; filters: TravelerFilters; offset: number; limit?: number },
  signal?: AbortSignal,
): Promise<TravelersPage<TravelerRef>> {
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
  const travelers: TravelerRef[] = [];
  for (const info of response.travelerEventInfos ?? []) {
    const userId = info.userId?.id;
    if (!userId) continue;
    travelers.push({
      userId,
      rsvpState: info.eventUserRsvp?.eventRsvpState,
      invitedAt: info.eventUserRsvp?.invitedAt?.iso8601,
    });
  }
  return {
    offset: args.offset,
    total: response.paginationParams?.totalNumResults ?? args.offset + travelers.length,
    travelers,
  };
}

/**
 * A page of travelers-list in the cache, briefly: long enough for the picker to take over the first page the
 * route's loader asked for, short enough that a refetch of the picker asks the API again.
 */
export function travelerRefsQuery(eventId: string, filters: TravelerFilters, offset: number) {
  return queryOptions({
    queryKey: inviteKeys.travelerRefs(eventId, filters, offset),
    queryFn: ({ signal }) => listTravelerRefs({ eventId, filters, offset }, signal),
    staleTime: 2_000,
    gcTime: 10_000,
    // The picker's query around it retries; retrying here as well would multiply the attempts.
    retry: false,
  });
}

export async function listTravelers(
  args: { eventId: string; companyId?: string; filters: TravelerFilters; offset: number },
  signal?: AbortSignal,
  client?: QueryClient,
): Promise<TravelersPage> {
  // Through the cache when there is one: the loader may already have this page on its way.
  const page = client
    ? await client.fetchQuery(travelerRefsQuery(args.eventId, args.filters, args.offset))
    : await listTravelerRefs(args, signal);
  const ids = page.travelers.map((traveler) => traveler.userId);
  // Without a company the Users API cannot be asked; the picker then shows ids instead of names.
  const users = args.companyId ? await listUsers(args.companyId, ids, signal) : new Map<string, UserDetail>();
  return {
    ...page,
    travelers: page.travelers.map((traveler) => {
      const user = users.get(traveler.userId);
      return {
        ...traveler,
        name: fullName(user?.personalDetail?.name),
        email: user?.businessDetail?.businessEmail,
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
    queryFn: ({ pageParam, signal, client }) =>
      listTravelers({ eventId, companyId, filters, offset: pageParam }, signal, client),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.travelers.length;
      return last.travelers.length > 0 && next < last.total ? next : undefined;
    },
  });
}

/** How many travelers-list pages "Select all" and "Paste a list" ask for at once. */
export const ID_FETCH_CONCURRENCY = 6;

export interface AllTravelerRefsOptions {
  eventId: string;
  filters: TravelerFilters;
  /** The total the manager saw; the pages' own totals win if the list has grown since. */
  expectedTotal?: number;
  signal?: AbortSignal;
  concurrency?: number;
  /** After each page: how many travelers have arrived, of how many. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * Every traveler matching the filters, as ids and states (no users calls: names are not needed to select), the
 * pages fetched `concurrency` at a time. Each traveler appears once, in the list's order, even if the list
 * shifted between pages. Rejects with the first failure, or with the signal's reason when it aborts.
 */
export async function listAllTravelerRefs({
  eventId,
  filters,
  expectedTotal,
  signal,
  concurrency = ID_FETCH_CONCURRENCY,
  onProgress,
}: AllTravelerRefsOptions): Promise<TravelerRef[]> {
  const pages = new Map<number, TravelerRef[]>();
  let loaded = 0;
  let total = expectedTotal ?? -1;
  const fetchPage = async (offset: number) => {
    const page = await listTravelerRefs({ eventId, filters, offset }, signal);
    pages.set(offset, page.travelers);
    loaded += page.travelers.length;
    total = Math.max(total, page.total);
    onProgress?.(Math.min(loaded, total), total);
  };
  if (total < 0) await fetchPage(0);

  // Until every page up to the (possibly grown) total is in.
  for (;;) {
    const missing: number[] = [];
    for (let offset = 0; offset < total; offset += TRAVELERS_PAGE_SIZE) {
      if (!pages.has(offset)) missing.push(offset);
    }
    if (missing.length === 0) break;
    await mapWithConcurrency(missing, concurrency, fetchPage, signal);
  }

  const seen = new Set<string>();
  const all: TravelerRef[] = [];
  for (const offset of [...pages.keys()].sort((a, b) => a - b)) {
    for (const traveler of pages.get(offset)!) {
      if (seen.has(traveler.userId)) continue;
      seen.add(traveler.userId);
      all.push(traveler);
    }
  }
  return all;
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
