/**
 * `GET /healthz`: 200 whenever this server is up, with whether the Spotnana API answers. The upstream being down is
 * reported in the body (`status: "degraded"`), not as a failing status code, so an orchestrator does not restart a
 * healthy console because Spotnana is having a bad minute.
 *
 * The probe is a real, cheap, authenticated call (the first event of the upcoming list) with the cached token, so
 * it also proves the credentials work, without fetching a token per probe (the token endpoint is rate limited).
 */
import type { Context } from 'hono';
import type { UpstreamClient } from './forwarder/upstream-client.ts';
import { UpstreamError, type UpstreamFailure } from './forwarder/upstream-error.ts';
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

export function healthz(upstream: UpstreamClient, kind: HealthReport['upstream']['kind']) {
  return async (c: Context<ServerEnv>) => {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    let report: HealthReport;
    try {
      const result = await upstream.call({
        method: 'POST',
        path: '/v2/events/list',
        body: PROBE_BODY,
        contentType: 'application/json',
        requestId: c.get('requestId'),
      });
      const ok = result.status >= 200 && result.status < 300;
      report = {
        status: ok ? 'ok' : 'degraded',
        upstream: { kind, reachable: true, status: result.status, latencyMs: latency() },
      };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const failure = error.failure;
      const reachable = failure.kind !== 'unreachable' && failure.kind !== 'timeout';
      const status =
        failure.kind === 'credentials-rejected' || failure.kind === 'token-failed'
          ? failure.status
          : failure.kind === 'token-rate-limited'
            ? 429
            : undefined;
      c.set('logDetail', error.message);
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
    c.header('cache-control', 'no-store');
    return c.json(report, 200);
  };
}
