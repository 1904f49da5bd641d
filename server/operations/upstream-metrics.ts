/**
 * Counts and times every HTTP call to the Spotnana API (a retry is a call of its own), by the operation of the
 * allow-list it belongs to, and the token fetches apart. Wraps the fetch the upstream client is given.
 */
import { ALLOWED_ROUTES } from '../forwarder/allowed-routes.ts';
import type { FetchLike } from '../forwarder/upstream-fetch.ts';
import type { ConsoleMetrics } from './metrics.ts';

const TOKEN_PATH = /\/v2\/auth\/oauth2-token$/;

/** Each route's path as the end of an upstream URL's path: `/v2/events/:eventId` matches `…/v2/events/e-1`. */
const OPERATIONS = ALLOWED_ROUTES.map((route) => ({
  method: route.method,
  operationId: route.operationId,
  pattern: new RegExp(`${route.path.replace(/:\w+/g, '[^/]+')}$`),
}));

/** The operation id of an upstream call, or `other` (the health check's list is `listEvents` like any other). */
export function upstreamOperation(method: string, url: string): string {
  const path = new URL(url).pathname;
  return OPERATIONS.find((op) => op.method === method && op.pattern.test(path))?.operationId ?? 'other';
}

export function measuredFetch(fetch: FetchLike, metrics: ConsoleMetrics): FetchLike {
  return async (url, init) => {
    const started = performance.now();
    const isToken = TOKEN_PATH.test(new URL(url).pathname);
    const operation = isToken ? 'token' : upstreamOperation(init.method ?? 'GET', url);
    let status = 'error';
    try {
      const response = await fetch(url, init);
      status = String(response.status);
      return response;
    } finally {
      if (isToken) metrics.tokenFetches.inc({ status });
      else {
        metrics.upstreamCalls.inc({ operation, status });
        metrics.upstreamDuration.observe({ operation }, (performance.now() - started) / 1000);
      }
    }
  };
}
