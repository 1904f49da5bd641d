import { describe, expect, it } from 'vitest';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { getActivityFacetsQueryOptions } from '@/features/send-history/api/get-activity-facets';
import { listActivityQueryOptions } from '@/features/send-history/api/list-activity';
import { getEventQueryOptions } from '@/features/events/api/get-event';
import { getRsvpCountsQueryOptions } from '@/features/events/api/get-rsvp-counts';
import { listEventsQueryOptions } from '@/features/events/api/list-events';

import { NO_FILTERS, travelerRefsQueryOptions } from '@/features/travelers/api/list-traveler-refs';
import { travelersInfiniteQueryOptions } from '@/features/travelers/api/list-travelers';
import { eventSendsQueryOptions } from '@/features/send-history/api/list-event-sends';
import { sharedKeys } from '@/lib/query-keys';

/** Caches every query the event page makes about `eventId`, keyed by each feature's own factory. */
function cacheEventQueries(client: QueryClient, eventId: string): QueryKey[] {
  const keys: QueryKey[] = [
    getEventQueryOptions(eventId).queryKey,
    getRsvpCountsQueryOptions(eventId).queryKey,
    travelersInfiniteQueryOptions(eventId, 'company-1', NO_FILTERS).queryKey,
    travelersInfiniteQueryOptions(eventId, 'company-1', { search: 'ann', states: ['INVITED'] }).queryKey,
    travelerRefsQueryOptions(eventId, NO_FILTERS, 0).queryKey,
    eventSendsQueryOptions(eventId).queryKey,
  ];
  for (const key of keys) client.setQueryData(key, {});
  return keys;
}

const invalidated = (client: QueryClient, keys: QueryKey[]) =>
  keys.map((key) => client.getQueryState(key)?.isInvalidated);

// The two features build their keys separately (they may not import each other) on one prefix per event.
describe("an event's cached queries", () => {
  it("are all refreshed by the invalidation after a send, and no other event's, nor the events list", async () => {
    const client = new QueryClient();
    const sentTo = cacheEventQueries(client, 'evt-1');
    const other = cacheEventQueries(client, 'evt-2');
    const list = listEventsQueryOptions({ listEventType: 'UPCOMING', offset: 0, limit: 25 }).queryKey;
    client.setQueryData(list, { events: [] });

    // What `send-invite.ts` and "Check travelers' states" invalidate.
    await client.invalidateQueries({ queryKey: sharedKeys.event('evt-1') });

    expect(invalidated(client, sentTo)).toEqual(sentTo.map(() => true));
    expect(invalidated(client, other)).toEqual(other.map(() => false));
    expect(client.getQueryState(list)?.isInvalidated).toBe(false);
  });
});

describe('the Activity page’s cached queries', () => {
  it('are refreshed by the invalidation of every send list after a send, and the events’ are not', async () => {
    const client = new QueryClient();
    const activity: QueryKey[] = [
      listActivityQueryOptions({}, 0).queryKey,
      listActivityQueryOptions({ outcome: 'refused' }, 2).queryKey,
      getActivityFacetsQueryOptions().queryKey,
    ];
    for (const key of activity) client.setQueryData(key, {});
    const event = cacheEventQueries(client, 'evt-1');

    // What `send-invite.ts` and `send-test-invite.ts` invalidate besides the event.
    await client.invalidateQueries({ queryKey: sharedKeys.sendRecords });

    expect(invalidated(client, activity)).toEqual(activity.map(() => true));
    expect(invalidated(client, event)).toEqual(event.map(() => false));
  });
});
