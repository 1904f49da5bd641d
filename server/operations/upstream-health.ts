/**
 * The upstream's state for `/healthz`, from a check made in the background: at most one check every
 * CHECK_INTERVAL_MS and never two at once, whoever asks and however often. A probe every few seconds from each
 * pod and load balancer would otherwise spend the tenant's rate budget, which real sends need.
 */
import type { HealthReport } from '../http/healthz.ts';

export const CHECK_INTERVAL_MS = 30_000;

export interface CheckedHealth extends HealthReport {
  /** When the check behind this report finished (ISO 8601). */
  checkedAt: string;
}

export interface UpstreamHealth {
  /** The latest report; waits for the first check only when there has been none yet. */
  current(): Promise<CheckedHealth>;
}

export function createUpstreamHealth(
  check: () => Promise<HealthReport>,
  options: { intervalMs?: number; now?: () => number } = {},
): UpstreamHealth {
  const intervalMs = options.intervalMs ?? CHECK_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let latest: { report: CheckedHealth; at: number } | undefined;
  let running: Promise<CheckedHealth> | undefined;
  let startedAt = -Infinity;

  const run = () => {
    startedAt = now();
    running = check()
      .then((report) => {
        const at = now();
        latest = { report: { ...report, checkedAt: new Date(at).toISOString() }, at };
        return latest.report;
      })
      .finally(() => (running = undefined));
    return running;
  };

  return {
    current() {
      // Counted from the start of the last check, so a slow upstream is not asked more often either.
      const due = now() - startedAt >= intervalMs;
      if (running === undefined && due) {
        const started = run();
        // The first answer is awaited; later ones are refreshed behind the report already known.
        if (latest === undefined) return started;
        started.catch(() => {});
      }
      if (latest !== undefined) return Promise.resolve(latest.report);
      return running ?? run();
    },
  };
}
