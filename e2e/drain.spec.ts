/**
 * The stop, the README's way: `npm start` (npm, then the server, one process), on a loaded machine (a CPU burner
 * beside it), stopped while a send is out: as a terminal's Ctrl-C and systemd stop a service (the whole process
 * group) ten times, then as Docker and Kubernetes do (the top process alone). Each time the send's record says it
 * was accepted, every process is gone and the exit code is 0. No browser: the production build and a shell.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { signInOverHttp } from '../server/auth/testing/sign-in-over-http.ts';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';

const STOPS_OF_THE_GROUP = 10;

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let dir: string;
let burner: ChildProcess;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-npm-stop-'));
  burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
});
test.afterAll(() => {
  burner?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  npm: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** `npm start` in its own process group (as a terminal or a service manager starts it), until it listens. */
function npmStart(): Promise<Started> {
  const npm = spawn('npm', ['start'], {
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      SANDBOX_DB: join(dir, 'sandbox.db'),
      CONSOLE_DB: join(dir, 'console.db'),
      // The send stays out this long: long enough to stop the server under it.
      SANDBOX_LATENCY_MS: '800',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  let output = '';
  npm.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    npm.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = listeningUrl(output);
      if (url !== undefined) resolve({ npm, url, exited });
    });
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before listening: ${output}`)));
  });
}

/** The `url` of the server's "listening" line, once it has printed it. */
function listeningUrl(output: string): string | undefined {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening') return entry.url;
    } catch {
      // A line still being written.
    }
  }
  return undefined;
}

/** Whether any process of the group is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function latestRecord(): { status: string; completed_at: number | null } | undefined {
  const db = new Database(join(dir, 'console.db'), { readonly: true });
  try {
    return db
      .prepare('select status, completed_at from send_records order by created_at desc, rowid desc limit 1')
      .get() as { status: string; completed_at: number | null } | undefined;
  } finally {
    db.close();
  }
}

function recordCount(): number {
  const db = new Database(join(dir, 'console.db'), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from send_records').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Starts the console, sends to every traveler of the kickoff and, once the send is on the record, stops it. */
async function stopDuringSend(stop: (npm: ChildProcess) => void) {
  const started = await npmStart();
  const pgid = started.npm.pid!;
  const session = await signInOverHttp(started.url, 'sender');
  const before = recordCount();
  const send = fetch(`${started.url}/api/v2/events/${SEED_EVENT_IDS.kickoff}/invite/send`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ type: 'GENERIC' }),
  });
  // On the record, and so out to the sandbox, which answers only after its latency.
  await expect.poll(recordCount, { intervals: [20] }).toBe(before + 1);
  stop(started.npm);
  expect((await send).status).toBe(200);
  expect(await started.exited).toBe(0);
  await expect.poll(() => groupAlive(pgid)).toBe(false);
  expect(latestRecord()).toMatchObject({ status: 'accepted', completed_at: expect.any(Number) });
}

test(`SIGTERM to npm start's process group, ${STOPS_OF_THE_GROUP} times: the send is recorded as sent, every process ends, exit 0`, async () => {
  for (let stop = 0; stop < STOPS_OF_THE_GROUP; stop += 1) {
    await stopDuringSend((npm) => process.kill(-npm.pid!, 'SIGTERM'));
  }
});

test('SIGTERM to the top process alone, as Docker and Kubernetes send it: the same', async () => {
  await stopDuringSend((npm) => npm.kill('SIGTERM'));
});
