/**
 * `npm run bench`: builds for production, seeds a console database with 100,000 recorded sends, starts the server
 * on it and a fresh sandbox, measures the event page of the 10,000-traveler event and the Activity page in
 * Chromium, the sandbox's travelers-list under load, the Activity's first page from the server and what recording
 * a send adds to it, prints one table and writes it with the machine and the command into BENCHMARKS.md.
 * Loopback only; stops by itself (a watchdog ends it after 20 minutes) and stops the servers and the browser it
 * started, also on failure or Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/fixtures/chromium.ts';
import { signInOverHttp } from '../server/auth/testing/sign-in-over-http.ts';
import { FeatureMissing, measureFirstRow } from './browser-metrics.ts';
import { buildForProduction } from './bundle-size.ts';
import { LOAD, MEASUREMENTS, SEARCH_TERM, type BenchContext, type Measurement, type Row } from './metrics.ts';
import {
  contentionMeter,
  describeContention,
  describeMachine,
  renderBenchmarksMd,
  type MissNote,
} from './report.ts';
import { seedSendHistory } from './seed-send-history.ts';
import { startServer, type BenchServer } from './server.ts';
import { summarize } from './stats.ts';
import { formatValue, renderTable, verdictOf, type MetricRow } from './table.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const SCREENSHOTS = join(tmpdir(), 'invites-bench-screenshots');
/** The command as run, with the benchmark's own settings from the environment. */
const COMMAND = [
  ...['BENCH_RUNS', 'BENCH_LOAD_RUNS', 'BENCH_PORT', 'BENCH_NICE', 'BENCH_ONLY', 'CHROMIUM_PATH']
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]}`),
  'npm run bench',
].join(' ');
/** Only against hangs: on a quiet machine the whole benchmark takes 2–3 minutes, on a busy one far longer. */
const WATCHDOG_MS = 20 * 60_000;

function intFromEnv(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

const RUNS = intFromEnv('BENCH_RUNS', 5, 1);
const LOAD_RUNS = intFromEnv('BENCH_LOAD_RUNS', 5, 1);
const PORT = intFromEnv('BENCH_PORT', 8290, 1, 65535);
/**
 * On a machine shared with other work, a negative nice value (root only) lets the benchmark's processes go
 * first: set on this process before anything is started, the server, Chromium and autocannon inherit it.
 */
const NICE = process.env.BENCH_NICE ? intFromEnv('BENCH_NICE', 0, -20, 19) : undefined;
/**
 * Only the measurements whose label contains one of these comma-separated words (e.g. `BENCH_ONLY=activity`):
 * the table is printed and BENCHMARKS.md is left as it is, since it would lose the other rows.
 */
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((word) => word.trim().toLowerCase())
  .filter((word) => word !== '');
const SELECTED = MEASUREMENTS.filter(
  (m) => ONLY.length === 0 || ONLY.some((word) => m.label.toLowerCase().includes(word)),
);

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Stops what the benchmark started, last first; each step at most once, also when asked twice at once. */
const stops: Array<() => Promise<void>> = [];
let stopping: Promise<void> | undefined;
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    while (stops.length > 0) {
      await stops.pop()!().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    }
  })().finally(() => (stopping = undefined));
  return stopping;
}

const TEMP_PARENT = join(tmpdir(), 'invites-bench');

/**
 * This run's directory (the sandbox database, the server log): `run-<pid>` under one parent. Directories of
 * earlier runs whose process is gone (killed before it could clean up) are removed first.
 */
function freshTempDir(): string {
  mkdirSync(TEMP_PARENT, { recursive: true });
  for (const name of readdirSync(TEMP_PARENT)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) rmSync(join(TEMP_PARENT, name), { recursive: true, force: true });
  }
  const dir = join(TEMP_PARENT, `run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true }); // left by an earlier process that had this pid
  mkdirSync(dir);
  return dir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A sender's session, got through the real sign-in flow (the embedded provider's form) with fetch. */
async function benchSession(url: string, role: 'sender' | 'admin' = 'sender') {
  log(`signing in as ${role === 'admin' ? 'an admin' : 'a sender'}`);
  const { cookieName, cookieValue } = await signInOverHttp(url, role);
  return { name: cookieName, value: cookieValue };
}

async function repeat<T>(label: string, runs: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run++) {
    log(`${label}: run ${run + 1}/${runs}`);
    results.push(await measure(run));
  }
  return results;
}

/** A failed measurement becomes a row saying why; the others still run. */
async function attempt<T>(label: string, measure: () => Promise<T>): Promise<T | Error> {
  try {
    return await measure();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    log(
      `${label} failed: ${failure instanceof FeatureMissing ? failure.message : (failure.stack ?? failure.message)}`,
    );
    return failure;
  }
}

const errorText = (error: Error) =>
  error instanceof FeatureMissing ? error.message : `failed: ${error.message.split('\n')[0]}`;

/** A row of the table from one measurement's result; a failed measurement (or row) says why instead. */
function tableRow<T>(
  row: Row<T>,
  result: T | Error,
  earlier: <U>(measurement: Measurement<U>) => U,
  context: BenchContext,
): MetricRow & { miss?: MissNote } {
  const ok = result instanceof Error ? undefined : result;
  const base = {
    metric: typeof row.metric === 'string' ? row.metric : row.metric(ok),
    unit: row.unit,
    runs: row.runs(ok, context),
    goal: row.goal,
    decimals: row.decimals,
  };
  if (result instanceof Error) return { ...base, error: errorText(result) };
  let summary;
  try {
    summary = summarize(row.values(result, earlier));
  } catch (error) {
    return { ...base, error: errorText(error instanceof Error ? error : new Error(String(error))) };
  }
  const measured = { ...base, summary };
  if (verdictOf(measured) !== 'miss') return measured;
  const value = (v: number) => `${formatValue(v, row.decimals)} ${row.unit}`;
  return {
    ...measured,
    miss: {
      metric: `${base.metric}: median ${value(summary.median)}, goal ≤ ${value(row.goal!)}`,
      facts: row.missFacts?.(result, summary.median, row.goal!) ?? [],
      reading: row.reading,
    },
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  if (NICE !== undefined) os.setPriority(NICE);
  const tempDir = freshTempDir();
  stops.push(async () => rmSync(tempDir, { recursive: true, force: true }));
  rmSync(SCREENSHOTS, { recursive: true, force: true });

  // How busy the machine is before the benchmark adds anything: other work competing for the CPUs.
  const idle = contentionMeter();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const before = idle();

  // Only the browser measurements load pages; the others measure the server and its API.
  const pages = SELECTED.some((m) => m.phase === 'browser');
  if (pages) {
    log('building for production (vite build)');
    await buildForProduction(ROOT);
  }

  if (SELECTED.length === 0) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY} names no measurement`);
  log(`seeding the console database with the send history (${tempDir}/console.db)`);
  const history = await seedSendHistory(join(tempDir, 'console.db'));
  log(
    `${formatValue(history.records)} send records (${formatValue(history.travelerIdBytes / 1024 ** 2)} MB of ` +
      `traveler ids) in ${formatValue(history.ms / 1000, 1)} s`,
  );
  // The seed leaves ~350 MB of dirty pages that the kernel would write back during the first measurements (the
  // first row came out ~120 ms slower in the full run than alone): written now, before anything is measured.
  execFileSync('sync');

  log(`starting the server on 127.0.0.1:${PORT} with a fresh sandbox in ${tempDir}`);
  const server = await startServer({ root: ROOT, tempDir, port: PORT });
  stops.push(server.stop);
  let otherServers = 0;
  /** Another server, on the next free port with its own directory, stopped with the benchmark at the latest. */
  const startOtherServer = async (
    name: string,
    options: { preload?: string[] } = {},
  ): Promise<BenchServer> => {
    const dir = join(tempDir, name);
    mkdirSync(dir);
    const port = PORT + ++otherServers;
    log(`starting another server (${name}) on 127.0.0.1:${port}`);
    const other = await startServer({ root: ROOT, tempDir: dir, port, ...options });
    stops.push(other.stop);
    return other;
  };

  const browser: Browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  stops.push(() => browser.close());
  const machine = describeMachine(browser.version());
  const context: BenchContext = {
    browser,
    server,
    target: {
      baseUrl: server.url,
      eventId: SEED_EVENT_IDS.largeSummit,
      screenshotDir: SCREENSHOTS,
      session: await benchSession(server.url),
    },
    admin: await benchSession(server.url, 'admin'),
    history,
    startServer: startOtherServer,
    dist: DIST,
    runs: RUNS,
    loadRuns: LOAD_RUNS,
    repeat,
  };

  const browserPhase = contentionMeter();
  // Warm-up: the server's first requests compile code paths and fill SQLite's cache; no manager meets that.
  if (pages) {
    log('warm-up load (not measured)');
    await measureFirstRow(browser, { ...context.target, screenshotDir: undefined }, -1);
  }

  const results = new Map<Measurement<unknown>, unknown>();
  const earlier = <U>(measurement: Measurement<U>): U => {
    const result = results.get(measurement as Measurement<unknown>);
    if (result === undefined) throw new Error(`${measurement.label} did not run before`);
    if (result instanceof Error) throw new Error(`${measurement.label} ${errorText(result)}`);
    return result as U;
  };
  const rows: Array<MetricRow & { miss?: MissNote }> = [];
  const details: string[] = [];
  let browserContention;
  let loadPhase;
  for (const measurement of SELECTED) {
    if (measurement.phase === 'load' && !browserContention) {
      // The browser closed, the server and autocannon have the two cores.
      await browser.close();
      browserContention = browserPhase();
      log(
        `browser closed; the load test is ${LOAD_RUNS} × ${LOAD.durationSeconds} s, ${LOAD.connections} connections`,
      );
      loadPhase = contentionMeter();
    }
    const result = await attempt(measurement.label, () => measurement.measure(context));
    results.set(measurement, result);
    for (const row of measurement.rows) rows.push(tableRow(row, result, earlier, context));
    if (!(result instanceof Error) && measurement.details) details.push(measurement.details(result, context));
  }
  const loadContention = loadPhase?.();
  await stopAll();

  const contention =
    `before the benchmark (3 s idle) ${describeContention(before, machine.cores)}; during the browser ` +
    `measurements ${describeContention(browserContention ?? browserPhase(), machine.cores)}` +
    (loadContention ? `; during the load test ${describeContention(loadContention, machine.cores)}` : '');
  const table = renderTable(rows);
  const durationSeconds = (performance.now() - started) / 1000;
  if (ONLY.length > 0) {
    process.stdout.write(`\n${table}\n\n${details.join('\n\n')}\n\n`);
    process.stdout.write(
      `BENCH_ONLY=${process.env.BENCH_ONLY}: ${SELECTED.map((m) => m.label).join(', ')}. CPU contention: ` +
        `${contention}. ${Math.round(durationSeconds)} s. BENCHMARKS.md left as it was.\n`,
    );
    return rows.some((row) => verdictOf(row) === 'not measured') ? 1 : 0;
  }
  writeFileSync(
    join(ROOT, 'BENCHMARKS.md'),
    renderBenchmarksMd({
      date: new Date(),
      table,
      machine,
      contention,
      priority:
        NICE === undefined
          ? 'normal priority'
          : `nice ${NICE} (BENCH_NICE) for the benchmark, the server and autocannon; Chromium sets its renderers' own`,
      command: COMMAND,
      runs: RUNS,
      searchTerm: SEARCH_TERM,
      load: LOAD,
      durationSeconds,
      misses: rows.flatMap((row) => (row.miss ? [row.miss] : [])),
      details: [...details, `Screenshots of each measurement's end (first run): ${SCREENSHOTS}`],
    }),
  );
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${formatValue(machine.memoryGiB, 1)} GiB; ` +
      `Node ${machine.node}; Chromium ${machine.chromium}. ${Math.round(durationSeconds)} s.\n` +
      `CPU contention: ${contention}.\n` +
      `Written to BENCHMARKS.md; screenshots in ${SCREENSHOTS}.\n`,
  );
  return rows.some((row) => verdictOf(row) === 'not measured') ? 1 : 0;
}

let interrupted = false;
const watchdog = setTimeout(() => {
  log(`still running after ${WATCHDOG_MS / 60_000} minutes: stopping`);
  interrupted = true;
  void stopAll().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();
// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by the tsx wrapper), and
// a second signal without a listener would kill it before the server and the temporary files are gone.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  },
);
