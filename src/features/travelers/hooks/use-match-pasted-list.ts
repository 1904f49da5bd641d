import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import pMap from 'p-map';
import { RSVP_STATES_IN_ORDER } from '@/components/labels';
import { ID_FETCH_CONCURRENCY, listAllTravelerRefs } from '../api/list-all-traveler-refs';
import type { TravelerRef } from '../api/list-traveler-refs';
import { USERS_PAGE_SIZE, listUsersByEmails } from '../api/list-users';
import { companyOf } from '../api/get-event-company';
import type { NamesScope } from '../api/traveler-keys';
import { fullName } from '../utils/full-name';
import { matchPastedTravelers, type PastedMatch, type PastedPerson } from '../utils/match-pasted-travelers';
import { parseTravelerList } from '../utils/parse-traveler-list';

export interface PastedListResult extends PastedMatch {
  /** Distinct entries read from the text. */
  entries: number;
  duplicates: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Resolves a pasted list against the event: emails through the Users API (100 a request), then every entry
 * against the event's travelers, removed ones included so the console can say why a line did not match. The
 * two lookups run side by side. A read, but run on the manager's click, so a mutation: no caching, no refetch.
 */
async function matchPastedList(
  client: QueryClient,
  { scope, text }: { scope: NamesScope; text: string },
  signal?: AbortSignal,
): Promise<PastedListResult> {
  const { entries, duplicates } = parseTravelerList(text);
  const emails = entries.filter((entry) => entry.kind === 'email').map((entry) => entry.key);
  const candidates = entries.some((entry) => entry.kind !== 'other');
  const eventId = scope.eventId;
  // Emails are found within the event's company, learned from a profile when the event does not name it.
  const company = emails.length > 0 ? await companyOf(client, scope) : undefined;

  const [people, travelers] = await Promise.all([
    company
      ? pMap(chunks(emails, USERS_PAGE_SIZE), (chunk) => listUsersByEmails(company, chunk, signal), {
          concurrency: ID_FETCH_CONCURRENCY,
          signal,
        })
      : [],
    candidates
      ? listAllTravelerRefs({ eventId, filters: { search: '', states: RSVP_STATES_IN_ORDER }, signal })
      : ([] as TravelerRef[]),
  ]);

  const peopleByEmail = new Map<string, PastedPerson>();
  for (const page of people) {
    for (const [email, user] of page) {
      peopleByEmail.set(email, {
        id: user.userId.id,
        name: fullName(user.personalDetail?.name),
        email: user.businessDetail?.businessEmail,
      });
    }
  }
  const byId = new Map(travelers.map((traveler) => [traveler.userId.toLowerCase(), traveler]));
  return {
    ...matchPastedTravelers(entries, { peopleByEmail, travelers: byId }),
    entries: entries.length,
    duplicates,
  };
}

export function useMatchPastedList(eventId: string, companyId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => matchPastedList(client, { scope: { eventId, companyId }, text }),
  });
}
