/**
 * Test support: the server app on a real console database with the send history wired in, in front of a stand-in
 * upstream whose invite and event answers each test chooses (and may hold), counting the calls that reached it.
 */
import { createServerApp } from '../../http/app.ts';
import { createTestAuth, type SignedInHeaders } from '../../auth/testing/test-auth.ts';
import { sessionCookieSettings } from '../../auth/session-cookie.ts';
import type { Role } from '#contract/console-auth';
import type { SignedInPerson } from '../../auth/session-store.ts';
import type { ConsoleDb } from '../../console-db/open-console-database.ts';
import type { RequestLimits } from '../../limits/limits.ts';
import type { ConsoleMetrics } from '../../operations/metrics.ts';
import type { RequestLogger } from '../../http/request-log.ts';
import { createSendQueries } from '../send-queries.ts';
import { createSendRecords } from '../send-records.ts';

export type InviteHandler = (request: Request) => Response | Promise<Response>;

export const EVENT = 'ev-1';
// Long and unlike any body text: the forwarder redacts these (and the token) from every answer.
const CREDENTIALS = { clientId: 'history-test-client', clientSecret: 'history-test-secret-4f1c9a' };

export interface HistoryAppOptions {
  upstreamTimeoutMs?: number;
  /** The limit on sends (server/limits); none by default. */
  limits?: RequestLimits;
  log?: RequestLogger;
  /** Metrics to fill, and the token that reads them at `/metrics`. */
  metrics?: { registry: ConsoleMetrics; token?: string };
}

export function createHistoryApp(consoleDb: ConsoleDb, options: HistoryAppOptions = {}) {
  const state = {
    /** Calls to anything but the token and the event (the invites, mostly). */
    calls: 0,
    handler: ((_: Request) => Response.json({})) as InviteHandler,
    /** `GET /v2/events/:eventId`, which the send history reads for the event's name on a miss. */
    eventReads: 0,
    tokenCalls: 0,
    eventHandler: ((request: Request) => {
      const id = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
      return Response.json({ event: { id, name: `Event ${id}`, numTravelers: 25 } });
    }) as InviteHandler,
  };
  const upstream = {
    async fetch(request: Request): Promise<Response> {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/oauth2-token')) {
        state.tokenCalls += 1;
        return Response.json({
          access_token: 'history-test-token-77e2b1',
          token_type: 'Bearer',
          expires_in: 3600,
        });
      }
      if (request.method === 'GET' && /\/v2\/events\/[^/]+$/.test(path)) {
        state.eventReads += 1;
        return state.eventHandler(request);
      }
      state.calls += 1;
      return state.handler(request);
    },
  };
  const testAuth = createTestAuth();
  const records = createSendRecords(consoleDb, { staleInFlightMs: 60_000 });
  const queries = createSendQueries(consoleDb);
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: options.upstreamTimeoutMs ?? 2_000,
      bodyLimitBytes: 1024 * 1024,
      staticRoot: null,
    },
    {
      sandbox: { app: upstream, credentials: CREDENTIALS },
      auth: testAuth.auth,
      log: options.log ?? (() => {}),
      limits: options.limits,
      metrics: options.metrics,
      history: { records, queries, instance: 'test-instance' },
    },
  );
  const cookieName = sessionCookieSettings(testAuth.auth.publicUrl).name;

  /** Headers of a signed-in person's same-origin JSON request (a name makes up the rest of the person). */
  async function as(
    who: string | Omit<SignedInPerson, 'role'>,
    role: Role = 'sender',
  ): Promise<SignedInHeaders> {
    const subject = typeof who === 'string' ? `sub-${who.toLowerCase().replace(/\W+/g, '-')}` : who.subject;
    const person =
      typeof who === 'string' ? { subject, name: who, email: `${subject}@acme.example` } : { ...who };
    const id = await testAuth.sessions.create({ ...person, role });
    return {
      cookie: `${cookieName}=${id}`,
      origin: testAuth.auth.publicUrl,
      'content-type': 'application/json',
    };
  }

  async function send(
    headers: Record<string, string>,
    body: unknown,
    key?: string,
    action = 'send',
  ): Promise<Response> {
    return app.request(`/api/v2/events/${EVENT}/invite/${action}`, {
      method: 'POST',
      headers: key === undefined ? headers : { ...headers, 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  }

  const rows = () => consoleDb.db.selectFrom('send_records').selectAll().orderBy('created_at').execute();
  /** Requests that reached the upstream at all, the token endpoint included. */
  const upstreamRequests = () => state.calls + state.eventReads + state.tokenCalls;
  return { app, state, records, queries, as, send, rows, upstreamRequests };
}

/** A promise and the function that settles it: holds a stand-in upstream until the test lets it go. */
export function gate<T = void>() {
  let open: (value: T) => void = () => {};
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { opened, open };
}
