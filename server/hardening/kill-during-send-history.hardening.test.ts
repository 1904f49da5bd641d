// @vitest-environment node
/**
 * A server killed between the two leaves a record that says "outcome unknown": the production server as
 * a child process, in front of an upstream that holds the send; SIGKILLed while it waits, then started again on the
 * same console database. The send's record is there, pending (outcome unknown), and a retry with the same
 * Idempotency-Key is told so instead of reaching the upstream again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieSettings } from '../auth/session-cookie.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { openConsoleDatabase, type ConsoleDbOptions } from '../console-db/open-console-database.ts';
import { testDialects } from '../console-db/testing/test-databases.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from './testing/server-process.ts';
import { roleMappingEnv } from '../auth/roles.ts';

const EVENT = 'ev-kill';
const KEY = 'kill-key-1';

let dir: string;
let upstream: Server;
let upstreamUrl: string;
/** Sends that reached the upstream; each is held until its server dies. */
const arrivals: Array<() => void> = [];
let sendsReceived = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-kill-history-'));
  upstream = createServer((req, res) => {
    // The event read the send history may make first (for the record's event name) is answered at once.
    if (!req.url?.endsWith('/invite/send')) return res.writeHead(404).end();
    sendsReceived += 1;
    arrivals.splice(0).forEach((arrived) => arrived()); // and no answer, ever
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A remote upstream (the held one) and a sign-in provider that is never contacted: the session is put in the database. */
function serverEnv(options: ConsoleDbOptions): Record<string, string> {
  return {
    SPOTNANA_BASE_URL: upstreamUrl,
    SPOTNANA_ACCESS_TOKEN: 'kill-test-token-5d1e',
    OIDC_ISSUER: 'http://127.0.0.1:9/oidc',
    OIDC_CLIENT_ID: 'console',
    OIDC_CLIENT_SECRET: 'kill-test-oidc-secret',
    ...roleMappingEnv(),
    UPSTREAM_TIMEOUT_MS: '60000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { CONSOLE_DB: options.file! }),
  };
}

function send(server: ServerProcess, sessionId: string): Promise<Response> {
  return fetch(`${server.url}/api/v2/events/${EVENT}/invite/send`, {
    method: 'POST',
    headers: {
      cookie: `${sessionCookieSettings(server.url).name}=${sessionId}`,
      origin: server.url,
      'content-type': 'application/json',
      'idempotency-key': KEY,
    },
    body: JSON.stringify({ type: 'GENERIC', userIds: [{ id: 'u-1' }] }),
  });
}

describe.each(testDialects)('a send interrupted by SIGKILL, on $name', (dialect) => {
  it('leaves its record pending (outcome unknown) after a restart', { timeout: 60_000 }, async () => {
    const database = await dialect.create();
    const running: ServerProcess[] = [];
    try {
      const setup = await openConsoleDatabase(database.options);
      const sessions = createSessionStore(setup, { idleTimeoutMs: 3_600_000, absoluteLifetimeMs: 3_600_000 });
      const sessionId = await sessions.create({
        subject: 'sub-marcus',
        name: 'Marcus Webb',
        email: 'marcus.webb@acme.example',
        role: 'sender',
      });
      await setup.close(); // the servers own the database while they run

      const env = serverEnv(database.options);
      const first = await startServerProcess(join(dir, `${dialect.name}.db`), env);
      running.push(first);
      const received = sendsReceived;
      const arrived = new Promise<void>((resolve) => arrivals.push(resolve));
      const inFlight = send(first, sessionId).catch(() => undefined); // dies with the server
      await arrived;
      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(await inFlight).toBeUndefined();

      const second = await startServerProcess(join(dir, `${dialect.name}.db`), env);
      running.push(second);
      const retry = await send(second, sessionId);
      expect(retry.status).toBe(409);
      expect((await retry.json()).errorMessages[0].errorCode).toBe('SEND_OUTCOME_PENDING');
      expect(sendsReceived).toBe(received + 1);
      expect(await stopServerProcess(second)).toEqual({ code: 0, signal: null });

      const after = await openConsoleDatabase(database.options);
      const rows = await after.db.selectFrom('send_records').selectAll().execute();
      await after.close();
      expect(rows).toEqual([
        expect.objectContaining({
          idempotency_key: KEY,
          status: 'pending',
          completed_at: null,
          person_name: 'Marcus Webb',
          event_id: EVENT,
        }),
      ]);
    } finally {
      for (const server of running) server.child.kill('SIGKILL');
      await Promise.all(running.map((server) => server.exited));
      await database.dispose();
    }
  });
});
