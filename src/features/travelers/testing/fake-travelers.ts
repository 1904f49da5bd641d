/**
 * Test helpers of the travelers feature (the event page's composed form uses them too): an event's travelers behind a fake `travelers-list` and `/v3/users/list`
 * (for `mockApi` from `@/testing/mock-api`), and the element sizes jsdom lacks, so the virtualized list renders.
 */
import { vi } from 'vitest';
import type { EventRsvpState, EventTravelerFilter, UserDetail } from '#contract';
import type { MockRequest, MockRoutes } from '@/testing/mock-api';

export interface FakeTraveler {
  id: string;
  given: string;
  family: string;
  email: string;
  state: EventRsvpState;
  invitedAt?: string;
}

const GIVEN = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Kai', 'Lou', 'Max'];
const FAMILY = [
  'Archer',
  'Baker',
  'Cole',
  'Dunn',
  'Ellis',
  'Ford',
  'Grant',
  'Hart',
  'Irwin',
  'Jones',
  'Kemp',
];

export function travelerId(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** `n` travelers: "Ann Archer", "Bob Baker", "Cy Cole", ... all not invited unless `state` says otherwise. */
export function makeTravelers(
  n: number,
  state: (i: number) => EventRsvpState = () => 'ADDED',
): FakeTraveler[] {
  return Array.from({ length: n }, (_, i) => {
    const given = GIVEN[i % GIVEN.length]!;
    const family = `${FAMILY[i % FAMILY.length]!}${i >= GIVEN.length ? ` ${Math.floor(i / GIVEN.length) + 1}` : ''}`;
    const rsvp = state(i);
    return {
      id: travelerId(i),
      given,
      family,
      email: `${given}.${family}`.toLowerCase().replace(/\s+/g, '') + '@acme.example',
      state: rsvp,
      invitedAt: rsvp === 'ADDED' ? undefined : '2026-11-20T08:15Z',
    };
  });
}

export const fullNameOf = (t: FakeTraveler) => `${t.given} ${t.family}`;

/** The RSVP counts the event page hands the picker, as the API would count `travelers`. */
export function rsvpCountsOf(travelers: readonly FakeTraveler[]): Record<EventRsvpState, number> {
  const counts = { ADDED: 0, INVITED: 0, INVITE_ACCEPTED: 0, INVITE_DECLINED: 0, REMOVED: 0 };
  for (const traveler of travelers) counts[traveler.state]++;
  return counts;
}

/** As the API: removed travelers are listed only when a status filter asks for them. */
function matches(t: FakeTraveler, filters: EventTravelerFilter[]): boolean {
  return (
    filters.every((filter) => {
      if (filter.type === 'TRAVELER_SEARCH_FILTER') {
        const term = (filter.searchTerm ?? '').toLowerCase();
        return `${fullNameOf(t)} ${t.email}`.toLowerCase().includes(term);
      }
      if (filter.type === 'INVITATION_STATUS_FILTER') return filter.rsvpStates.includes(t.state);
      return true;
    }) &&
    (t.state !== 'REMOVED' || filters.some((f) => f.type === 'INVITATION_STATUS_FILTER'))
  );
}

/** `travelers-list` and `users/list` over `travelers`, which a test may change between requests. */
export function travelerRoutes(travelers: FakeTraveler[]): MockRoutes {
  return {
    'POST /v2/events/:eventId/travelers-list': ({ body }: MockRequest) => {
      const {
        offset = 0,
        limit = 10,
        filters = [],
      } = body as {
        offset?: number;
        limit?: number;
        filters?: EventTravelerFilter[];
      };
      const matching = travelers.filter((t) => matches(t, filters));
      return {
        travelerEventInfos: matching.slice(offset, offset + limit).map((t) => ({
          userId: { id: t.id },
          eventUserRsvp: {
            userId: { id: t.id },
            eventRsvpState: t.state,
            ...(t.invitedAt && { invitedAt: { iso8601: t.invitedAt } }),
          },
        })),
        paginationParams: { totalNumResults: matching.length },
      };
    },
    'POST /v3/users/list': ({ body }: MockRequest) => {
      const filters =
        (body as { filters?: { userIds?: { id: string }[]; emails?: string[] }[] }).filters ?? [];
      const ids = new Set(filters.flatMap((f) => (f.userIds ?? []).map((u) => u.id)));
      // Emails compare case-insensitively, as in the sandbox.
      const emails = new Set(filters.flatMap((f) => (f.emails ?? []).map((e) => e.toLowerCase())));
      const users: UserDetail[] = travelers
        .filter((t) => ids.has(t.id) || emails.has(t.email.toLowerCase()))
        .map((t) => ({
          userId: { id: t.id },
          personalDetail: { name: { given: t.given, family1: t.family } },
          businessDetail: { businessEmail: t.email },
        }));
      return { users, pagination: { totalNumResults: users.length } };
    },
  };
}

/**
 * jsdom lays nothing out: every element measures 0, so a virtualizer would render no rows. Give the scroll
 * container a height and every row a fixed height. jsdom has no `scrollTo` either: this one moves `scrollTop`
 * and fires the scroll event the virtualizer listens to, so keyboard jumps render far rows.
 */
export function mockListLayout({ listHeight = 2000, rowHeight = 64 } = {}) {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(listHeight);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(rowHeight);
  // Tall enough for any list here: the virtualizer never scrolls past `scrollHeight`.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockReturnValue(rowHeight * 100_000);
  if (!('scrollTo' in Element.prototype)) {
    Object.defineProperty(Element.prototype, 'scrollTo', { configurable: true, writable: true, value() {} });
  }
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (this: Element, options?: unknown) {
    const top = (options as ScrollToOptions | undefined)?.top;
    if (top === undefined) return;
    this.scrollTop = top;
    this.dispatchEvent(new Event('scroll'));
  });
}
