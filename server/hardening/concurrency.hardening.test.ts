// @vitest-environment node
/**
 * 200 concurrent sends to distinct travelers: the real server on a loopback port, the embedded sandbox on
 * a SQLite file, and 200 `invite/send` requests in flight at once over HTTP, each for one traveler of the
 * 10,000-traveler event. Afterwards every traveler of every event is compared with its state before the run, and
 * every e-mail written is accounted for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRsvpState, EventTravelersResponse } from '#contract';
import { loadConfig } from '../config.ts';
import { signInOverHttp } from '../auth/testing/sign-in-over-http.ts';
import { launchServer, type RunningServer } from '../launch.ts';
import type { RequestLogEntry } from '../http/request-log.ts';
import { SEED_EVENT_IDS, SEED_TRAVELER_STATES } from '../../sandbox/seed/seed-ids.ts';
import { openSnapshotReader, type SnapshotReader } from './sandbox-snapshot.ts';

const EVENT = SEED_EVENT_IDS.largeSummit;
/** How many travelers of each state get one send each: 200 in all, including some who already answered. */
const PICKED: Partial<Record<EventRsvpState, { offset: number; count: number }>> = {
  ADDED: { offset: 3_000, count: 90 },
  INVITED: { offset: 100, count: 60 },
  INVITE_ACCEPTED: { offset: 0, count: 30 },
  INVITE_DECLINED: { offset: 50, count: 20 },
};
const SENDS = Object.values(PICKED).reduce((sum, pick) => sum + pick.count, 0);

let dir: string;
let server: RunningServer;
let reader: SnapshotReader;
/** A signed-in sender's headers on the console's page. */
let signedIn: Record<string, string>;
const logs: RequestLogEntry[] = [];
/** One connection per send: no pooling, no limit. */
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-concurrency-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SANDBOX_DB: join(dir, 'sandbox.db'),
    CONSOLE_DB: join(dir, 'console.db'),
    // 200 sends from one sender at once: far past the default limit per person, which is not under test here.
    SEND_LIMIT_PER_10_MIN: '1000',
  });
  server = await launchServer({ ...config, staticRoot: null }, { log: (entry) => logs.push(entry) });
  signedIn = (await signInOverHttp(server.url, 'sender')).headers;
  reader = openSnapshotReader(join(dir, 'sandbox.db'));
});
afterAll(async () => {
  agent.destroy();
  reader?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: signedIn,
    body: JSON.stringify(body),
  });

async function travelersInState(state: EventRsvpState, offset: number, limit: number) {
  const response = await post(`/v2/events/${EVENT}/travelers-list`, {
    offset,
    limit,
    filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: [state] }],
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as EventTravelersResponse;
  return {
    ids: (body.travelerEventInfos ?? []).map((info) => info.userId!.id),
    total: body.paginationParams?.totalNumResults,
  };
}

/**
 * One send over its own connection, written in two halves: the headers and half of the body go out at once, the
 * rest only on `finish()`. Until then the server has the request in hand (headers parsed, handler waiting for the
 * body) and cannot complete it, so every send can be made to be inside the server at the same moment.
 */
function startSend(url: string, id: string) {
  const body = Buffer.from(JSON.stringify({ userIds: [{ id }] }));
  const half = Math.floor(body.length / 2);
  const req = httpRequest(url, {
    method: 'POST',
    agent,
    headers: { ...signedIn, 'content-length': body.length },
  });
  const response = new Promise<{ id: string; status: number; body: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ id, status: res.statusCode ?? 0, body: text }));
    });
  });
  const halfWritten = new Promise<void>((resolve, reject) =>
    req.write(body.subarray(0, half), (error) => (error ? reject(error) : resolve())),
  );
  return { halfWritten, finish: () => req.end(body.subarray(half)), response };
}

/** GET over a new connection (a pooled keep-alive one would be read before the connections queued ahead of it). */
function probeOnFreshConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) =>
    httpRequest(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end(),
  );
}

/** The most requests the server had in flight at one moment, from the start and end of each logged request. */
function peakInFlight(entries: RequestLogEntry[]): number {
  const edges = entries.flatMap((e) => {
    const end = Date.parse(e.time);
    return [
      { at: end - e.durationMs, delta: 1 },
      { at: end, delta: -1 },
    ];
  });
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const edge of edges) peak = Math.max(peak, (current += edge.delta));
  return peak;
}

describe('200 concurrent sends to distinct travelers', () => {
  it(
    'leave every traveler’s state, invitedAt and outbox consistent with what was sent',
    { timeout: 30_000 },
    async () => {
      // Who gets a send, found the way the console finds them: through travelers-list.
      const picked = new Map<string, EventRsvpState>();
      for (const [state, { offset, count }] of Object.entries(PICKED) as [
        EventRsvpState,
        { offset: number; count: number },
      ][]) {
        const { ids } = await travelersInState(state, offset, count);
        expect(ids).toHaveLength(count);
        for (const id of ids) picked.set(id, state);
      }
      expect(picked.size).toBe(SENDS);

      const before = reader.travelers();
      const lastOutboxId = reader.lastOutboxId();
      logs.length = 0;

      const started = Date.now();
      const sendUrl = `${server.url}/api/v2/events/${EVENT}/invite/send`;
      const inFlight = [...picked.keys()].map((id) => startSend(sendUrl, id));
      await Promise.all(inFlight.map((send) => send.halfWritten));
      // A request on a fresh connection, answered only after the server has read what arrived before it: by then all
      // 200 half-sent requests are in its hands.
      expect(await probeOnFreshConnection(`${server.url}/healthz`)).toBe(200);
      for (const send of inFlight) send.finish();
      const responses = await Promise.all(inFlight.map((send) => send.response));
      const finished = Date.now();

      expect(responses.filter((r) => r.status !== 200)).toEqual([]);
      expect(responses.every((r) => r.body === '')).toBe(true);
      const sends = logs.filter((e) => e.path.endsWith('/invite/send'));
      expect(sends).toHaveLength(SENDS);
      // The requests really overlapped on the server, rather than arriving one after another.
      expect(peakInFlight(sends)).toBeGreaterThan(SENDS / 2);

      // invitedAt is to the second: the window starts at the second the run started in.
      const windowStart = Math.floor(started / 1000) * 1000;
      const inWindow = (iso: string | null) =>
        iso !== null && Date.parse(iso) >= windowStart && Date.parse(iso) <= finished;

      const after = reader.travelers();
      expect(after.size).toBe(before.size);
      const changedOutsideTheSet: string[] = [];
      const wrong: string[] = [];
      for (const [key, old] of before) {
        const now = after.get(key)!;
        const [eventId, userId] = key.split('/') as [string, string];
        const seedState = eventId === EVENT ? picked.get(userId) : undefined;
        if (seedState === undefined) {
          if (now.state !== old.state || now.invitedAt !== old.invitedAt) changedOutsideTheSet.push(key);
          continue;
        }
        expect(old.state).toBe(seedState);
        if (seedState === 'ADDED' || seedState === 'INVITED') {
          if (now.state !== 'INVITED' || !inWindow(now.invitedAt) || now.invitedAt === old.invitedAt)
            wrong.push(`${userId}: ${seedState} → ${now.state} at ${now.invitedAt}`);
        } else if (now.state !== old.state || now.invitedAt !== old.invitedAt) {
          // Travelers who answered keep their answer and its invitedAt.
          wrong.push(`${userId}: ${seedState} → ${now.state} at ${now.invitedAt}`);
        }
      }
      expect(changedOutsideTheSet).toEqual([]);
      expect(wrong).toEqual([]);

      // Exactly one e-mail per traveler who was sent an invite, stamped with that traveler's invitedAt; none for the
      // travelers who had answered, and nothing else.
      const invitable = [...picked].filter(([, state]) => state === 'ADDED' || state === 'INVITED');
      const mail = reader.outbox(lastOutboxId);
      expect(mail).toHaveLength(invitable.length);
      const byUser = new Map(mail.map((row) => [row.userId, row]));
      expect(byUser.size).toBe(invitable.length);
      for (const [id] of invitable) {
        const row = byUser.get(id);
        expect(row, id).toMatchObject({
          eventId: EVENT,
          kind: 'INVITE',
          email: expect.stringContaining('@'),
        });
        expect(row!.createdAt).toBe(after.get(`${EVENT}/${id}`)!.invitedAt);
      }

      // The totals the event page shows (kept by triggers) agree with the rows, and with what was sent.
      expect(reader.keptCounts(EVENT)).toEqual(reader.countedStates(EVENT));
      const seed = SEED_TRAVELER_STATES.largeSummit;
      expect((await travelersInState('INVITED', 0, 0)).total).toBe(seed.INVITED + PICKED.ADDED!.count);
      expect((await travelersInState('ADDED', 0, 0)).total).toBe(seed.ADDED - PICKED.ADDED!.count);
      expect((await travelersInState('INVITE_ACCEPTED', 0, 0)).total).toBe(seed.INVITE_ACCEPTED);
    },
  );
});
