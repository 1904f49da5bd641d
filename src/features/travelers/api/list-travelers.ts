/**
 * The picker's pages: a travelers-list page (`list-traveler-refs.ts`) with each traveler's name and business
 * email resolved through `POST /v3/users/list` in the same page fetch, 100 travelers a page, as the list scrolls.
 */
import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import type { UserDetail } from '#contract';
import { fullName } from '../utils/full-name';
import { travelerKeys, type TravelerFilters } from './traveler-keys';
import {
  listTravelerRefs,
  travelerRefsQueryOptions,
  type TravelerRef,
  type TravelersPage,
} from './list-traveler-refs';
import { companyOf } from './get-event-company';
import { listUsers } from './list-users';

export interface Traveler extends TravelerRef {
  /** Undefined when the Users API does not know the user. */
  name?: string;
  email?: string;
}

async function listTravelers(
  args: { eventId: string; companyId?: string; filters: TravelerFilters; offset: number },
  signal?: AbortSignal,
  client?: QueryClient,
): Promise<TravelersPage<Traveler>> {
  // Through the cache when there is one: the loader may already have this page on its way.
  const page = client
    ? await client.fetchQuery(travelerRefsQueryOptions(args.eventId, args.filters, args.offset))
    : await listTravelerRefs(args, signal);
  const ids = page.travelers.map((traveler) => traveler.userId);
  // An event without a companyId has its company learned from one traveler's profile. Names are a courtesy: if
  // neither can be read, the page still lists its travelers (by id) rather than failing.
  const company = client ? await companyOf(client, args).catch(() => undefined) : args.companyId;
  const users = company ? await listUsers(company, ids, signal) : new Map<string, UserDetail>();
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

export function travelersInfiniteQueryOptions(
  eventId: string,
  companyId: string | undefined,
  filters: TravelerFilters,
) {
  return infiniteQueryOptions({
    queryKey: travelerKeys.pages(eventId, companyId, filters),
    queryFn: ({ pageParam, signal, client }) =>
      listTravelers({ eventId, companyId, filters, offset: pageParam }, signal, client),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.travelers.length;
      return last.travelers.length > 0 && next < last.total ? next : undefined;
    },
  });
}
