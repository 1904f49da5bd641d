/**
 * Which pasted entries are travelers of the event. Pure: the lookups (people by email, the event's travelers by
 * id) are fetched by the caller, so every rule is pinned down by tests.
 */
import type { EventRsvpState } from '#contract';
import type { SelectedTraveler } from '@/types/selected-traveler';
import type { PastedEntry } from './parse-traveler-list';

export type UnmatchedReason = 'not-email-or-id' | 'no-such-email' | 'not-a-traveler' | 'removed';

export const UNMATCHED_REASON_TEXT: Readonly<Record<UnmatchedReason, string>> = {
  'not-email-or-id': 'not an email or a user id',
  'no-such-email': 'nobody has this email',
  'not-a-traveler': 'not a traveler of this event',
  removed: 'not a traveler of this event (removed from it)',
};

export interface PastedPerson {
  id: string;
  name?: string;
  email?: string;
}

export interface PastedMatch {
  /** Every traveler an entry named, once each, in the order pasted. */
  matched: SelectedTraveler[];
  unmatched: { text: string; reason: UnmatchedReason }[];
}

export interface PastedLookups {
  /** People by lower-cased email. */
  peopleByEmail: ReadonlyMap<string, PastedPerson>;
  /** The event's travelers (removed ones included) by lower-cased user id: their id as the API spells it, and state. */
  travelers: ReadonlyMap<string, { userId: string; rsvpState?: EventRsvpState }>;
}

export function matchPastedTravelers(entries: readonly PastedEntry[], lookups: PastedLookups): PastedMatch {
  const matched: SelectedTraveler[] = [];
  const unmatched: PastedMatch['unmatched'] = [];
  const chosen = new Set<string>();

  for (const entry of entries) {
    if (entry.kind === 'other') {
      unmatched.push({ text: entry.text, reason: 'not-email-or-id' });
      continue;
    }
    const person = entry.kind === 'email' ? lookups.peopleByEmail.get(entry.key) : undefined;
    if (entry.kind === 'email' && !person) {
      unmatched.push({ text: entry.text, reason: 'no-such-email' });
      continue;
    }
    const traveler = lookups.travelers.get(person ? person.id.toLowerCase() : entry.key);
    if (!traveler || traveler.rsvpState === 'REMOVED') {
      unmatched.push({ text: entry.text, reason: traveler ? 'removed' : 'not-a-traveler' });
      continue;
    }
    // An email and an id of the same person select them once.
    if (chosen.has(traveler.userId)) continue;
    chosen.add(traveler.userId);
    matched.push({ id: traveler.userId, name: person?.name, email: person?.email });
  }
  return { matched, unmatched };
}
