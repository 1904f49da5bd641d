/**
 * What `npm run bench` measures, in the order it runs: each measurement, the table rows it yields and each row's
 * goal (written here and nowhere else), what a miss reports, and its details. bench/run.ts walks this list.
 */
import {
  measureObservabilityOverhead,
  OBSERVABILITY_OVERHEAD,
  type ObservabilityRun,
} from './observability-overhead.ts';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { signInOverHttp } from '../server/auth/testing/sign-in-over-http.ts';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { manifestClosure, readBuildManifest } from '../server/static/build-manifest.ts';
import { SEARCH_DEBOUNCE_MS } from '../src/features/travelers/utils/search-debounce.ts';
import {
  ACTIVITY_PAGE_PATH,
  ACTIVITY_REQUESTS,
  measureActivityServerTime,
  type ActivityServerTimeRun,
} from './activity-server-time.ts';
import {
  FeatureMissing,
  measureActivityFirstRow,
  measureFirstClick,
  measureFirstRow,
  measureScrollRows,
  measureSearch,
  measureSelectAllAndSend,
  type FirstRowResult,
  type PageTarget,
} from './browser-metrics.ts';
import { sizeOfBuiltFiles } from './bundle-size.ts';
import {
  bundleTable,
  closestTo,
  describeLoad,
  describeScroll,
  describeSend,
  waterfallFacts,
  waterfallTable,
} from './details.ts';
import { fetchSandboxToken, runLoadTest } from './load-test.ts';
import { MISS_READINGS } from './miss-readings.ts';
import { summarizeRequests } from './report.ts';
import { SEEDED_SEND_RECORDS, type SeededHistory } from './seed-send-history.ts';
import {
  measureSendOverhead,
  SEND_OVERHEAD,
  type LatencySummary,
  type SendOverheadRun,
} from './send-overhead.ts';
import { readRequestLog, type BenchServer } from './server.ts';
import { measureServerRender, RENDER_REQUESTS, type ServerRenderRun } from './server-render-time.ts';
import { summarize } from './stats.ts';
import { formatValue } from './table.ts';

export const SEARCH_TERM = 'garcia';
export const LOAD = { connections: 50, durationSeconds: 10 };

export interface BenchContext {
  /** Open during the browser phase only. */
  browser: Browser;
  server: BenchServer;
  target: PageTarget;
  /** An admin's session cookie on `server` (the Activity page shows an admin everyone's sends). */
  admin: PageTarget['session'];
  /** What the console database was seeded with before the server started. */
  history: SeededHistory;
  /** Starts another server (its own directory and port), stopped with the benchmark at the latest. */
  startServer(name: string, options?: { preload?: string[] }): Promise<BenchServer>;
  dist: string;
  runs: number;
  loadRuns: number;
  /** Runs `measure` `runs` times in a row, logging each. */
  repeat<T>(label: string, runs: number, measure: (run: number) => Promise<T>): Promise<T[]>;
}

export interface Row<T> {
  /** The table's first column; may name what the run found (e.g. how many travelers were selectable). */
  metric: string | ((result: T | undefined) => string);
  unit: string;
  /** An upper bound, judged on the median. */
  goal?: number;
  decimals?: number;
  /** How the figure was obtained ("5", "5 × 10 s (…)"). */
  runs: (result: T | undefined, context: BenchContext) => string;
  /** The values summarised; may use an earlier measurement's results, and throws when it cannot. */
  values: (result: T, earlier: <U>(measurement: Measurement<U>) => U) => number[];
  /** What the benchmark found out about a miss (measured facts only). */
  missFacts?: (result: T, median: number, goal: number) => string[];
  /** The team's reading of a miss. */
  reading?: string;
}

export interface Measurement<T> {
  label: string;
  /** The load test runs after the browser is closed, so the server and autocannon have a core each. */
  phase: 'browser' | 'load';
  measure: (context: BenchContext) => Promise<T>;
  rows: Array<Row<T>>;
  details?: (result: T, context: BenchContext) => string;
}

/** Declares a measurement with its result type inferred once for its rows. */
const measurement = <T>(m: Measurement<T>): Measurement<T> => m;
const browserRuns = (_: unknown, context: BenchContext) => String(context.runs);
const medianOf = <T>(results: readonly T[], value: (r: T) => number) =>
  closestTo(results, summarize(results.map(value)).median, value);

export const FIRST_ROW = measurement({
  label: 'first row',
  phase: 'browser',
  measure: async (context) => {
    const runs = await context.repeat('first row', context.runs, (run) =>
      measureFirstRow(context.browser, context.target, run),
    );
    return { runs, bundle: sizeOfBuiltFiles(context.dist, runs[0]!.scripts) };
  },
  rows: [
    {
      metric: 'First-load JavaScript, event page (gzip)',
      unit: 'KB',
      goal: 235,
      decimals: 1,
      runs: () => '1 (build)',
      values: ({ bundle }) => [bundle.gzipBytes / 1024],
      missFacts: ({ bundle }, kb, goal) => {
        const largest = [...bundle.files].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3);
        return [
          `${formatValue(kb, 1)} KB gzip in ${bundle.files.length} files, ${formatValue(kb - goal, 1)} KB over the goal.`,
          `Largest: ${largest.map((f) => `${f.path} ${formatValue(f.gzipBytes / 1024, 1)} KB`).join(', ')}.`,
        ];
      },
      reading: MISS_READINGS.firstLoadJavaScript,
    },
    {
      metric: 'Navigation → first traveler row',
      unit: 'ms',
      goal: 150,
      runs: browserRuns,
      values: ({ runs }) => runs.map((r) => r.frame),
      missFacts: ({ runs }) => waterfallFacts(medianOf(runs, (r) => r.frame)),
      reading: MISS_READINGS.firstRow,
    },
    {
      // The server's HTML is taken over by the browser: nothing on screen may move when it is.
      metric: 'Layout shift while the event page loads and is taken over (CLS-style sum)',
      unit: '',
      goal: 0,
      decimals: 3,
      runs: browserRuns,
      values: ({ runs }) => runs.map((r) => r.layoutShift),
    },
  ],
  details: ({ runs, bundle }, context) => {
    const manifest = readBuildManifest(context.dist);
    const closure = manifest && manifestClosure(manifest, ['index.html', 'src/app/routes/event.tsx']);
    const closureSize = closure && sizeOfBuiltFiles(context.dist, closure);
    const notInClosure = runs[0]!.scripts.filter((s) => closure && !closure.includes(s));
    const crossCheck = closureSize
      ? `Cross-check: Vite's manifest gives ${formatValue(closureSize.gzipBytes / 1024, 1)} KB gzip for index.html's ` +
        `entry plus the event route chunk and their static imports (${closureSize.files.length} files)` +
        (notInClosure.length > 0 ? `; loaded beyond that: ${notInClosure.join(', ')}.` : '.')
      : 'Cross-check: no manifest entry for src/app/routes/event.tsx (route renamed?).';
    const median = medianOf(runs, (r) => r.frame);
    return (
      `### First-load JavaScript\n\n${bundleTable(bundle)}\n\n${crossCheck}\n\n` +
      `### First-load waterfall (the run closest to the median: row shown at ${formatValue(median.frame)} ms, ` +
      `in the DOM at ${formatValue(median.dom)} ms)\n\n${waterfallTable(median)}\n\n${waterfallFacts(median).join(' ')}`
    );
  },
});

/** The same page on the 25-traveler kick-off: a 10,000-traveler event must open as quickly as a small one. */
const SMALL_EVENT_FIRST_ROW = measurement({
  label: 'first row (25 travelers)',
  phase: 'browser',
  measure: (context) =>
    context.repeat('first row (25 travelers)', context.runs, (run) =>
      measureFirstRow(
        context.browser,
        { ...context.target, eventId: SEED_EVENT_IDS.kickoff, screenshotDir: undefined },
        run,
      ),
    ),
  rows: [
    {
      metric: 'Navigation → first traveler row, 25-traveler event (for comparison)',
      unit: 'ms',
      runs: browserRuns,
      values: (small) => small.map((r) => r.frame),
    },
    {
      // The yardstick: the big event must feel as quick as the small one.
      metric: 'First row: 10,000-traveler event against the 25-traveler one (difference of medians)',
      unit: '%',
      goal: 15,
      runs: (_, context) => `${context.runs} + ${context.runs}`,
      values: (small, earlier) => {
        const frames = (runs: readonly FirstRowResult[]) => summarize(runs.map((r) => r.frame)).median;
        return [(frames(earlier(FIRST_ROW).runs) / frames(small) - 1) * 100];
      },
    },
  ],
});

/** A manager who clicks the first row as soon as it is there: when does the click count? */
const FIRST_CLICK = measurement({
  label: 'first click',
  phase: 'browser',
  measure: (context) =>
    context.repeat('first click', context.runs, (run) =>
      measureFirstClick(context.browser, context.target, run),
    ),
  rows: [
    {
      metric: 'Navigation → a click on the first row registers ("Selected: 1 traveler")',
      unit: 'ms',
      goal: 400,
      runs: browserRuns,
      values: (runs) => runs.map((r) => r.frame),
      missFacts: (runs) => [`Clicks until one registered: ${runs.map((r) => r.clicks).join(', ')}.`],
      reading: MISS_READINGS.firstClick,
    },
  ],
});

const renderRuns = (_: unknown, context: BenchContext) =>
  `${context.loadRuns} × ${RENDER_REQUESTS.measured} requests`;
const describeRenderRun = (r: ServerRenderRun, i: number) =>
  `- Run ${i + 1}: p50 ${formatValue(r.p50, 1)} ms, p99 ${formatValue(r.p99, 1)} ms over ${r.requests} requests, ` +
  `${formatValue(r.bytes / 1024, 1)} KB of HTML each.`;

/** The event page's HTML from the server, data read in process and rendered (bench/server-render-time.ts). */
const SERVER_RENDER = measurement({
  label: 'server render',
  phase: 'load',
  measure: (context) => {
    const { name, value } = context.target.session;
    return context.repeat('server render', context.loadRuns, () =>
      measureServerRender(context.server, SEED_EVENT_IDS.largeSummit, `${name}=${value}`),
    );
  },
  rows: [
    {
      metric: 'Server render of the 10,000-traveler event page, whole HTML, p50 (one at a time)',
      unit: 'ms',
      decimals: 1,
      runs: renderRuns,
      values: (runs) => runs.map((r) => r.p50),
    },
    {
      metric: 'Server render of the 10,000-traveler event page, whole HTML, p99 (one at a time)',
      unit: 'ms',
      decimals: 1,
      runs: renderRuns,
      values: (runs) => runs.map((r) => r.p99),
    },
  ],
  details: (runs) => `### The event page rendered on the server\n\n${runs.map(describeRenderRun).join('\n')}`,
});

const SEARCH = measurement({
  label: 'search',
  phase: 'browser',
  measure: (context) =>
    context.repeat('search', context.runs, (run) =>
      measureSearch(context.browser, context.target, SEARCH_TERM, run),
    ),
  rows: [
    {
      metric: `Last keystroke in "Search travelers" → updated list (debounce incl.)`,
      unit: 'ms',
      goal: 300,
      runs: browserRuns,
      values: (runs) => runs.map((r) => r.ms),
      missFacts: (runs) => [`The run closest to the median: ${medianOf(runs, (r) => r.ms).breakdown}.`],
    },
  ],
  details: (runs) =>
    `### Search\n\nFrom the last keystroke (the picker waits ${SEARCH_DEBOUNCE_MS} ms before asking):\n\n` +
    runs
      .map((r, i) => `- Run ${i + 1}: ${formatValue(r.ms)} ms, ${r.rows} rows shown: ${r.breakdown}.`)
      .join('\n'),
});

const SELECT_AND_SEND = measurement({
  label: 'select all and send',
  phase: 'browser',
  measure: async (context) => {
    const logBefore = statSync(context.server.logPath).size;
    const runs = await context.repeat('select all + send', context.runs, (run) =>
      measureSelectAllAndSend(context.browser, context.target, run),
    );
    return { runs, serverTimes: summarizeRequests(readRequestLog(context.server.logPath, logBefore)) };
  },
  rows: [
    {
      metric: (result) => {
        const count = result?.runs[0]!.count ?? '10,000';
        return `"Select all ${count} matching" → "${count} selected"`;
      },
      unit: 'ms',
      goal: 2000,
      runs: browserRuns,
      values: ({ runs }) => runs.map((r) => r.selectMs),
      missFacts: ({ runs }) => [
        `The run closest to the median: ${medianOf(runs, (r) => r.selectMs).selectBreakdown}.`,
      ],
    },
    {
      metric: (result) => `Confirm send to ${result?.runs[0]!.count ?? '10,000'} selected → success message`,
      unit: 'ms',
      goal: 2000,
      runs: browserRuns,
      values: ({ runs }) => runs.map((r) => r.sendMs),
      missFacts: ({ runs }) => [
        `The run closest to the median: ${medianOf(runs, (r) => r.sendMs).sendBreakdown}.`,
      ],
    },
  ],
  details: ({ runs, serverTimes }) =>
    `### Select all and send\n\n${runs.map(describeSend).join('\n')}\n\nServer side over these ${runs.length} runs ` +
    `(page loads included): ${serverTimes}.`,
});

/** "100,000 sends recorded": the console database's history during the run (bench/seed-send-history.ts). */
const RECORDED = `${formatValue(SEEDED_SEND_RECORDS)} sends recorded`;

/**
 * The Activity page on a console database of 100,000 send records, signed in as an admin (everyone's
 * sends): navigation to its first result row, after one unmeasured load of the page.
 */
const ACTIVITY_PAGE = measurement({
  label: 'activity page',
  phase: 'browser',
  measure: async (context) => {
    const manifest = readBuildManifest(context.dist);
    if (manifest && !manifest['src/app/routes/activity.tsx']) {
      throw new FeatureMissing('the build has no Activity page (src/app/routes/activity.tsx)');
    }
    const target = { ...context.target, session: context.admin };
    const names = context.history.personNames;
    await measureActivityFirstRow(context.browser, { ...target, screenshotDir: undefined }, names, -1);
    return {
      records: context.history.records,
      runs: await context.repeat('activity page', context.runs, (run) =>
        measureActivityFirstRow(context.browser, target, names, run),
      ),
    };
  },
  rows: [
    {
      metric: `Navigation → first Activity row, ${RECORDED} (admin)`,
      unit: 'ms',
      goal: 1000,
      runs: browserRuns,
      values: ({ runs }) => runs.map((r) => r.frame),
      missFacts: ({ runs }) => waterfallFacts(medianOf(runs, (r) => r.frame)),
    },
  ],
  details: ({ runs, records }) => {
    const median = medianOf(runs, (r) => r.frame);
    return (
      `### Activity page, ${formatValue(records)} sends recorded (the run closest to the median: row shown at ` +
      `${formatValue(median.frame)} ms, in the DOM at ${formatValue(median.dom)} ms)\n\n${waterfallTable(median)}\n\n` +
      waterfallFacts(median).join(' ')
    );
  },
});

/** Last of the browser measurements: on a busy machine it is the slowest (it loads all 100 pages). */
const SCROLL = measurement({
  label: 'scroll',
  phase: 'browser',
  measure: (context) =>
    context.repeat('scroll', context.runs, (run) => measureScrollRows(context.browser, context.target, run)),
  rows: [
    {
      metric: 'Most traveler rows in the DOM, scrolling top → bottom',
      unit: 'rows',
      goal: 60,
      // A run that ran out of time (60 s; pages load one after another, slowly on a busy machine) still counts
      // the rows of the part it scrolled, and the table says so.
      runs: (runs, context) => {
        const short = (runs ?? []).filter(
          (r) => r.lastPosition === undefined || r.lastPosition !== r.setSize,
        );
        return short.length === 0
          ? String(context.runs)
          : `${context.runs} (${short.length} stopped at 60 s, at row ${short.map((r) => formatValue(r.lastPosition ?? NaN)).join(', ')})`;
      },
      values: (runs) => runs.map((r) => r.maxRows),
      missFacts: (runs) => [`Up to ${summarize(runs.map((r) => r.maxRows)).max} rows in the DOM at once.`],
    },
  ],
  details: (runs) => `### Scrolling\n\n${runs.map(describeScroll).join('\n')}`,
});

const loadRuns = (runs: readonly { requests: number }[] | undefined) =>
  `${runs?.length ?? 0} × ${LOAD.durationSeconds} s ` +
  `(${formatValue((runs ?? []).reduce((sum, r) => sum + r.requests, 0))} requests)`;

const LOAD_TEST = measurement({
  label: 'load test',
  phase: 'load',
  measure: async (context) => {
    const token = await fetchSandboxToken(context.server.url);
    return context.repeat('load test', context.loadRuns, (run) =>
      runLoadTest({
        baseUrl: context.server.url,
        eventId: SEED_EVENT_IDS.largeSummit,
        token,
        ...LOAD,
        seed: run + 1,
        serverPid: context.server.pid,
      }),
    );
  },
  rows: [
    {
      metric: `travelers-list p50, ${LOAD.connections} concurrent clients`,
      unit: 'ms',
      runs: loadRuns,
      values: (runs) => runs.map((r) => r.p50),
    },
    {
      metric: `travelers-list p99, ${LOAD.connections} concurrent clients`,
      unit: 'ms',
      goal: 50,
      runs: loadRuns,
      values: (runs) => runs.map((r) => r.p99),
      missFacts: (runs) => runs.map((r, i) => describeLoad(r, i, LOAD.connections).replace(/^- /, '')),
      reading: MISS_READINGS.travelersListP99,
    },
    {
      metric: 'travelers-list throughput',
      unit: 'req/s',
      runs: loadRuns,
      values: (runs) => runs.map((r) => r.requestsPerSecond),
    },
  ],
  details: (runs) =>
    `### travelers-list under load\n\n${runs.map((r, i) => describeLoad(r, i, LOAD.connections)).join('\n')}`,
});

const activityRuns = (_: unknown, context: BenchContext) =>
  `${context.loadRuns} × ${ACTIVITY_REQUESTS.measured} requests`;
const describeActivityRun = (r: ActivityServerTimeRun, i: number) =>
  `- Run ${i + 1}: p50 ${ms1(r.p50)}, p99 ${ms1(r.p99)} over ${r.requests} requests (the server's own time: p50 ` +
  `${ms1(r.serverP50)}, p99 ${ms1(r.serverP99)}); ${r.rows} sends of ${formatValue(r.total)}, ` +
  `${formatValue(r.bytes / 1024, 1)} KB a page.`;

/**
 * The Activity page's first page from the server, on 100,000 records: sequential requests, no browser (closed by
 * now, so the server and this process have a core each); see bench/activity-server-time.ts.
 */
const ACTIVITY_SERVER_TIME = measurement({
  label: 'activity server time',
  phase: 'load',
  measure: (context) => {
    const { name, value } = context.admin;
    return context.repeat('activity server time', context.loadRuns, () =>
      measureActivityServerTime(context.server, `${name}=${value}`, context.history.records),
    );
  },
  rows: [
    {
      metric: `GET ${ACTIVITY_PAGE_PATH} p50, ${RECORDED} (admin, one at a time)`,
      unit: 'ms',
      decimals: 1,
      runs: activityRuns,
      values: (runs) => runs.map((r) => r.p50),
    },
    {
      metric: `GET ${ACTIVITY_PAGE_PATH} p99, ${RECORDED} (admin, one at a time)`,
      unit: 'ms',
      goal: 100,
      decimals: 1,
      runs: activityRuns,
      values: (runs) => runs.map((r) => r.p99),
      missFacts: (runs) => runs.map((r, i) => describeActivityRun(r, i).replace(/^- /, '')),
    },
  ],
  details: (runs) =>
    `### Activity, first page from the server\n\n${runs.map(describeActivityRun).join('\n')}`,
});

const WITHOUT_HISTORY = fileURLToPath(new URL('./without-history.ts', import.meta.url));
const sendRuns = (result: { sent: number } | undefined, context: BenchContext) =>
  `${context.loadRuns} × ${SEND_OVERHEAD.sendsPerRun} sends each (${formatValue(result?.sent ?? 0)} with warm-up)`;
const ms1 = (value: number) => `${formatValue(value, 1)} ms`;
const describeDurableWrite = (d: LatencySummary) =>
  `The disk under the console database made a 4 KB write durable (fdatasync) in ${ms1(d.p50)} at p50 and ` +
  `${ms1(d.p99)} at p99 (${d.n} writes, after the sends); a record commits twice with SQLite's synchronous=FULL ` +
  `(begin, complete), and the server's one thread waits for both.`;
const percent = (share: number | undefined) => (share === undefined ? '?' : `${formatValue(share * 100)} %`);
const describeSendRun = (r: SendOverheadRun, i: number) =>
  `- Run ${i + 1}: history on p50 ${ms1(r.on.p50)}, p99 ${ms1(r.on.p99)}; off p50 ${ms1(r.off.p50)}, p99 ` +
  `${ms1(r.off.p99)} (${r.on.n} + ${r.off.n} sends); added ${ms1(r.on.p50 - r.off.p50)} at p50, ` +
  `${ms1(r.on.p99 - r.off.p99)} at p99. Inside the server (request log): on p50 ${ms1(r.onServer.p50)}, p99 ` +
  `${ms1(r.onServer.p99)}; off p50 ${ms1(r.offServer.p50)}, p99 ${ms1(r.offServer.p99)}. The servers were on ` +
  `the CPU ${percent(r.onBusy)} (on) and ${percent(r.offBusy)} (off) of the time.`;
/** "50 travelers, 4 senders pausing 60 ms on average". */
const SEND_LOAD =
  `${SEND_OVERHEAD.listSize} travelers, ${SEND_OVERHEAD.concurrency} senders pausing ` +
  `${SEND_OVERHEAD.meanPauseMs} ms on average`;

/**
 * What the send history adds to invite/send: the server under test against the same server started
 * without the record (bench/without-history.ts), alternating; see bench/send-overhead.ts.
 */
const SEND_RECORD = measurement({
  label: 'send record overhead',
  phase: 'load',
  measure: async (context) => {
    const off = await context.startServer('without-history', { preload: [WITHOUT_HISTORY] });
    try {
      const { name, value } = context.target.session;
      return await measureSendOverhead({
        on: { server: context.server, cookie: `${name}=${value}` },
        off: { server: off, cookie: (await signInOverHttp(off.url, 'sender')).cookie },
        eventId: SEED_EVENT_IDS.largeSummit,
        runs: context.loadRuns,
        repeat: context.repeat,
      });
    } finally {
      await off.stop();
    }
  },
  rows: [
    {
      metric: `Send record: time added to invite/send, p50 (${SEND_LOAD})`,
      unit: 'ms',
      decimals: 1,
      runs: sendRuns,
      values: ({ runs }) => runs.map((r) => r.on.p50 - r.off.p50),
    },
    {
      metric: `Send record: time added to invite/send, p99 (${SEND_LOAD})`,
      unit: 'ms',
      goal: 5,
      reading: MISS_READINGS.sendRecordP99,
      decimals: 1,
      runs: sendRuns,
      values: ({ runs }) => runs.map((r) => r.on.p99 - r.off.p99),
      missFacts: ({ runs, durableWrite }) => [
        ...runs.map((r, i) => describeSendRun(r, i).replace(/^- /, '')),
        describeDurableWrite(durableWrite),
      ],
    },
  ],
  details: ({ runs, recorded, sent, durableWrite }) =>
    `### Send record\n\nThe server under test (history on, ${formatValue(recorded)} records written for ` +
    `${formatValue(sent)} sends) against the same server without the record (none written):\n\n` +
    `${runs.map(describeSendRun).join('\n')}\n\n${describeDurableWrite(durableWrite)}`,
});

const ms3 = (value: number) => `${formatValue(value, 3)} ms`;
const observabilityRuns = (_: unknown, context: BenchContext) =>
  `${context.loadRuns} × ${formatValue(OBSERVABILITY_OVERHEAD.requestsPerRun)} requests each way`;
const describeObservabilityRun = (r: ObservabilityRun, i: number) =>
  `- Run ${i + 1}: CPU per request ${ms3(r.cpuOn)} with logging and metrics, ${ms3(r.cpuOff)} without; ` +
  `p50 ${ms3(r.p50On)} against ${ms3(r.p50Off)}, p99 ${ms3(r.p99On)} against ${ms3(r.p99Off)} ` +
  `(${formatValue(r.requests)} requests each).`;

/** What the pino request log and the prom-client metrics add to an `/api` request; see observability-overhead.ts. */
const OBSERVABILITY = measurement({
  label: 'observability overhead',
  phase: 'load',
  measure: (context) =>
    context.repeat('observability overhead', context.loadRuns, () => measureObservabilityOverhead()),
  rows: [
    {
      metric: 'Logging and metrics: CPU added per /api request (in process, upstream answering at once)',
      unit: 'ms',
      goal: 0.05,
      decimals: 3,
      runs: observabilityRuns,
      values: (runs) => runs.map((r) => r.cpuOn - r.cpuOff),
      missFacts: (runs) => runs.map((r, i) => describeObservabilityRun(r, i).replace(/^- /, '')),
    },
    {
      metric: 'Logging and metrics: time added per /api request, p50',
      unit: 'ms',
      decimals: 3,
      runs: observabilityRuns,
      values: (runs) => runs.map((r) => r.p50On - r.p50Off),
    },
    {
      metric: 'Logging and metrics: time added per /api request, p99',
      unit: 'ms',
      decimals: 3,
      runs: observabilityRuns,
      values: (runs) => runs.map((r) => r.p99On - r.p99Off),
    },
  ],
  details: (runs) =>
    `### Logging and metrics\n\nThe server app with its pino request log and prom-client metrics against the same ` +
    `app without them, alternating chunks of ${OBSERVABILITY_OVERHEAD.chunk} requests:\n\n` +
    `${runs.map(describeObservabilityRun).join('\n')}`,
});

/** In the order they run. Widened to one type for the loop: each one's rows only ever see its own result. */
export const MEASUREMENTS = [
  FIRST_ROW,
  FIRST_CLICK,
  SMALL_EVENT_FIRST_ROW,
  SEARCH,
  SELECT_AND_SEND,
  ACTIVITY_PAGE,
  SCROLL,
  LOAD_TEST,
  ACTIVITY_SERVER_TIME,
  SERVER_RENDER,
  SEND_RECORD,
  OBSERVABILITY,
] as ReadonlyArray<Measurement<unknown>>;
