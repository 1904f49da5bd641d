// @vitest-environment node
/**
 * A send record holds its event's name and, for an invite to all travelers, their number: from the event the page
 * loaded through `/api` just before, or read at send time; a send whose event cannot be read still goes out.
 */
import { describe, expect, it } from 'vitest';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import type { UpstreamClient, UpstreamResult } from '../forwarder/upstream-client.ts';
import { createEventFacts } from './event-facts.ts';
import { createHistoryApp, EVENT, gate } from './testing/history-app.ts';

describe('the event facts a send record holds', () => {
  const database = useTestDatabase(sqliteDialect);
  const setUp = async () => {
    const h = createHistoryApp(await database.open());
    return { h, marcus: await h.as('Marcus Webb') };
  };

  it('come from the event the page loaded: its name, and for all travelers their count', async () => {
    const { h, marcus } = await setUp();
    h.state.eventHandler = () =>
      Response.json({ event: { id: EVENT, name: 'Partner Summit', numTravelers: 10_000 } });
    expect((await h.app.request(`/api/v2/events/${EVENT}`, { headers: marcus })).status).toBe(200);
    expect((await h.send(marcus, { type: 'MEETING' })).status).toBe(200);
    expect((await h.send(marcus, { type: 'MEETING', userIds: [{ id: 'u-1' }] })).status).toBe(200);
    expect((await h.send(marcus, {}, undefined, 'test')).status).toBe(200);
    const rows = await h.rows();
    expect(rows.map((row) => [row.action, row.scope, row.event_name, row.traveler_count])).toEqual([
      ['send', 'all', 'Partner Summit', 10_000],
      ['send', 'list', 'Partner Summit', 1],
      ['test', 'all', 'Partner Summit', null],
    ]);
    expect(h.state.eventReads).toBe(1); // the page's own load; the sends read nothing more
  });

  it('are read at send time when this instance has not seen the event', async () => {
    const { h, marcus } = await setUp();
    expect((await h.send(marcus, { type: 'MEETING' })).status).toBe(200);
    expect(h.state.eventReads).toBe(1);
    expect(await h.rows()).toEqual([
      expect.objectContaining({ event_name: `Event ${EVENT}`, traveler_count: 25 }),
    ]);
  });

  it.each([
    ['answers 404', () => Response.json({ errorMessages: [] }, { status: 404 })],
    ['cannot be reached', () => Promise.reject(new TypeError('fetch failed'))],
    ['answers something else', () => new Response('<html>', { status: 200 })],
  ])('are null when the event read %s, and the send goes all the same', async (_, handler) => {
    const { h, marcus } = await setUp();
    h.state.eventHandler = handler;
    expect((await h.send(marcus, { type: 'MEETING' })).status).toBe(200);
    expect(h.state.calls).toBe(1);
    expect(await h.rows()).toEqual([
      expect.objectContaining({ status: 'accepted', event_name: null, traveler_count: null }),
    ]);
  });

  it('are null when the event read is slow: the send waits 2 seconds at most', async () => {
    const { h, marcus } = await setUp();
    const never = gate<Response>();
    h.state.eventHandler = () => never.opened;
    const started = Date.now();
    expect((await h.send(marcus, { type: 'MEETING', userIds: [{ id: 'u-1' }] })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await h.rows()).toEqual([expect.objectContaining({ event_name: null, traveler_count: 1 })]);
    never.open(Response.json({ event: { id: EVENT, name: 'Late' } }));
  });
});

describe('the event facts memory', () => {
  function upstreamAnswering(name: () => string) {
    const calls: string[] = [];
    const upstream: UpstreamClient = {
      async call(request): Promise<UpstreamResult> {
        calls.push(request.path);
        const body = new TextEncoder().encode(JSON.stringify({ event: { name: name(), numTravelers: 3 } }));
        return { status: 200, headers: new Headers(), body, tokensUsed: [] };
      },
      secrets: () => [],
    };
    return { upstream, calls };
  }

  it('reads an event once for sends waiting together, and again once its facts are 5 minutes old', async () => {
    let at = 0;
    let name = 'First';
    const { upstream, calls } = upstreamAnswering(() => name);
    const facts = createEventFacts({ upstream, now: () => at });
    const together = await Promise.all([facts.lookup('ev/1'), facts.lookup('ev/1')]);
    expect(together).toEqual([
      { name: 'First', numTravelers: 3 },
      { name: 'First', numTravelers: 3 },
    ]);
    expect(calls).toEqual(['/v2/events/ev%2F1']);
    name = 'Renamed';
    at = 5 * 60_000 - 1;
    expect((await facts.lookup('ev/1'))?.name).toBe('First');
    at = 5 * 60_000;
    expect((await facts.lookup('ev/1'))?.name).toBe('Renamed');
    expect(calls).toHaveLength(2);
  });

  it('never reads an id that would leave its path segment, and forgets the oldest beyond its size', async () => {
    const { upstream, calls } = upstreamAnswering(() => 'E');
    const facts = createEventFacts({ upstream, maxEntries: 2 });
    expect(await facts.lookup('..')).toBeUndefined();
    expect(calls).toEqual([]);
    for (const id of ['a', 'b', 'c', 'a']) await facts.lookup(id);
    expect(calls).toEqual(['/v2/events/a', '/v2/events/b', '/v2/events/c', '/v2/events/a']);
  });
});
