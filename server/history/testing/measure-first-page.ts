/**
 * A quick measurement, not a test: the Activity's first page (an admin, no filters, 50 rows) and its neighbours on
 * a SQLite console database holding 100,000 send records, timed through the whole server app in process (guards,
 * session, query, JSON), so network aside this is the server's time.
 *
 *   npx tsx server/history/testing/measure-first-page.ts [records]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConsoleDatabase } from '../../console-db/open-console-database.ts';
import { mulberry32 } from '../../../sandbox/seed/prng.ts';
import { createHistoryApp } from './history-app.ts';
import { insertRows, MARCUS, PRIYA, recordRow, SOFIA, type SeedRow } from './seed-records.ts';

const RECORDS = Number(process.argv[2] ?? 100_000);
const RUNS = 50;
const STATUSES = ['accepted', 'accepted', 'accepted', 'accepted', 'refused', 'failed', 'pending'] as const;

function seedRows(): SeedRow[] {
  const random = mulberry32(11);
  const people = [MARCUS, SOFIA, PRIYA];
  const start = Date.now() - 395 * 24 * 60 * 60_000;
  const step = Math.floor((Date.now() - start) / RECORDS);
  return Array.from({ length: RECORDS }, (_, i) => {
    // Mostly small lists, a few large ones, and now and then everyone.
    const size = Math.floor(Math.exp(random() * Math.log(500)));
    const all = random() < 0.05;
    return recordRow({
      at: start + i * step,
      person: people[Math.floor(random() * people.length)]!,
      eventId: `ev-${Math.floor(random() * 50)}`,
      status: STATUSES[Math.floor(random() * STATUSES.length)]!,
      userIds: all ? undefined : Array.from({ length: size }, (_, k) => `u-${k}`),
      travelerCount: all ? 1_200 : size,
    });
  });
}

async function time(label: string, run: () => Response | Promise<Response>) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const response = await run();
    await response.arrayBuffer();
    ms.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status}`);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} median ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`);
}

const folder = await mkdtemp(join(tmpdir(), 'measure-history-'));
try {
  const consoleDb = await openConsoleDatabase({ file: join(folder, 'console.db') });
  const seeding = performance.now();
  await insertRows(consoleDb, seedRows());
  console.log(`${RECORDS} records seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const h = createHistoryApp(consoleDb);
  const admin = await h.as(PRIYA, 'admin');
  const sender = await h.as(MARCUS);
  const get =
    (url: string, headers = admin) =>
    () =>
      h.app.request(url, { headers });
  await time('Activity first page (admin, no filters)', get('/api/history/sends'));
  await time('Activity page 1,000 (offset 49,950)', get('/api/history/sends?offset=49950'));
  await time('Activity, refused only', get('/api/history/sends?outcome=refused'));
  await time('Activity, outcome unknown', get('/api/history/sends?outcome=unknown'));
  await time('Activity, a sender’s own', get('/api/history/sends', sender));
  await time('event History first page', get('/api/history/events/ev-7/sends?limit=20'));
  await time('facets (admin)', get('/api/history/facets'));
  await time('facets (sender)', get('/api/history/facets', sender));
  await consoleDb.close();
} finally {
  await rm(folder, { recursive: true, force: true });
}
