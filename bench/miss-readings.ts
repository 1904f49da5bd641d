/**
 * The team's reading of a missed goal: what holds the figure back and what would move it. Written by hand after
 * looking at a run's facts and profiles, keyed by the start of the metric's name; BENCHMARKS.md prints it under
 * the miss. A reading goes stale when the code changes: rewrite it with the run that shows the new figures.
 */
export const MISS_READINGS: ReadonlyArray<readonly [metricPrefix: string, reading: string]> = [];

export function readingFor(metric: string): string | undefined {
  return MISS_READINGS.find(([prefix]) => metric.startsWith(prefix))?.[1];
}
