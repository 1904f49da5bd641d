/**
 * The Activity page's first page as the server answers it: `GET /api/history/sends?limit=50` as an admin (who sees
 * everyone's sends, so the whole history of 100,000 records is what the page and its total count cover), one
 * request after another from this process on loopback, after a few unmeasured ones. Times as the client sees them;
 * the server's request log gives its own, as a cross-check.
 */
import { statSync } from 'node:fs';
import { FeatureMissing } from './browser-metrics.ts';
import { readRequestLog, type BenchServer } from './server.ts';
import { percentile } from './stats.ts';

export const ACTIVITY_PAGE_PATH = '/api/history/sends?limit=50';
export const ACTIVITY_REQUESTS = { warmUp: 3, measured: 50 };

export interface ActivityServerTimeRun {
  p50: number;
  p99: number;
  /** The server's own time (request log) for the same requests. */
  serverP50: number;
  serverP99: number;
  requests: number;
  /** What the answers said: the page's rows and the total they are the first of. */
  rows: number;
  total: number;
  bytes: number;
}

async function getPage(server: BenchServer, cookie: string) {
  const started = performance.now();
  const response = await fetch(`${server.url}${ACTIVITY_PAGE_PATH}`, { headers: { cookie } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status === 404) {
    throw new FeatureMissing(`the server has no GET ${ACTIVITY_PAGE_PATH.split('?')[0]} (404)`);
  }
  if (response.status !== 200)
    throw new Error(`${ACTIVITY_PAGE_PATH}: ${response.status} ${body.slice(0, 200)}`);
  const page = JSON.parse(body) as { sends: unknown[]; total: number };
  return { ms, rows: page.sends.length, total: page.total, bytes: Buffer.byteLength(body) };
}

/** One run: the unmeasured requests, then `ACTIVITY_REQUESTS.measured` one after another. */
export async function measureActivityServerTime(
  server: BenchServer,
  cookie: string,
  expectedAtLeast: number,
): Promise<ActivityServerTimeRun> {
  for (let i = 0; i < ACTIVITY_REQUESTS.warmUp; i++) await getPage(server, cookie);
  const logFrom = statSync(server.logPath).size;
  const answers = [];
  for (let i = 0; i < ACTIVITY_REQUESTS.measured; i++) answers.push(await getPage(server, cookie));
  const last = answers.at(-1)!;
  if (last.total < expectedAtLeast || last.rows !== 50) {
    throw new Error(
      `the first page had ${last.rows} rows of ${last.total}, not 50 of ${expectedAtLeast} or more`,
    );
  }
  const serverTimes = readRequestLog(server.logPath, logFrom)
    .filter((line) => line.method === 'GET' && line.path === ACTIVITY_PAGE_PATH.split('?')[0])
    .map((line) => line.durationMs);
  const times = answers.map((a) => a.ms);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    serverP50: percentile(serverTimes, 50),
    serverP99: percentile(serverTimes, 99),
    requests: answers.length,
    rows: last.rows,
    total: last.total,
    bytes: last.bytes,
  };
}
