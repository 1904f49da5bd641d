// @vitest-environment node
/**
 * The graceful stop, on the production server as a child process in front of an upstream that holds each send
 * until the test lets it answer. A SIGTERM while a send is out: the instance stops being ready, refuses new sends
 * with 503 SERVER_SHUTTING_DOWN (nothing recorded), lets the one under way finish and its record complete, then
 * exits 0. A second, different signal from the operator ends it at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roleMappingEnv } from '../auth/roles.ts';
import { sessionCookieSettings } from '../auth/session-cookie.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { openConsoleDatabase } from '../console-db/open-console-database.ts';
import { startServerProcess, type ServerProcess } from '../hardening/testing/server-process.ts';

const EVENT = 'ev-drain';

let dir: string;
let upstream: Server;
let upstreamUrl: string;
/** Sends that reached the upstream and wait for their answer. */
const held: Array<() => void> = [];
const arrivals: Array<() => void> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-drain-'));
  upstream = createServer((req, res) => {
    if (!req.url?.endsWith('/invite/send')) return res.writeHead(404).end();
    held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    arrivals.splice(0).forEach((arrived) => arrived());
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A console on its own database with a sender's session in it, in front of the holding upstream. */
async function startConsole(name: string) {
  const consoleDb = join(dir, `${name}.console.db`);
  const setup = await openConsoleDatabase({ file: consoleDb });
  const sessions = createSessionStore(setup, { idleTimeoutMs: 3_600_000, absoluteLifetimeMs: 3_600_000 });
  const sessionId = await sessions.create({
    subject: 'sub-marcus',
    name: 'Marcus Webb',
    email: 'marcus.webb@acme.example',
    role: 'sender',
  });
  await setup.close(); // the server owns the database while it runs
  const server = await startServerProcess(join(dir, `${name}.db`), {
    SPOTNANA_BASE_URL: upstreamUrl,
    SPOTNANA_ACCESS_TOKEN: 'drain-test-token-7c2a',
    OIDC_ISSUER: 'http://127.0.0.1:9/oidc',
    OIDC_CLIENT_ID: 'console',
    OIDC_CLIENT_SECRET: 'drain-test-oidc-secret',
    ...roleMappingEnv(),
    CONSOLE_DB: consoleDb,
    UPSTREAM_TIMEOUT_MS: '30000',
  });
  const send = (traveler: string) =>
    fetch(`${server.url}/api/v2/events/${EVENT}/invite/send`, {
      method: 'POST',
      headers: {
        cookie: `${sessionCookieSettings(server.url).name}=${sessionId}`,
        origin: server.url,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'GENERIC', userIds: [{ id: traveler }] }),
    });
  return { server, consoleDb, send };
}

/** Starts a send and resolves once the upstream holds it: the request has left the console. */
async function sendHeldUpstream(send: (traveler: string) => Promise<Response>, traveler: string) {
  const arrived = new Promise<void>((resolve) => arrivals.push(resolve));
  // Wrapped: an async function returning the promise itself would wait for the answer.
  const sent = { response: send(traveler) };
  await arrived;
  return sent;
}

async function records(consoleDb: string) {
  const db = await openConsoleDatabase({ file: consoleDb });
  try {
    return await db.db.selectFrom('send_records').select(['traveler_ids', 'status']).execute();
  } finally {
    await db.close();
  }
}

const readyz = (server: ServerProcess) => fetch(`${server.url}/readyz`).then((r) => r.status);

describe('a SIGTERM while a send is out', () => {
  it(
    'stops taking traffic and new sends, finishes the send and its record, and exits 0',
    { timeout: 60_000 },
    async () => {
      const { server, consoleDb, send } = await startConsole('term');
      try {
        expect(await readyz(server)).toBe(200);
        const first = await sendHeldUpstream(send, 'u-first');
        server.child.kill('SIGTERM');
        // The same signal again at once, as npm relays it to a process group it is part of: still one stop.
        server.child.kill('SIGTERM');
        await vi.waitFor(async () => expect(await readyz(server)).toBe(503));
        expect((await fetch(`${server.url}/livez`)).status).toBe(200);

        const refused = await send('u-second');
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('5');
        expect((await refused.json()).errorMessages[0]).toMatchObject({ errorCode: 'SERVER_SHUTTING_DOWN' });

        held.splice(0).forEach((answer) => answer());
        expect((await first.response).status).toBe(200);
        expect(await server.exited).toEqual({ code: 0, signal: null });
        expect(server.lines.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
        expect(await records(consoleDb)).toEqual([{ traveler_ids: '["u-first"]', status: 'accepted' }]);
      } finally {
        server.child.kill('SIGKILL');
        held.splice(0).forEach((answer) => answer());
      }
    },
  );

  it('ends at once on a second, different signal from the operator', { timeout: 60_000 }, async () => {
    const { server, send } = await startConsole('twice');
    try {
      const first = await sendHeldUpstream(send, 'u-first');
      const cutOff = first.response.catch(() => 'connection closed');
      server.child.kill('SIGTERM');
      await vi.waitFor(async () => expect(await readyz(server)).toBe(503));
      server.child.kill('SIGINT');
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(await cutOff).toBe('connection closed');
    } finally {
      server.child.kill('SIGKILL');
      held.splice(0).forEach((answer) => answer());
    }
  });
});
