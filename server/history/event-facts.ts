/**
 * What a send record says about its event (its name, and for an "all travelers" send how many there were), from
 * this instance's memory of the event's answers: the event page always loads the event (`GET /v2/events/:id`)
 * before it sends, so the forwarded answer is peeked at and kept a few minutes. On a miss the event is read
 * through the same upstream client, briefly; whatever fails, the send goes on and records nulls.
 */
import type { MiddlewareHandler } from 'hono';
import { GetEventResponse } from '#contract';
import { ALLOWED_ROUTES, upstreamPath } from '../forwarder/allowed-routes.ts';
import type { UpstreamClient } from '../forwarder/upstream-client.ts';
import type { ServerEnv } from '../server-env.ts';

export interface EventFacts {
  name: string | null;
  numTravelers: number | null;
}

export interface EventFactsCache {
  /** After the forwarder on `GET /v2/events/:eventId`: keeps what a 2xx answer says. */
  peek: MiddlewareHandler<ServerEnv>;
  /** The event's facts, from memory or read now; undefined when they cannot be had within the timeout. */
  lookup(eventId: string): Promise<EventFacts | undefined>;
}

export interface EventFactsOptions {
  upstream: UpstreamClient;
  ttlMs?: number;
  /** How long a send waits for the event on a miss. */
  lookupTimeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

const GET_EVENT = ALLOWED_ROUTES.find((route) => route.operationId === 'getEvent')!;

export function createEventFacts(options: EventFactsOptions): EventFactsCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const known = new Map<string, { facts: EventFacts; at: number }>();
  const reading = new Map<string, Promise<EventFacts | undefined>>();

  const fresh = (eventId: string) => {
    const entry = known.get(eventId);
    return entry !== undefined && now() - entry.at < ttlMs ? entry.facts : undefined;
  };

  function remember(eventId: string, bodyText: string) {
    const facts = factsOf(eventId, bodyText);
    if (facts === undefined) return;
    known.delete(eventId); // re-inserted last: the Map's order is the eviction order
    known.set(eventId, { facts, at: now() });
    if (known.size > maxEntries) known.delete(known.keys().next().value!);
  }

  async function read(eventId: string): Promise<EventFacts | undefined> {
    const path = upstreamPath(GET_EVENT, { eventId });
    if (path === undefined) return undefined;
    const result = await options.upstream.call({ method: 'GET', path });
    if (result.status < 200 || result.status >= 300) return undefined;
    remember(eventId, new TextDecoder().decode(result.body));
    return fresh(eventId);
  }

  return {
    async peek(c, next) {
      await next();
      if (c.res.status < 200 || c.res.status >= 300) return;
      const eventId = c.req.param('eventId');
      if (eventId !== undefined) remember(eventId, await c.res.clone().text());
    },

    async lookup(eventId) {
      const cached = fresh(eventId);
      if (cached !== undefined) return cached;
      let pending = reading.get(eventId);
      if (pending === undefined) {
        // One read per event however many sends wait for it; a late answer still fills the memory.
        pending = read(eventId).catch(() => undefined);
        reading.set(eventId, pending);
        void pending.finally(() => reading.delete(eventId));
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, lookupTimeoutMs, undefined);
      });
      try {
        return await Promise.race([pending, timeout]);
      } finally {
        clearTimeout(timer);
      }
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
  return { name: event.name ?? null, numTravelers: event.numTravelers ?? null };
}
