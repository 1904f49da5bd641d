/** BENCHMARKS.md: the table, the machine it ran on, the command, and a note per missed goal. */
import { SEARCH_DEBOUNCE_MS } from '../src/features/travelers/utils/search-debounce.ts';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { RequestLogLine } from './server.ts';
import { formatValue } from './table.ts';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
}

export function describeMachine(chromium: string): Machine {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium,
  };
}

/** Linux pressure stall information: total µs during which some runnable task waited for a CPU. */
function cpuStallMicros(): number | undefined {
  try {
    const line = readFileSync('/proc/pressure/cpu', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('some '));
    const total = /total=(\d+)/.exec(line ?? '')?.[1];
    return total === undefined ? undefined : Number(total);
  } catch {
    return undefined;
  }
}

export interface Contention {
  /** Share of the wall time during which some task waited for a CPU (0..1); other work on the machine included. */
  stalledShare?: number;
  /** The 1-minute load average at the end. */
  loadAverage: number;
}

/** Starts measuring how contended the CPUs are; the returned function reads it since then. */
export function contentionMeter(): () => Contention {
  const startedAt = performance.now();
  const stallAtStart = cpuStallMicros();
  return () => {
    const stall = cpuStallMicros();
    const elapsedMicros = (performance.now() - startedAt) * 1000;
    return {
      stalledShare:
        stall !== undefined && stallAtStart !== undefined && elapsedMicros > 0
          ? Math.min(1, (stall - stallAtStart) / elapsedMicros)
          : undefined,
      loadAverage: os.loadavg()[0]!,
    };
  };
}

export function describeContention(contention: Contention, cores: number): string {
  const stalled =
    contention.stalledShare === undefined
      ? ''
      : `some task waited for a CPU ${formatValue(contention.stalledShare * 100)} % of the time (Linux PSI), `;
  return `${stalled}load average ${formatValue(contention.loadAverage, 1)} on ${cores} cores`;
}

export interface MissNote {
  metric: string;
  /** What the benchmark itself found out (measured facts, no guesses). */
  facts: string[];
  /** The team's reading of the miss (bench/miss-readings.ts). */
  reading: string | undefined;
}

export function renderBenchmarksMd(input: {
  date: Date;
  table: string;
  machine: Machine;
  /** How busy the machine was while the browser and load measurements ran. */
  contention: string;
  /** The scheduling priority the benchmark ran at. */
  priority: string;
  command: string;
  runs: number;
  searchTerm: string;
  load: { connections: number; durationSeconds: number };
  durationSeconds: number;
  misses: MissNote[];
  details: string[];
}): string {
  const { machine, load } = input;
  const missSection =
    input.misses.length === 0
      ? 'Every goal is met.'
      : input.misses
          .map((miss) =>
            [
              `### ${miss.metric}`,
              '',
              ...miss.facts.map((fact) => `- ${fact}`),
              miss.reading
                ? `\n**What holds it back, and what would move it.** ${miss.reading}`
                : '- _No reading of this miss has been written yet (bench/miss-readings.ts)._',
            ].join('\n'),
          )
          .join('\n\n');
  return `# Benchmarks

The console on the sandbox's 10,000-traveler event ("Global Partner Summit 2027"): the production build served by
the real server (\`node --import tsx server/bin/main.ts\`, its own process) on a fresh sandbox database and a console
database holding 100,000 recorded sends, driven by Chromium through Playwright. Each browser figure is the median of ${input.runs} runs (min and max beside it), each
run in a fresh browser context (cold cache) on a page that has settled (see below), after one unmeasured warm-up
load. Times are taken in the page with \`performance.now()\` and end at the first animation frame after the DOM
shows the result (the frame that paints it). Goals are judged on the median. This file is overwritten by every
\`npm run bench\`.

Last run: ${input.date.toISOString()} (the whole benchmark took ${Math.round(input.durationSeconds)} s).

${input.table}

## Machine

- CPU: ${machine.cpuModel}, ${machine.cores} cores
- Memory: ${formatValue(machine.memoryGiB, 1)} GiB
- OS: ${machine.os}
- Node ${machine.node}, Chromium ${machine.chromium} (headless, \`--disable-gpu\`)
- Priority: ${input.priority}.
- CPU contention: ${input.contention}. During the browser measurements much of it is the benchmark's own
  (Chromium, the server and the driver share two cores); the idle figure before it shows other work on the
  machine, and when that is high every figure is pessimistic.

## Command

\`\`\`sh
${input.command}
\`\`\`

Options (environment): \`BENCH_RUNS\` (browser runs per metric, default 5), \`BENCH_LOAD_RUNS\` (10 s load tests,
default 5), \`BENCH_PORT\` (default 8290), \`CHROMIUM_PATH\` (default /usr/bin/chromium), \`BENCH_NICE\` (a nice
value for the benchmark and everything it starts, e.g. -10 on a machine shared with other work; root only),
\`BENCH_ONLY\` (runs only the measurements whose label contains one of these comma-separated words, e.g.
\`activity,send record\`; prints their table and leaves this file as it is).

## Missed goals

${missSection}

## How each figure is measured

- **First-load JavaScript**: the same-origin scripts Chromium fetched for a cold load of the event page until the
  network was idle after the first row, each built file gzipped with zlib's default level (the server sends the
  smaller brotli copies the build writes; gzip is the figure the goal is set in), summed. Cross-checked against Vite's manifest below.
- **A settled page**: every run opens a new page, and then waits until Chromium's processes (browser, GPU,
  renderers) have used at most one clock tick of CPU in each of two consecutive 100 ms windows, read from
  \`/proc\` (typically 0.8-1.2 s). A new page makes Chromium start a renderer for its own address-bar popup, which
  burns ~0.5 s of CPU; navigating at once made the first row ~180 ms slower (661 vs 477 ms) by measuring Chromium
  as well as the console. Nothing in the page can observe that other process, hence its CPU time.
- **First traveler row**: \`page.goto(url, {waitUntil: 'commit'})\`; a MutationObserver installed before the app's
  scripts sees the first row's checkbox; the figure is \`performance.now()\` (ms since navigation start) at the next
  animation frame.
- **Search**: "${input.searchTerm}" typed into "Search travelers" a key every 60 ms (the ${SEARCH_DEBOUNCE_MS} ms debounce restarts on each);
  from the last keystroke's \`input\` event to the first frame in which every row in the list matches.
- **Select all**: from the click on "Select all N matching" to the frame after the page shows "N selected".
- **Send**: after selecting all, "Send invites", then from the click on "Send" in the confirmation to the frame
  after "Invites sent to …" appears. Runs repeat the same send: the sandbox lets travelers be invited again.
- **DOM rows**: the list's scroll container is scrolled two viewports a frame from top to bottom (waiting at the
  bottom for each next page of 100) and the rows in the DOM are counted after every mutation and every frame.
- **travelers-list under load**: autocannon, ${load.connections} keep-alive connections for ${load.durationSeconds} s against
  \`POST /sandbox/v2/events/<summit>/travelers-list\` with a token, a fixed mix of bodies: 30 % first page, 40 % a
  page at a random depth, 20 % a search, 10 % an RSVP filter (100 a page), each run its own seeded sequence.
  Latencies as autocannon measures them (client side, ms); the table gives the median, min and max over the runs
  of each run's p50 and p99. The browser is closed by then, so the server and autocannon have a core each.
- **The send history**: before the server starts, its console database (SQLite) gets 100,000 send records in one
  transaction (\`bench/seed-send-history.ts\`): 50 events, 20 people, lists of 1–500 travelers (log-uniform) and
  some sends to all, 85 % accepted, 10 % refused with their error entries, 4 % failed, 1 % pending, spread over
  the last 395 days.
- **Activity, first row**: signed in as an admin (everyone's sends), \`/activity\` as the first traveler row above:
  from navigation start to the frame after the first table row naming a person who sent is in the DOM (the
  loading skeleton's rows name no one); one unmeasured load first.
- **Activity, server time**: \`GET /api/history/sends?limit=50\` as an admin, one request after another from the
  benchmark's process on loopback, 3 unmeasured then 50 measured a run; client-side times (the request log's own
  are in the details). The table gives the median, min and max over the runs of each run's p50 and p99 (the p99
  of 50 requests is the slowest of them).
- **Send record**: invite/send through \`/api\` as a signed-in sender, 50 travelers a send (each a different list,
  so the identical-send guard never answers 409), a fresh Idempotency-Key each, from 4 senders that each pause a
  random 60 ms on average (exponential) before every send, so sends overlap without keeping the server saturated;
  the same requests go to a second server started the same way but with \`server/history/record-sends.ts\` loaded
  as a pass-through (\`bench/without-history.ts\`, checked to have recorded nothing), alternating 50 sends on
  each, after 80 unmeasured sends to each. The time the record adds at p50 and p99 is the difference between the
  two servers' client-side latencies at that percentile, per run of 300 sends each (the request log's, and how
  busy each server was, are in the details).

## Details

${input.details.join('\n\n')}
`;
}

/** Server-side time by route (ids blanked), from the server's request log. */
export function summarizeRequests(lines: readonly RequestLogLine[]): string {
  const byRoute = new Map<string, number[]>();
  for (const line of lines) {
    const route = `${line.method} ${line.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id')}`;
    byRoute.set(route, [...(byRoute.get(route) ?? []), line.durationMs]);
  }
  return [...byRoute]
    .map(([route, durations]) => {
      const total = durations.reduce((a, b) => a + b, 0);
      return `${route}: ${durations.length}× (server total ${formatValue(total)} ms, max ${formatValue(Math.max(...durations))} ms)`;
    })
    .join('; ');
}
