/**
 * Fills the console's metrics from each request (after it is answered): by route pattern, the refusals the
 * console's own guards made, and how sends ended. Costs a few label lookups per request, no I/O.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { InternalSend, ServerEnv } from '../http/server-env.ts';
import type { ConsoleMetrics, RefusalKind } from './metrics.ts';

/** The console's own refusals by errorCode (consoleError); anything else is not a refusal. */
const REFUSALS: Readonly<Record<string, RefusalKind>> = {
  SIGN_IN_REQUIRED: 'session',
  ROLE_NOT_ALLOWED: 'role',
  CROSS_SITE_REQUEST_REFUSED: 'cross-site',
  JSON_REQUIRED: 'cross-site',
  SEND_RATE_LIMITED: 'limit',
  INVALID_PARAMETER: 'parameter',
  SERVER_SHUTTING_DOWN: 'shutting-down',
};

export function httpMetrics(metrics: ConsoleMetrics): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // The pattern of the handler that answered (e.g. `/api/v2/events/:eventId`), never the path with its ids.
    const route = routePath(c);
    const { method } = c.req;
    const status = c.res.status;
    metrics.httpRequests.inc({ route, method, status: String(status) });
    metrics.httpDuration.observe({ route, method }, (performance.now() - started) / 1000);
    // The sandbox answers with Spotnana's codes as a tenant would: its refusals are not the console's.
    const errorCode = route.startsWith('/sandbox') ? undefined : c.get('errorCode');
    if (errorCode === undefined && status === 429) metrics.refusals.inc({ kind: 'limit' });
    countAnswered(metrics, { errorCode, sendOutcome: c.get('sendOutcome') });
  };
}

/**
 * The console's own refusal (by its errorCode) and how a send ended, for a request answered here or for one the
 * server dispatched itself (a scheduled send's run, history/schedule-runner.ts: InternalSend.answered), which no
 * middleware of the outer app measures.
 */
export function countAnswered(
  metrics: ConsoleMetrics,
  answered: Pick<NonNullable<InternalSend['answered']>, 'errorCode' | 'sendOutcome'>,
): void {
  const { errorCode, sendOutcome: send } = answered;
  const kind = errorCode === undefined ? undefined : REFUSALS[errorCode];
  if (kind !== undefined) metrics.refusals.inc({ kind });
  if (send !== undefined) {
    metrics.sends.inc({ action: send.action, outcome: send.outcome });
    // A reminder is an invite/send too (to the travelers still invited); a test invite goes to no traveler.
    if (send.action !== 'test' && send.outcome === 'accepted') metrics.travelersInvited.inc(send.travelers);
  }
}
