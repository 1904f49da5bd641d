// @vitest-environment node
/**
 * A send record holds its event's name and, for an invite to all travelers, their number: from the event the page
 * loaded through `/api` just before, or read in the background when this instance has not seen it. A send never
 * waits for that read, and one whose event cannot be read still goes out.
 */
import { describe, expect, it, vi } from 'vitest';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import type { UpstreamClient, UpstreamResult } from '../forwarder/upstream-client.ts';
import { createEventFacts, type EventFactsCache } from './event-facts.ts';
import { createHistoryApp, EVENT, gate } from './testing/history-app.ts';

/** The caches the server apps of these tests made (app.ts makes its own): a test may wait for their reads. */
const caches = vi.hoisted(() => [] as EventFactsCache[]);
vi.mock('./event-facts.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./event-facts.ts')>();
  return {
    ...actual,
    createEventFacts: (options: Parameters<typeof actual.createEventFacts>[0]) => {
      const cache = actual.createEventFacts(options);
      caches.push(cache);
      return cache;
    },
  };
});

describe('the event facts a send record holds', () => {
  const database = useTestDatabase(sqliteDialect);
  const setUp = async () => {
    const h = createHistoryApp(await database.open());
    return { h, marcus: await h.as('Marcus Webb'), facts: caches.at(-1)! };
  };

  it('come from the event the page loaded: its name, and for all travelers their count', async () => {
    const { h, marcus } = await setUp();
    h.state.eventHandler = () =>
      Response.json({ event: { id: EVENT, name: 'Partner Summit', numTravelers: 10_000 } });
    expect((await h.app.request(`/api/v2/events/${EVENT}`, { headers: marcus })).status).toBe(200);
    expect((await h.send(marcus, { type: 'GENERIC' })).status).toBe(200);
    expect((await h.send(marcus, { type: 'GENERIC', userIds: [{ id: 'u-1' }] })).status).toBe(200);
    expect((await h.send(marcus, {}, undefined, 'test')).status).toBe(200);
    const rows = await h.rows();
    expect(rows.map((row) => [row.action, row.scope, row.event_name, row.traveler_count])).toEqual([
      ['send', 'all', 'Partner Summit', 10_000],
      ['send', 'list', 'Partner Summit', 1],
      ['test', 'all', 'Partner Summit', null],
    ]);
    expect(h.state.eventReads).toBe(1); // the page's own load; the sends read nothing more
  });

  it('never hold a send: it is forwarded while the event read is out, and completed with its answer', async () => {
    const { h, marcus, facts } = await setUp();
    const answer = gate<Response>();
    const order: string[] = [];
    h.state.eventHandler = () => {
      order.push('event read asked');
      return answer.opened;
    };
    h.state.handler = async () => {
      // Only this handler answers the event read: a send that waited for it would never get here.
      order.push(`send forwarded, event reads ${h.state.eventReads}`);
      expect(await h.rows()).toEqual([
        expect.objectContaining({ status: 'pending', event_name: null, traveler_count: null }),
      ]);
      answer.open(Response.json({ event: { id: EVENT, name: 'Late Summit', numTravelers: 40 } }));
      await facts.settled();
      order.push('event read answered');
      return Response.json({});
    };
    expect((await h.send(marcus, { type: 'GENERIC' })).status).toBe(200);
    expect(order).toEqual(['event read asked', 'send forwarded, event reads 1', 'event read answered']);
    expect(await h.rows()).toEqual([
      expect.objectContaining({ status: 'accepted', event_name: 'Late Summit', traveler_count: 40 }),
    ]);
  });

  it('stay null when the event read has not answered by completion; later sends have them', async () => {
    const { h, marcus, facts } = await setUp();
    const answer = gate<Response>();
    h.state.eventHandler = () => answer.opened;
    const [first, second] = await Promise.all([
      h.send(marcus, { type: 'GENERIC' }),
      h.send(marcus, { type: 'GENERIC', userIds: [{ id: 'u-1' }] }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(h.state).toMatchObject({ calls: 2, eventReads: 1 }); // one read of the event at a time
    answer.open(Response.json({ event: { id: EVENT, name: 'Late Summit', numTravelers: 40 } }));
    await facts.settled();
    expect((await h.send(marcus, { type: 'PROGRAM' })).status).toBe(200);
    const rows = await h.rows();
    expect(rows.map((row) => [row.scope, row.event_name, row.traveler_count])).toEqual([
      ['all', null, null],
      ['list', null, 1],
      ['all', 'Late Summit', 40],
    ]);
    expect(h.state.eventReads).toBe(1);
  });

  it.each([
    ['answers 404', () => Response.json({ errorMessages: [] }, { status: 404 })],
    ['cannot be reached', () => Promise.reject(new TypeError('fetch failed'))],
    ['answers something else', () => new Response('<html>', { status: 200 })],
  ])('are null when the event read %s, and the send goes all the same', async (_, handler) => {
    const { h, marcus, facts } = await setUp();
    h.state.eventHandler = handler;
    h.state.handler = async () => {
      await facts.settled();
      return Response.json({});
    };
    expect((await h.send(marcus, { type: 'GENERIC' })).status).toBe(200);
    expect(h.state).toMatchObject({ calls: 1, eventReads: 1 });
    expect(await h.rows()).toEqual([
      expect.objectContaining({ status: 'accepted', event_name: null, traveler_count: null }),
    ]);
  });
});

describe('the event facts memory', () => {
  /** An upstream whose event reads each wait for the test to let them answer (`release`), unless `instant`. */
  function upstreamAnswering(name: () => string, instant = true) {
    const calls: string[] = [];
    const held: (() => void)[] = [];
    const upstream: UpstreamClient = {
      async call(request): Promise<UpstreamResult> {
        calls.push(request.path);
        if (!instant) await new Promise<void>((resolve) => held.push(resolve));
        const body = new TextEncoder().encode(JSON.stringify({ event: { name: name(), numTravelers: 3 } }));
        return { status: 200, headers: new Headers(), body, tokensUsed: [] };
      },
      secrets: () => [],
    };
    const release = () => held.splice(0).forEach((resolve) => resolve());
    return { upstream, calls, release };
  }

  it('never waits: a miss is undefined at once, and the event is read in the background once', async () => {
    const { upstream, calls, release } = upstreamAnswering(() => 'First', false);
    const facts = createEventFacts({ upstream });
    expect([facts.current('ev_1'), facts.current('ev_1')]).toEqual([undefined, undefined]);
    expect(calls).toEqual(['/v2/events/ev_1']);
    expect(facts.known('ev_1')).toBeUndefined();
    release();
    await facts.settled();
    expect(facts.known('ev_1')).toEqual({ name: 'First', travelerCount: 3 });
    expect(facts.current('ev_1')).toEqual({ name: 'First', travelerCount: 3 });
    expect(calls).toHaveLength(1);
  });

  it('serves facts 5 minutes old at once while reading them again, and none an hour past that', async () => {
    let at = 0;
    let name = 'First';
    const { upstream, calls } = upstreamAnswering(() => name);
    const facts = createEventFacts({ upstream, now: () => at });
    facts.current('ev-1');
    await facts.settled();
    name = 'Renamed';
    at = 5 * 60_000 - 1;
    expect(facts.current('ev-1')?.name).toBe('First');
    expect(calls).toHaveLength(1);
    at = 5 * 60_000;
    expect(facts.current('ev-1')?.name).toBe('First'); // expired: served, and read again
    expect(calls).toHaveLength(2);
    await facts.settled();
    expect(facts.current('ev-1')?.name).toBe('Renamed');
    at += 65 * 60_000;
    expect(facts.known('ev-1')).toBeUndefined();
    expect(facts.current('ev-1')).toBeUndefined();
    expect(calls).toHaveLength(3);
  });

  it('reads at most maxReads events at once, and none whose read failed leaves anything behind', async () => {
    const { upstream, calls, release } = upstreamAnswering(() => 'E', false);
    const facts = createEventFacts({ upstream, maxReads: 2 });
    for (const id of ['a', 'b', 'c']) facts.current(id);
    expect(calls).toEqual(['/v2/events/a', '/v2/events/b']);
    release();
    await facts.settled();
    facts.current('c');
    expect(calls).toHaveLength(3);

    const failing = createEventFacts({
      upstream: { call: () => Promise.reject(new Error('timeout')), secrets: () => [] },
    });
    expect(failing.current('a')).toBeUndefined();
    await failing.settled(); // rejects nothing, handled or not
    expect(failing.known('a')).toBeUndefined();
  });

  it('never reads an id outside the event id shape, and forgets the oldest beyond its size', async () => {
    const { upstream, calls } = upstreamAnswering(() => 'E');
    const facts = createEventFacts({ upstream, maxEntries: 2 });
    for (const id of ['..', 'ev/1', 'x'.repeat(65)]) expect(facts.current(id)).toBeUndefined();
    expect(calls).toEqual([]);
    for (const id of ['a', 'b', 'c', 'a']) {
      facts.current(id);
      await facts.settled();
    }
    expect(calls).toEqual(['/v2/events/a', '/v2/events/b', '/v2/events/c', '/v2/events/a']);
  });
});
