/**
 * The upstream check behind `GET /healthz` (for dashboards): whether the Spotnana API answers. The upstream being
 * down is reported in the body (`status: "degraded"`), not as a failing status code.
 *
 * The check is a real, cheap, authenticated call (the first event of the upcoming list) with the cached token, so
 * it also proves the credentials work, without fetching a token per check (the token endpoint is rate limited).
 * It runs in the background at most every 30 s (operations/upstream-health.ts), never once per probe.
 */
import type { Context } from 'hono';
import type { UpstreamClient } from '../forwarder/upstream-client.ts';
import { UpstreamError, type UpstreamFailure } from '../forwarder/upstream-error.ts';
import type { UpstreamHealth } from '../operations/upstream-health.ts';
import type { ServerEnv } from './server-env.ts';

export interface HealthReport {
  status: 'ok' | 'degraded';
  upstream: {
    kind: 'embedded-sandbox' | 'remote';
    /** The upstream answered over HTTP (with any status). */
    reachable: boolean;
    /** The HTTP status of the probe (or of the token endpoint when it refused the credentials). */
    status?: number;
    latencyMs: number;
    /** The errorCode the console would show for this failure. */
    errorCode?: string;
  };
}

const PROBE_BODY = new TextEncoder().encode(
  JSON.stringify({ listEventType: 'UPCOMING', offset: 0, limit: 1 }),
);

const FAILURE_CODES: Record<UpstreamFailure['kind'], string> = {
  unreachable: 'UPSTREAM_UNREACHABLE',
  'connection-lost': 'UPSTREAM_CONNECTION_LOST',
  timeout: 'UPSTREAM_TIMEOUT',
  'credentials-rejected': 'UPSTREAM_CREDENTIALS_REJECTED',
  'token-rate-limited': 'UPSTREAM_TOKEN_RATE_LIMITED',
  'token-failed': 'UPSTREAM_TOKEN_FAILED',
  'too-large': 'UPSTREAM_RESPONSE_TOO_LARGE',
};

/** One check of the upstream; never throws: a failure is a degraded report. */
export async function checkUpstream(
  upstream: UpstreamClient,
  kind: HealthReport['upstream']['kind'],
  log: (detail: string) => void = () => {},
): Promise<HealthReport> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  let report: HealthReport;
  try {
    const result = await upstream.call({
      method: 'POST',
      path: '/v2/events/list',
      body: PROBE_BODY,
      contentType: 'application/json',
      requestId: crypto.randomUUID(),
    });
    const ok = result.status >= 200 && result.status < 300;
    report = {
      status: ok ? 'ok' : 'degraded',
      upstream: { kind, reachable: true, status: result.status, latencyMs: latency() },
    };
  } catch (error) {
    if (!(error instanceof UpstreamError)) {
      log(`health check failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      return {
        status: 'degraded',
        upstream: { kind, reachable: false, latencyMs: latency(), errorCode: 'INTERNAL_ERROR' },
      };
    }
    const failure = error.failure;
    const reachable = failure.kind !== 'unreachable' && failure.kind !== 'timeout';
    const status =
      failure.kind === 'credentials-rejected' || failure.kind === 'token-failed'
        ? failure.status
        : failure.kind === 'token-rate-limited'
          ? 429
          : undefined;
    log(error.message);
    report = {
      status: 'degraded',
      upstream: {
        kind,
        reachable,
        ...(status === undefined ? {} : { status }),
        latencyMs: latency(),
        errorCode: FAILURE_CODES[failure.kind],
      },
    };
  }
  return report;
}

/** `GET /healthz`: 200 whenever this server is up, with the upstream's state as last checked. */
export function healthz(health: UpstreamHealth) {
  return async (c: Context<ServerEnv>) => {
    c.header('cache-control', 'no-store');
    return c.json(await health.current(), 200);
  };
}
