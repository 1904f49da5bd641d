/**
 * What recording a send adds to it: the same invite/send requests through `/api` of the server under test (send
 * history on, on its console database of 100,000 records) and of a second server started the same way but with
 * `server/history/record-sends.ts` replaced by a pass-through (without-history.ts), in alternating chunks so
 * that both see the same machine. Each request is a distinct list of travelers of the 10,000-traveler event
 * (so no two sends in flight are identical and the in-flight guard never answers 409) with a fresh
 * Idempotency-Key, as the console's page sends it, from a signed-in sender.
 *
 * Several senders, each pausing a random while between its sends (and before its first): sends often overlap,
 * so each may wait for another's record (the server has one thread, and SQLite's writes block it), but the server
 * is not kept saturated. With senders that never paused, every send would queue behind all the others and the
 * difference would be the record's cost times the number of senders: a load no console sees.
 *
 * The added time at a percentile is the difference of the two servers' latencies at that percentile (client
 * side, loopback). The server's own request log gives the same difference without the client, as a cross-check.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mulberry32 } from '../sandbox/seed/prng.ts';
import { processCpuMs, readRequestLog, type BenchServer } from './server.ts';
import { percentile } from './stats.ts';

export const SEND_OVERHEAD = {
  /** Travelers per send: a realistic hand-picked list. */
  listSize: 50,
  /** Senders sending to one server at the same time: at most this many sends in flight. */
  concurrency: 4,
  /** Each sender's pause before each send, exponentially distributed with this mean (ms). */
  meanPauseMs: 60,
  /** Measured sends per server per run, in chunks alternating between the servers. */
  sendsPerRun: 300,
  chunk: 50,
  /** Distinct lists cycled through: 80 × 50 travelers. */
  lists: 80,
};

export interface SendTarget {
  server: BenchServer;
  /** `name=value` of a sender's session cookie on that server. */
  cookie: string;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  n: number;
}

export interface SendOverheadRun {
  on: LatencySummary;
  off: LatencySummary;
  /** The same from the servers' request logs (time inside the server). */
  onServer: LatencySummary;
  offServer: LatencySummary;
  /** Share of the measured wall time each server spent on the CPU (how loaded the pauses left it), when known. */
  onBusy?: number;
  offBusy?: number;
}

export interface SendOverheadResult {
  runs: SendOverheadRun[];
  /** Records the server under test wrote during the measurement (warm-up included): one per send. */
  recorded: number;
  /** Sends made to each server, warm-up included. */
  sent: number;
  /**
   * How long the disk under the console database takes to make a write durable (fdatasync of 4 KB), measured
   * after the sends: each record commits twice (begin, complete) with SQLite's synchronous=FULL.
   */
  durableWrite: LatencySummary;
}

const summary = (values: readonly number[]): LatencySummary => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  n: values.length,
});

function headers(target: SendTarget): Record<string, string> {
  return {
    cookie: target.cookie,
    origin: new URL(target.server.url).origin,
    'content-type': 'application/json',
  };
}

async function apiJson(target: SendTarget, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${target.server.url}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: headers(target),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The event's type (a send carries it, as the page's does) and the first travelers' ids, in list order. */
async function sendInputs(target: SendTarget, eventId: string, travelers: number) {
  const { event } = (await apiJson(target, `/v2/events/${eventId}`)) as { event: { type: string } };
  const ids: string[] = [];
  for (let offset = 0; offset < travelers; offset += 100) {
    const page = (await apiJson(target, `/v2/events/${eventId}/travelers-list`, { offset, limit: 100 })) as {
      travelerEventInfos: Array<{ userId: { id: string } }>;
    };
    ids.push(...page.travelerEventInfos.map((t) => t.userId.id));
  }
  if (ids.length < travelers) throw new Error(`the event has ${ids.length} travelers, not ${travelers}`);
  return { type: event.type, ids };
}

function countRecords(consoleDbPath: string): number {
  const db = new Database(consoleDbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM send_records').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** One server's side of the measurement: its own cursor through the lists, so sends in flight never repeat. */
function sender(target: SendTarget, eventId: string, type: string, ids: readonly string[], seed: number) {
  let next = 0;
  const random = mulberry32(seed);
  const pause = () => sleep(-Math.log(1 - random()) * SEND_OVERHEAD.meanPauseMs);
  const { listSize, lists } = SEND_OVERHEAD;
  const sendOne = async (): Promise<number> => {
    const list = next++ % lists;
    const body = JSON.stringify({
      type,
      userIds: ids.slice(list * listSize, (list + 1) * listSize).map((id) => ({ id })),
    });
    const started = performance.now();
    const response = await fetch(`${target.server.url}/api/v2/events/${eventId}/invite/send`, {
      method: 'POST',
      headers: { ...headers(target), 'idempotency-key': randomUUID() },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`invite/send answered ${response.status}: ${text.slice(0, 200)}`);
    return ms;
  };
  /** `count` sends by `concurrency` senders, each pausing before each of its sends; their latencies (ms). */
  return async (count: number) => {
    const latencies: number[] = [];
    let left = count;
    const cpuBefore = processCpuMs(target.server.pid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SEND_OVERHEAD.concurrency }, async () => {
        for (await pause(); left > 0; await pause()) {
          left--;
          latencies.push(await sendOne());
        }
      }),
    );
    const cpuAfter = processCpuMs(target.server.pid);
    const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    return { latencies, cpuMs, wallMs: performance.now() - started };
  };
}

/** fdatasync after a 4 KB append, `count` times, in a scratch file next to the console database. */
function durableWriteLatency(dir: string, count = 200): LatencySummary {
  const path = join(dir, 'durable-write-probe.bin');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      writeSync(fd, block);
      const started = performance.now();
      fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  return summary(times);
}

const isSend = (path: string) => /\/invite\/send$/.test(path);

export async function measureSendOverhead(options: {
  /** The server under test (history on). */
  on: SendTarget;
  /** The same server without the history (without-history.ts). */
  off: SendTarget;
  eventId: string;
  runs: number;
  repeat<T>(label: string, runs: number, measure: (run: number) => Promise<T>): Promise<T[]>;
}): Promise<SendOverheadResult> {
  const { on, off, eventId } = options;
  const { listSize, lists, sendsPerRun, chunk } = SEND_OVERHEAD;
  const inputs = await sendInputs(on, eventId, listSize * lists);
  const offInputs = await sendInputs(off, eventId, listSize * lists);
  // The same seed: both servers get the same sequence of pauses.
  const sendOn = sender(on, eventId, inputs.type, inputs.ids, 7);
  const sendOff = sender(off, eventId, offInputs.type, offInputs.ids, 7);
  const recordsBefore = countRecords(on.server.consoleDbPath);

  // Unmeasured: compiles both servers' code paths and brings every listed traveler to the same state on both
  // sandboxes (the server under test has invited them before; the fresh one has not).
  await sendOn(lists);
  await sendOff(lists);

  const runs = await options.repeat('send record overhead', options.runs, async (run) => {
    const logsFrom = { on: statSync(on.server.logPath).size, off: statSync(off.server.logPath).size };
    const latencies = { on: [] as number[], off: [] as number[] };
    const cpu = { on: 0 as number | undefined, off: 0 as number | undefined };
    const wall = { on: 0, off: 0 };
    for (let i = 0; i < sendsPerRun / chunk; i++) {
      // Alternating which goes first, so neither always follows the other.
      const order = (run + i) % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const side of order) {
        const chunkResult = await (side === 'on' ? sendOn : sendOff)(chunk);
        latencies[side].push(...chunkResult.latencies);
        const sideCpu = cpu[side];
        cpu[side] =
          sideCpu === undefined || chunkResult.cpuMs === undefined ? undefined : sideCpu + chunkResult.cpuMs;
        wall[side] += chunkResult.wallMs;
      }
    }
    const serverTimes = (server: BenchServer, from: number) =>
      readRequestLog(server.logPath, from)
        .filter((line) => line.method === 'POST' && isSend(line.path))
        .map((line) => line.durationMs);
    return {
      on: summary(latencies.on),
      off: summary(latencies.off),
      onServer: summary(serverTimes(on.server, logsFrom.on)),
      offServer: summary(serverTimes(off.server, logsFrom.off)),
      onBusy: cpu.on === undefined ? undefined : cpu.on / wall.on,
      offBusy: cpu.off === undefined ? undefined : cpu.off / wall.off,
    };
  });

  const sent = lists + options.runs * sendsPerRun;
  const recorded = countRecords(on.server.consoleDbPath) - recordsBefore;
  const recordedWithout = countRecords(off.server.consoleDbPath);
  if (recordedWithout !== 0) {
    throw new Error(
      `the server started without the history recorded ${recordedWithout} sends: bench/without-history.ts no longer replaces server/history/record-sends.ts`,
    );
  }
  if (recorded !== sent) throw new Error(`${sent} sends to the server under test left ${recorded} records`);
  return { runs, recorded, sent, durableWrite: durableWriteLatency(dirname(on.server.consoleDbPath)) };
}
