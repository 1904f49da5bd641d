/**
 * The company of an event whose answer carries no `companyId` (the Event API allows that): the Users API looks
 * names and emails up by company, so without it every traveler would be "Unknown traveler". It is learned once
 * per event from its first travelers' profiles (`GET /v2/users/{userId}`): the first that names a company.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { userProfileQueryOptions } from './get-user-profile';
import { travelerKeys, type NamesScope } from './traveler-keys';
import { NO_FILTERS, travelerRefsQueryOptions } from './list-traveler-refs';

/** An inactive or removed traveler has no readable profile (404); a few more are tried before giving up. */
const PROFILES_TO_TRY = 5;

export function eventCompanyQueryOptions(eventId: string) {
  return queryOptions({
    queryKey: travelerKeys.eventCompany(eventId),
    queryFn: async ({ client }) => {
      const { travelers } = await client.fetchQuery(travelerRefsQueryOptions(eventId, NO_FILTERS, 0));
      let failure: unknown;
      for (const { userId } of travelers.slice(0, PROFILES_TO_TRY)) {
        try {
          const company = (await client.fetchQuery(userProfileQueryOptions(userId))).businessInfo
            ?.organizationRef.id;
          if (company) return company;
        } catch (error) {
          failure = error;
        }
      }
      // Profiles that could not be read (no connection, 403) must not be remembered as "no company".
      if (failure) throw failure;
      return null;
    },
    staleTime: Infinity,
  });
}

/** The company to look `scope`'s travelers up in; undefined when none can be learned. Rejects when unreadable. */
export async function companyOf(
  client: QueryClient,
  { eventId, companyId }: NamesScope,
): Promise<string | undefined> {
  return companyId ?? (await client.fetchQuery(eventCompanyQueryOptions(eventId))) ?? undefined;
}
