/**
 * What a send record says about its event (its name, and for an "all travelers" send how many there were), from
 * this instance's memory of the event's answers: the event page always loads the event (`GET /v2/events/:id`)
 * before it sends, so the forwarded answer is peeked at and kept. A send never waits for the event: it takes what
 * memory holds at once (an expired entry too, for a while), and on a miss or an expired entry one read of the event
 * starts in the background, through the same upstream client; a send completing looks again (record-sends.ts).
 * Whatever fails, the send goes on and its record says null.
 */
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { GetEventResponse } from '#contract';
import { ALLOWED_ROUTES, misfitParam, upstreamPath } from '../forwarder/allowed-routes.ts';
import type { UpstreamClient } from '../forwarder/upstream-client.ts';
import type { ServerEnv } from '../http/server-env.ts';

export interface EventFacts {
  name: string | null;
  travelerCount: number | null;
}

export interface EventFactsCache {
  /** After the forwarder on `GET /v2/events/:eventId`: keeps what a 2xx answer says. */
  peek: MiddlewareHandler<ServerEnv>;
  /**
   * Never waits: the event's facts as memory holds them now (expired ones too, up to `maxStaleMs`), or undefined.
   * When they are missing or expired, a read of the event starts in the background and fills the memory when it
   * answers: one read per event at a time, at most `maxReads` at once (beyond that, none starts).
   */
  current(eventId: string): EventFacts | undefined;
  /** What memory holds now (as `current`), starting nothing: a send completing sees what its read found. */
  known(eventId: string): EventFacts | undefined;
  /** Settles once the background reads started so far have (each ends by the upstream timeout at the latest). */
  settled(): Promise<void>;
}

export interface EventFactsOptions {
  upstream: UpstreamClient;
  /** How long facts are fresh: older ones are still served, and read again. */
  ttlMs?: number;
  /** How long past the TTL facts are still served (while read again); older ones count as none. */
  maxStaleMs?: number;
  maxEntries?: number;
  /** Background reads in progress at once, over all events. */
  maxReads?: number;
  now?: () => number;
}

const GET_EVENT = ALLOWED_ROUTES.find((route) => route.eventFacts === true)!;

/** Facts as memory holds them, with when they were learned (fresh for `ttlMs`). */
interface Held {
  facts: EventFacts;
  at: number;
}

export function createEventFacts(options: EventFactsOptions): EventFactsCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxStaleMs = options.maxStaleMs ?? 60 * 60_000;
  const maxReads = options.maxReads ?? 16;
  const now = options.now ?? Date.now;
  const reading = new Map<string, Promise<unknown>>();

  // lru-cache does the bounded memory, the expiry past which nothing is served, and one read per event at a time
  // (`fetch` joins a read under way); what is fresh, and how many reads may run at once, is decided here.
  const memory = new LRUCache<string, Held>({
    max: options.maxEntries ?? 1_000,
    ttl: ttlMs + maxStaleMs,
    ttlResolution: 0,
    perf: { now },
    allowStale: true,
    fetchMethod: async (eventId, held) => (await read(eventId)) ?? held,
  });

  async function read(eventId: string): Promise<Held | undefined> {
    // The guards refuse such an id before any send; this reader keeps to the table's shapes all the same.
    if (misfitParam(GET_EVENT, { eventId }) !== undefined) return undefined;
    try {
      const result = await options.upstream.call({
        method: 'GET',
        path: upstreamPath(GET_EVENT, { eventId }),
      });
      if (result.status < 200 || result.status >= 300) return undefined;
      const facts = factsOf(eventId, new TextDecoder().decode(result.body));
      return facts && { facts, at: now() };
    } catch {
      return undefined; // unreachable, timed out: the records say null, as they would have anyway
    }
  }

  /** What memory may still serve, and whether it is fresh. */
  const held = (eventId: string) => {
    const entry = memory.get(eventId);
    if (entry === undefined) return undefined;
    const age = now() - entry.at;
    return age < ttlMs + maxStaleMs ? { facts: entry.facts, fresh: age < ttlMs } : undefined;
  };

  /** Starts the event's read unless one is under way, or too many are; it never rejects. */
  function refresh(eventId: string) {
    if (reading.has(eventId) || reading.size >= maxReads) return;
    // `allowStale: false`: the promise is the read itself (not the stale value at once), so it counts until it ends.
    const pending = memory
      .fetch(eventId, { forceRefresh: true, allowStale: false })
      .catch(() => undefined) // aborted by a peek's facts, which stand
      .finally(() => reading.delete(eventId));
    reading.set(eventId, pending);
  }

  return {
    async peek(c, next) {
      await next();
      if (c.res.status < 200 || c.res.status >= 300) return;
      const eventId = c.req.param('eventId');
      if (eventId === undefined) return;
      const facts = factsOf(eventId, await c.res.clone().text());
      if (facts !== undefined) memory.set(eventId, { facts, at: now() });
    },

    current(eventId) {
      const entry = held(eventId);
      if (entry?.fresh !== true) refresh(eventId);
      return entry?.facts;
    },

    known: (eventId) => held(eventId)?.facts,

    async settled() {
      await Promise.all(reading.values());
    },
  };
}

/** The name and traveler count of a `GetEventResponse` for this event; undefined when it is not one. */
function factsOf(eventId: string, bodyText: string): EventFacts | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const parsed = GetEventResponse.safeParse(body);
  const event = parsed.success ? parsed.data.event : undefined;
  if (event === undefined || (event.id !== undefined && event.id !== eventId)) return undefined;
  return { name: event.name ?? null, travelerCount: event.numTravelers ?? null };
}
