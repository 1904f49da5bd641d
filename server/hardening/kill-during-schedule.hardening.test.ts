// @vitest-environment node
/**
 * Send later across a SIGKILL: the production server as a child process, in front of an upstream that counts the
 * invite/sends by traveler and holds one of them forever. Three sends are scheduled over HTTP:
 *
 * - `held`, due at once: it starts, reaches the upstream, and the server is SIGKILLed while it waits;
 * - `late`, due later: its due time is moved back 30 minutes in the database while no server runs (an outage);
 * - `missed`: moved back more than SCHEDULE_MAX_LATE_HOURS.
 *
 * After a restart on the same console database: `late` goes out once, marked 30 or more minutes late; `held` stays
 * "outcome unknown" and never reaches the upstream again; `missed` is not sent, and its record says why.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendSummary } from '#contract/send-history';
import { roleMappingEnv } from '../auth/roles.ts';
import { sessionCookieSettings } from '../auth/session-cookie.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { openConsoleDatabase, type ConsoleDbOptions } from '../console-db/open-console-database.ts';
import { testDialects } from '../console-db/testing/test-databases.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from './testing/server-process.ts';

const EVENT = 'ev-schedule-kill';
const MINUTE = 60_000;
const OUTAGE_MINUTES = 30;

let dir: string;
let upstream: Server;
let upstreamUrl: string;
/** invite/sends that reached the upstream, by the traveler they named. */
const received = new Map<string, number>();
let heldArrived: () => void = () => {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-kill-schedule-'));
  upstream = createServer((req, res) => {
    if (!req.url?.endsWith('/invite/send')) return res.writeHead(404).end();
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const { userIds } = JSON.parse(body) as { userIds: { id: string }[] };
      const id = userIds[0]!.id;
      received.set(id, (received.get(id) ?? 0) + 1);
      if (id.startsWith('held')) return heldArrived(); // and no answer, ever
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function serverEnv(options: ConsoleDbOptions): Record<string, string> {
  return {
    SPOTNANA_BASE_URL: upstreamUrl,
    SPOTNANA_ACCESS_TOKEN: 'schedule-kill-token-8a2c',
    OIDC_ISSUER: 'http://127.0.0.1:9/oidc',
    OIDC_CLIENT_ID: 'console',
    OIDC_CLIENT_SECRET: 'schedule-kill-oidc-secret',
    ...roleMappingEnv(),
    SCHEDULE_POLL_SECONDS: '1',
    // The runner's "scheduled sends: round" lines (debug): rounds that ran nothing prove nothing more ran.
    LOG_LEVEL: 'debug',
    SCHEDULE_MAX_LATE_HOURS: '24',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { CONSOLE_DB: options.file! }),
  };
}

async function schedule(server: ServerProcess, sessionId: string, userId: string, sendAt: number) {
  const response = await fetch(`${server.url}/api/schedules/events/${EVENT}`, {
    method: 'POST',
    headers: {
      cookie: `${sessionCookieSettings(server.url).name}=${sessionId}`,
      origin: server.url,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      action: 'send',
      sendAt: new Date(sendAt).toISOString(),
      type: 'GENERIC',
      userIds: [{ id: userId }],
    }),
  });
  expect(response.status).toBe(201);
  return SendSummary.parse(await response.json()).id;
}

/** The server's "scheduled sends: round" lines so far, each with how many sends it ran. */
const roundsOf = (server: ServerProcess) =>
  server.lines
    .filter((line) => line.includes('"scheduled sends: round"'))
    .map((line) => JSON.parse(line) as { ran: number });

/** Resolves once the rounds the server has logged satisfy `done`. */
async function roundsLogged(
  server: ServerProcess,
  done: (rounds: { ran: number }[]) => boolean,
  timeoutMs = 20_000,
) {
  const started = Date.now();
  for (;;) {
    const rounds = roundsOf(server);
    if (done(rounds)) return rounds;
    if (Date.now() - started > timeoutMs) throw new Error(`only ${rounds.length} rounds logged`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once the server has logged `count` runs of scheduled sends. */
async function runsLogged(server: ServerProcess, count: number, timeoutMs = 20_000): Promise<unknown[]> {
  const started = Date.now();
  for (;;) {
    const runs = server.lines
      .filter((line) => line.includes('"scheduled send: ran"'))
      .map((line) => JSON.parse(line));
    if (runs.length >= count) return runs;
    if (Date.now() - started > timeoutMs) throw new Error(`only ${runs.length} scheduled runs logged`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(testDialects)('scheduled sends across a SIGKILL, on $name', (dialect) => {
  it(
    'sends a missed one once, late, after a restart; never again one that was under way; not one missed by more than SCHEDULE_MAX_LATE_HOURS',
    { timeout: 90_000 },
    async () => {
      const database = await dialect.create();
      const running: ServerProcess[] = [];
      const tag = dialect.name;
      try {
        const setup = await openConsoleDatabase(database.options);
        const sessions = createSessionStore(setup, {
          idleTimeoutMs: 3_600_000,
          absoluteLifetimeMs: 3_600_000,
        });
        // A sign-in: the session, and the person's standing (sender) that a scheduled send of theirs runs on.
        const sessionId = await sessions.create({
          subject: 'sub-marcus',
          name: 'Marcus Webb',
          email: 'marcus.webb@acme.example',
          role: 'sender',
        });
        await setup.close(); // the servers own the database while they run

        const env = serverEnv(database.options);
        const sandboxDb = join(dir, `${tag}.db`);
        const first = await startServerProcess(sandboxDb, env);
        running.push(first);
        const arrived = new Promise<void>((resolve) => (heldArrived = resolve));
        const late = await schedule(first, sessionId, `late-${tag}`, Date.now() + 10 * MINUTE);
        const missed = await schedule(first, sessionId, `missed-${tag}`, Date.now() + 10 * MINUTE);
        const held = await schedule(first, sessionId, `held-${tag}`, Date.now() + 1_000);
        await arrived; // the held send is out, its answer never comes
        first.child.kill('SIGKILL');
        expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

        // The outage: while no instance runs, `late` falls due 30 minutes ago, `missed` 25 hours ago.
        const outage = await openConsoleDatabase(database.options);
        const dueAt = Date.now() - OUTAGE_MINUTES * MINUTE;
        await outage.db.updateTable('send_records').set({ due_at: dueAt }).where('id', '=', late).execute();
        await outage.db
          .updateTable('send_records')
          .set({ due_at: Date.now() - 25 * 60 * MINUTE })
          .where('id', '=', missed)
          .execute();
        await outage.close();

        const second = await startServerProcess(sandboxDb, env);
        running.push(second);
        const runs = await runsLogged(second, 2);
        // Two runs, and none in the next three rounds (the held one is never claimed again): waited for, not slept.
        const ranBoth = await roundsLogged(
          second,
          (rounds) => rounds.reduce((n, round) => n + round.ran, 0) >= 2,
        );
        const seen = ranBoth.length;
        const later = (await roundsLogged(second, (rounds) => rounds.length >= seen + 3)).slice(seen);
        expect(later.map((round) => round.ran)).toEqual([0, 0, 0]);
        expect(second.lines.filter((line) => line.includes('"scheduled send: ran"'))).toHaveLength(2);
        expect(runs).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ record: late, status: 'accepted', lateMinutes: expect.any(Number) }),
            expect.objectContaining({ record: missed, status: 'skipped', errorCode: 'SCHEDULE_MISSED' }),
          ]),
        );
        // No name or email in the log lines.
        for (const line of second.lines) expect(line).not.toMatch(/Marcus|marcus\.webb/);
        expect(await stopServerProcess(second)).toEqual({ code: 0, signal: null });

        expect(received.get(`late-${tag}`)).toBe(1);
        expect(received.get(`held-${tag}`)).toBe(1);
        expect(received.get(`missed-${tag}`)).toBeUndefined();
        const after = await openConsoleDatabase(database.options);
        const row = (id: string) =>
          after.db.selectFrom('send_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const [lateRow, heldRow, missedRow] = await Promise.all([row(late), row(held), row(missed)]);
        await after.close();
        expect(lateRow).toMatchObject({ status: 'accepted', http_status: 200 });
        expect(lateRow.late_minutes).toBeGreaterThanOrEqual(OUTAGE_MINUTES);
        expect(heldRow).toMatchObject({ status: 'pending', completed_at: null });
        expect(missedRow).toMatchObject({ status: 'skipped', error_count: 1 });
        expect(missedRow.first_error_message).toMatch(/^Not sent: it was due at .*SCHEDULE_MAX_LATE_HOURS/);
      } finally {
        for (const server of running) server.child.kill('SIGKILL');
        await Promise.all(running.map((server) => server.exited));
        await database.dispose();
      }
    },
  );
});
