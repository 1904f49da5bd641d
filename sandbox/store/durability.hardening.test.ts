// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandboxDatabase, type SandboxDatabase } from './database.ts';
import { createPrng } from '../seed/prng.ts';
import { SEED_EVENT_IDS } from '../seed/seed-ids.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join(import.meta.dirname, 'testing', 'kill-during-send-child.ts');
const EVENT = SEED_EVENT_IDS.largeSummit;
const INVITABLE = 8450 + 900; // ADDED + INVITED in the seed

/** Runs the fixture; `onLine` sees each line it prints and may kill it. Resolves once it died of SIGKILL. */
function runChild(
  path: string,
  args: string[],
  onLine: (line: string, kill: () => void) => void = () => {},
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, path, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        lines.push(line);
        onLine(line, () => child.kill('SIGKILL'));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`the child was not killed: ${stderr}`)),
    );
  });
}

function freshDatabase(name: string): string {
  const path = join(dir, name);
  openSandboxDatabase(path).close();
  return path;
}

/** Every committed send left exactly one outbox row per invitable traveler, and the states of the last one. */
function expectWholeSends(db: SandboxDatabase): number {
  const batches = db
    .prepare(
      `SELECT created_at, count(*) AS n FROM outbox WHERE event_id = ? GROUP BY created_at ORDER BY created_at`,
    )
    .all(EVENT) as { created_at: string; n: number }[];
  for (const batch of batches) expect(batch.n).toBe(INVITABLE);
  const invited = db
    .prepare(
      `SELECT invited_at, count(*) AS n FROM event_travelers WHERE event_id = ? AND rsvp_state = 'INVITED' GROUP BY 1`,
    )
    .all(EVENT) as { invited_at: string; n: number }[];
  if (batches.length === 0) {
    expect(invited.reduce((sum, row) => sum + row.n, 0)).toBe(900);
  } else {
    expect(invited).toEqual([{ invited_at: batches.at(-1)!.created_at, n: INVITABLE }]);
  }
  // The per-state totals kept by triggers agree with the rows.
  const kept = db
    .prepare(
      'SELECT rsvp_state, travelers FROM event_rsvp_counts WHERE event_id = ? AND travelers > 0 ORDER BY 1',
    )
    .all(EVENT);
  const actual = db
    .prepare(
      'SELECT rsvp_state, count(*) AS travelers FROM event_travelers WHERE event_id = ? GROUP BY 1 ORDER BY 1',
    )
    .all(EVENT);
  expect(kept).toEqual(actual);
  return batches.length;
}

describe('a send killed by SIGKILL', () => {
  it('leaves nothing of itself when killed inside its transaction', { timeout: 30_000 }, async () => {
    const path = freshDatabase('inside.db');
    const lines = await runChild(path, ['inside-transaction', '0']);
    expect(lines).toEqual(['ready']);
    const db = openSandboxDatabase(path);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(expectWholeSends(db)).toBe(0);
    db.close();
  });

  it('leaves every send whole or absent when killed at arbitrary moments', { timeout: 60_000 }, async () => {
    const path = freshDatabase('loop.db');
    const prng = createPrng(5);
    let committed = 0;
    for (let round = 0; round < 2; round++) {
      const stopAfter = prng.int(2);
      const delayMs = prng.int(40);
      // Each round's clock starts a day later, so its sends never share a timestamp with earlier ones.
      await runChild(path, ['loop', String(round * 86_400_000)], (line, kill) => {
        // Kill a little after a send committed: most likely in the middle of the next one.
        if (line === `sent ${stopAfter}`) setTimeout(kill, delayMs);
      });
      const db = openSandboxDatabase(path);
      const batches = expectWholeSends(db);
      expect(batches).toBeGreaterThanOrEqual(committed + stopAfter + 1);
      committed = batches;
      db.close();
    }
  });
});
