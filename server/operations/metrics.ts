/**
 * The console's Prometheus metrics (prom-client), one registry per server app so that instances in one process
 * (tests) keep theirs apart. Label values come from closed sets only: route patterns, operation ids, outcomes and
 * kinds; never an id, an email or free text, which would also make the series unbounded.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached page (~1 ms) to the upstream timeout (20 s). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/** What refused a request before it could do anything: the classes an operator alerts on. */
export type RefusalKind = 'session' | 'role' | 'cross-site' | 'limit' | 'parameter' | 'shutting-down';

/** A send's end as the send history knows it; `not_sent` is a failure that provably left nothing upstream. */
export type SendOutcomeLabel = 'accepted' | 'refused' | 'unknown' | 'not_sent';

export interface ConsoleMetrics {
  registry: Registry;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  httpDuration: Histogram<'route' | 'method'>;
  upstreamCalls: Counter<'operation' | 'status'>;
  upstreamDuration: Histogram<'operation'>;
  tokenFetches: Counter<'status'>;
  sends: Counter<'action' | 'outcome'>;
  travelersInvited: Counter;
  refusals: Counter<'kind'>;
  /** Scheduled sends this instance started (server/history/schedule-runner.ts), by how they ended. */
  scheduledRuns: Counter<'outcome'>;
}

export function createMetrics(options: { activeSessions?: () => Promise<number> } = {}): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const { activeSessions } = options;
  if (activeSessions !== undefined) {
    new Gauge({
      name: 'console_active_sessions',
      help: 'Sessions that have not ended (idle timeout and lifetime), on every instance sharing the database.',
      registers,
      async collect() {
        this.set(await activeSessions());
      },
    });
  }
  return {
    registry,
    httpRequests: new Counter({
      name: 'console_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'console_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern and method.',
      labelNames: ['route', 'method'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    upstreamCalls: new Counter({
      name: 'console_upstream_requests_total',
      help: "Calls to the Spotnana API, by operation and status ('error' when no answer came).",
      labelNames: ['operation', 'status'],
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'console_upstream_request_duration_seconds',
      help: 'Time the Spotnana API took to answer, by operation.',
      labelNames: ['operation'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    tokenFetches: new Counter({
      name: 'console_upstream_token_fetches_total',
      help: "Access tokens fetched from Spotnana's token endpoint, by status ('error' when no answer came).",
      labelNames: ['status'],
      registers,
    }),
    sends: new Counter({
      name: 'console_sends_total',
      help: 'Sends, reminders and test invites that reached the upstream, by action and by outcome as the send history records it.',
      labelNames: ['action', 'outcome'],
      registers,
    }),
    travelersInvited: new Counter({
      name: 'console_travelers_invited_total',
      help: 'Travelers in sends that Spotnana accepted (an all-travelers send counts the event’s travelers).',
      registers,
    }),
    refusals: new Counter({
      name: 'console_refusals_total',
      help: 'Requests the console refused itself, by kind: session, role, cross-site, limit, parameter, shutting-down.',
      labelNames: ['kind'],
      registers,
    }),
    scheduledRuns: new Counter({
      name: 'console_scheduled_runs_total',
      help: "Scheduled sends and reminders this instance started, by outcome: the send's status (accepted, refused, failed, skipped, pending) or not_run (missed, or its scheduler may no longer send).",
      labelNames: ['outcome'],
      registers,
    }),
  };
}
