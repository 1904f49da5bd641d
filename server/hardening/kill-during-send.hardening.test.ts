// @vitest-environment node
/**
 * Durability: the production server as a child process on a sandbox file.
 *
 * - Killed with SIGKILL while it sends invites to all of the 10,000-traveler event (after the request was written,
 *   at moments chosen to land inside the send's transaction), then started again on the same file: each send is
 *   there whole (every invitable traveler INVITED with one new invitedAt, one outbox row each) or not at all.
 * - Stopped cleanly and started again: what was sent is still there, and the seed is not applied over it.
 *
 * Whether a kill landed inside the transaction is read from the write-ahead log before the restart: frames written
 * after its last commit are a transaction that had begun writing and never committed. (A send keeps its pages in
 * memory until COMMIT, so only a kill while the commit is being written leaves such frames; an earlier kill inside
 * the transaction leaves no trace at all, which is the point.) The kill moments are bisected towards that window.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRsvpState, EventTravelersResponse } from '#contract';
import { SANDBOX_CREDENTIALS } from '../../sandbox/credentials.ts';
import { openSandboxDatabase } from '../../sandbox/store/database.ts';
import { SEED_EVENT_IDS } from '../../sandbox/seed/seed-ids.ts';
import { openSnapshotReader, type TravelerState } from './sandbox-snapshot.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from './testing/server-process.ts';

const EVENT = SEED_EVENT_IDS.largeSummit;
const KILLS = 5;

let dir: string;
/** A seeded file, copied for each test so that no test pays for the seed or sees another's sends. */
let template: string;
const running = new Set<ServerProcess>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-kill-'));
  template = join(dir, 'template.db');
  openSandboxDatabase(template).close();
});
afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  await Promise.all([...running].map((server) => server.exited));
  rmSync(dir, { recursive: true, force: true });
});

function freshCopy(name: string): string {
  const path = join(dir, name);
  copyFileSync(template, path);
  return path;
}

async function start(path: string): Promise<ServerProcess> {
  const server = await startServerProcess(path);
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

async function post(server: ServerProcess, path: string, body: unknown) {
  return fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: await server.apiHeaders(),
    body: JSON.stringify(body),
  });
}

async function totalInState(server: ServerProcess, eventId: string, state: EventRsvpState) {
  const response = await post(server, `/v2/events/${eventId}/travelers-list`, {
    offset: 0,
    limit: 0,
    filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: [state] }],
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as EventTravelersResponse).paginationParams?.totalNumResults;
}

/**
 * Frames in the write-ahead log after its last commit frame (only frames of the log's current generation, i.e.
 * with the header's salts, count): pages of a transaction that was writing when the process died.
 */
function uncommittedWalFrames(dbPath: string): number {
  const walPath = `${dbPath}-wal`;
  if (!existsSync(walPath)) return 0;
  const wal = readFileSync(walPath);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let frames = 0;
  let lastCommit = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    frames += 1;
    if (wal.readUInt32BE(at + 4) !== 0) lastCommit = frames;
  }
  return frames - lastCommit;
}

type Outcome = 'applied' | 'absent';

/**
 * What a send left behind, judged against the state before it: either every invitable traveler of the event is
 * INVITED with one new invitedAt and has exactly one new outbox row stamped the same, and nothing else changed;
 * or nothing changed at all.
 */
function judgeSend(path: string, before: Map<string, TravelerState>, lastOutboxId: number): Outcome {
  const reader = openSnapshotReader(path);
  try {
    const after = reader.travelers();
    const mail = reader.outbox(lastOutboxId);
    expect(reader.keptCounts(EVENT)).toEqual(reader.countedStates(EVENT));
    expect(after.size).toBe(before.size);
    const invitable = [...before]
      .filter(([key, t]) => key.startsWith(`${EVENT}/`) && (t.state === 'ADDED' || t.state === 'INVITED'))
      .map(([key]) => key);

    if (mail.length === 0) {
      const changed = [...before].filter(([key, t]) => {
        const now = after.get(key);
        return now?.state !== t.state || now.invitedAt !== t.invitedAt;
      });
      expect(changed.map(([key]) => key)).toEqual([]);
      return 'absent';
    }

    expect(mail).toHaveLength(invitable.length);
    const stamps = new Set(mail.map((row) => row.createdAt));
    expect(stamps.size).toBe(1);
    const [stamp] = stamps;
    expect(new Set(mail.map((row) => `${row.eventId}/${row.userId}`))).toEqual(new Set(invitable));
    expect(mail.every((row) => row.kind === 'INVITE')).toBe(true);
    const invitableSet = new Set(invitable);
    const wrong = [...before].filter(([key, t]) => {
      const now = after.get(key)!;
      return invitableSet.has(key)
        ? now.state !== 'INVITED' || now.invitedAt !== stamp
        : now.state !== t.state || now.invitedAt !== t.invitedAt;
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
    return 'applied';
  } finally {
    reader.close();
  }
}

/**
 * Sends invite-all and SIGKILLs the server `delayMs` after the request has been handed to the socket. Resolves,
 * once the process is gone, with the status of the answer if one came before the kill.
 */
async function sendAndKill(server: ServerProcess, delayMs: number): Promise<number | undefined> {
  const headers = await server.apiHeaders();
  return new Promise((resolve) => {
    let status: number | undefined;
    const kill = () => {
      server.child.kill('SIGKILL');
      void server.exited.then(() => resolve(status));
    };
    const req = httpRequest(`${server.url}/api/v2/events/${EVENT}/invite/send`, {
      method: 'POST',
      headers: { ...headers, connection: 'close' },
    });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
    });
    req.on('error', () => {}); // the connection dies with the server
    req.end('{}', () => setTimeout(kill, delayMs));
  });
}

describe('a send interrupted by SIGKILL', () => {
  it('is there whole or not at all after a restart', { timeout: 60_000 }, async () => {
    const path = freshCopy('kill.db');
    let server = await start(path);

    // A send that is not interrupted: its duration is what the kills below aim into.
    let reader = openSnapshotReader(path);
    let before = reader.travelers();
    let lastOutboxId = reader.lastOutboxId();
    reader.close();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const sentAt = performance.now();
    expect((await post(server, `/v2/events/${EVENT}/invite/send`, {})).status).toBe(200);
    const sendMs = performance.now() - sentAt;
    expect(judgeSend(path, before, lastOutboxId)).toBe('applied');

    // Each kill's delay is bisected between "too early to leave a trace" and "after the commit", so most kills
    // land while the transaction is writing.
    let [early, late] = [0, sendMs];
    const runs: { delayMs: number; answered?: number; uncommittedFrames: number; outcome: Outcome }[] = [];
    for (let run = 0; run < KILLS; run += 1) {
      reader = openSnapshotReader(path);
      before = reader.travelers();
      lastOutboxId = reader.lastOutboxId();
      reader.close();
      // Warm: token fetched and statements prepared, so the send is all that is left to do.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      const delayMs = run === 0 ? 0 : (early + late) / 2;
      const answered = await sendAndKill(server, delayMs);
      const uncommittedFrames = uncommittedWalFrames(path);

      server = await start(path); // a restart on the same file: SQLite recovers the log on open
      const outcome = judgeSend(path, before, lastOutboxId);
      // An answered send was committed before the answer went out.
      if (answered === 200) expect(outcome).toBe('applied');
      if (outcome === 'applied') late = delayMs;
      else if (uncommittedFrames === 0) early = delayMs;
      runs.push({ delayMs: Math.round(delayMs), answered, uncommittedFrames, outcome });

      // What the console shows after the restart agrees with the file.
      const invited = await totalInState(server, EVENT, 'INVITED');
      const reread = openSnapshotReader(path);
      expect(invited).toBe(reread.countedStates(EVENT).INVITED);
      reread.close();
    }
    await stopServerProcess(server);

    const described = runs.map(
      (r) =>
        `${r.delayMs} ms → ${r.outcome}` +
        (r.uncommittedFrames > 0
          ? ` (killed writing its commit: ${r.uncommittedFrames} frames rolled back)`
          : ''),
    );
    console.info(
      `kill-during-send: uninterrupted send ${Math.round(sendMs)} ms; kills: ${described.join('; ')}`,
    );
  });
});

describe('a clean stop and a restart on the same file', () => {
  it('keep every sent invite, and do not seed again', { timeout: 30_000 }, async () => {
    const path = freshCopy('restart.db');
    const eventId = SEED_EVENT_IDS.kickoff;
    let server = await start(path);

    const listed = await post(server, `/v2/events/${eventId}/travelers-list`, {
      offset: 0,
      limit: 100,
      filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['ADDED'] }],
    });
    const added = ((await listed.json()) as EventTravelersResponse).travelerEventInfos ?? [];
    expect(added.length).toBeGreaterThan(2);
    const chosen = added.slice(0, 3).map((info) => info.userId!.id);
    const sent = await post(server, `/v2/events/${eventId}/invite/send`, {
      userIds: chosen.map((id) => ({ id })),
    });
    expect(sent.status).toBe(200);

    const reader = openSnapshotReader(path);
    const beforeStop = reader.travelers();
    const outboxBeforeStop = reader.outbox();
    reader.close();
    for (const id of chosen) expect(beforeStop.get(`${eventId}/${id}`)?.state).toBe('INVITED');

    expect(await stopServerProcess(server)).toEqual({ code: 0, signal: null });
    // What the process printed is its structured log: JSON lines, one per request, and no credential.
    const printed = server.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const lifecycle = printed.filter((entry) => entry.msg !== 'request' && entry.msg !== 'audit');
    expect(lifecycle.map((entry) => entry.msg)).toEqual(['listening', 'stopping', 'stopped']);
    // The sender's sign-in logged its own lines; the test's two calls are the /api ones.
    expect(printed.filter((e) => String(e.path).startsWith('/api/')).map((e) => e.path)).toEqual([
      `/api/v2/events/${eventId}/travelers-list`,
      `/api/v2/events/${eventId}/invite/send`,
    ]);
    for (const entry of printed.filter((e) => e.msg === 'request'))
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['method', 'path', 'status', 'durationMs', 'requestId']),
      );
    expect(server.lines.join('\n')).not.toContain(SANDBOX_CREDENTIALS.clientSecret);
    const { cookie = '' } = await server.apiHeaders();
    expect(cookie).toMatch(/=[\w-]{43}$/);
    expect(server.lines.join('\n')).not.toContain(cookie.split('=')[1]);

    server = await start(path);
    const afterRestart = openSnapshotReader(path);
    expect(afterRestart.travelers()).toEqual(beforeStop);
    expect(afterRestart.outbox()).toEqual(outboxBeforeStop);
    afterRestart.close();

    // And through the API, as the console sees it after the restart.
    const invited = await post(server, `/v2/events/${eventId}/travelers-list`, {
      offset: 0,
      limit: 100,
      filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['INVITED'] }],
    });
    const infos = ((await invited.json()) as EventTravelersResponse).travelerEventInfos ?? [];
    for (const id of chosen) {
      const info = infos.find((i) => i.userId?.id === id);
      expect(info?.eventUserRsvp?.invitedAt?.iso8601).toBe(beforeStop.get(`${eventId}/${id}`)?.invitedAt);
    }
    expect(await stopServerProcess(server)).toEqual({ code: 0, signal: null });
  });
});
