/**
 * What logging (pino) and metrics (prom-client) add to an `/api` request: the same server app built twice in this
 * process, once as it runs (a pino request log line and the metrics) and once without either, in front of an
 * upstream that answers at once, so that what differs is the two alone. Requests alternate between the two in
 * chunks (which goes first alternating), one at a time; the process's CPU time over each chunk, divided by its requests, gives the CPU a
 * request costs, and each request's own time gives p50 and p99. The log lines go to a stream that drops them, as
 * a pipe drained by a log shipper would take them.
 */
import { Writable } from 'node:stream';
import { createServerApp } from '../server/http/app.ts';
import { createTestAuth } from '../server/auth/testing/test-auth.ts';
import { createLogger } from '../server/operations/logger.ts';
import { createMetrics } from '../server/operations/metrics.ts';
import type { RequestLogger } from '../server/http/request-log.ts';
import { percentile } from './stats.ts';

export const OBSERVABILITY_OVERHEAD = { requestsPerRun: 4_000, chunk: 200, warmup: 1_000 };

export interface ObservabilityRun {
  /** CPU per request (ms), with and without. */
  cpuOn: number;
  cpuOff: number;
  p50On: number;
  p50Off: number;
  p99On: number;
  p99Off: number;
  requests: number;
}

const upstream = {
  fetch: async (request: Request) =>
    new URL(request.url).pathname.endsWith('/oauth2-token')
      ? Response.json({ access_token: 'bench-token', token_type: 'Bearer', expires_in: 3600 })
      : Response.json({ event: { id: 'e-1', name: 'Bench event', numTravelers: 25 } }),
};

async function appWith(observed: boolean) {
  const testAuth = createTestAuth();
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const pinoLog = createLogger('info', discard);
  const log: RequestLogger = observed
    ? ({ time: _t, level, msg, ...fields }) => pinoLog[level](fields, msg)
    : () => {};
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 5_000,
      bodyLimitBytes: 1 << 20,
      staticRoot: null,
    },
    {
      sandbox: { app: upstream, credentials: { clientId: 'bench', clientSecret: 'bench-secret' } },
      auth: testAuth.auth,
      log,
      ...(observed ? { metrics: { registry: createMetrics() } } : {}),
    },
  );
  const headers = await testAuth.signedIn('viewer');
  return () => app.request('/api/v2/events/e-1', { headers });
}

async function chunk(
  request: () => Response | Promise<Response>,
  n: number,
  times: number[],
): Promise<number> {
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

export async function measureObservabilityOverhead(): Promise<ObservabilityRun> {
  const { requestsPerRun, chunk: size, warmup } = OBSERVABILITY_OVERHEAD;
  const on = await appWith(true);
  const off = await appWith(false);
  await chunk(on, warmup, []);
  await chunk(off, warmup, []);
  const timesOn: number[] = [];
  const timesOff: number[] = [];
  let cpuOn = 0;
  let cpuOff = 0;
  // Which goes first alternates: the second of a pair runs warmer (caches, the JIT), and would look cheaper.
  for (let done = 0, pair = 0; done < requestsPerRun; done += size, pair += 1) {
    if (pair % 2 === 0) {
      cpuOn += await chunk(on, size, timesOn);
      cpuOff += await chunk(off, size, timesOff);
    } else {
      cpuOff += await chunk(off, size, timesOff);
      cpuOn += await chunk(on, size, timesOn);
    }
  }
  return {
    cpuOn: cpuOn / timesOn.length,
    cpuOff: cpuOff / timesOff.length,
    p50On: percentile(timesOn, 50),
    p50Off: percentile(timesOff, 50),
    p99On: percentile(timesOn, 99),
    p99Off: percentile(timesOff, 99),
    requests: timesOn.length,
  };
}
