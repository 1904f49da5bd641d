/**
 * Test support: the server app on a real console database with the send history wired in, in front of a stand-in
 * upstream whose invite answers each test chooses (and may hold), counting the calls that reached it.
 */
import { createServerApp } from '../../app.ts';
import { createTestAuth } from '../../auth/testing/test-auth.ts';
import { sessionCookieSettings } from '../../auth/session-cookie.ts';
import type { Role } from '../../auth/session-store.ts';
import type { ConsoleDb } from '../../console-db/open-console-database.ts';
import { createSendRecords } from '../send-records.ts';

export type InviteHandler = (request: Request) => Response | Promise<Response>;

export const EVENT = 'ev-1';
// Long and unlike any body text: the forwarder redacts these (and the token) from every answer.
const CREDENTIALS = { clientId: 'history-test-client', clientSecret: 'history-test-secret-4f1c9a' };

export function createHistoryApp(consoleDb: ConsoleDb, options: { upstreamTimeoutMs?: number } = {}) {
  const state = { calls: 0, handler: ((_: Request) => Response.json({})) as InviteHandler };
  const upstream = {
    async fetch(request: Request): Promise<Response> {
      if (new URL(request.url).pathname.endsWith('/oauth2-token')) {
        return Response.json({
          access_token: 'history-test-token-77e2b1',
          token_type: 'Bearer',
          expires_in: 3600,
        });
      }
      state.calls += 1;
      return state.handler(request);
    },
  };
  const testAuth = createTestAuth();
  const records = createSendRecords(consoleDb, { staleInFlightMs: 60_000 });
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
      log: () => {},
      history: { records, instance: 'test-instance' },
    },
  );
  const cookieName = sessionCookieSettings(testAuth.auth.publicUrl).name;

  /** Headers of a signed-in person's same-origin JSON request. */
  async function as(name: string, role: Role = 'sender'): Promise<Record<string, string>> {
    const subject = `sub-${name.toLowerCase().replace(/\W+/g, '-')}`;
    const id = await testAuth.sessions.create({ subject, name, email: `${subject}@acme.example`, role });
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
  return { app, state, records, as, send, rows };
}

/** A promise and the function that settles it: holds a stand-in upstream until the test lets it go. */
export function gate<T = void>() {
  let open: (value: T) => void = () => {};
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { opened, open };
}
