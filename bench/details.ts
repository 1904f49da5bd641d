/** The prose and small tables under "Details" and "Missed goals": what each run found, in words. */
import type { FirstRowResult, RequestTiming, ScrollResult, SelectAndSendResult } from './browser-metrics.ts';
import type { BundleSize } from './bundle-size.ts';
import type { LoadResult } from './load-test.ts';
import { formatValue } from './table.ts';

export function markdownTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The result whose value is nearest the median: the run a table's figure stands for. */
export function closestTo<T>(results: readonly T[], median: number, value: (result: T) => number): T {
  return results.reduce((best, r) =>
    Math.abs(value(r) - median) < Math.abs(value(best) - median) ? r : best,
  );
}

export function bundleTable(bundle: BundleSize): string {
  const kb = (bytes: number) => formatValue(bytes / 1024, 1);
  return markdownTable(
    ['File', 'Raw KB', 'Gzip KB'],
    [
      ...bundle.files.map((f) => [f.path, kb(f.bytes), kb(f.gzipBytes)]),
      ['**Total**', kb(bundle.bytes), `**${kb(bundle.gzipBytes)}**`],
    ],
  );
}

export function waterfallTable(result: FirstRowResult): string {
  return markdownTable(
    ['Request', 'Start ms', 'End ms', 'Took ms'],
    result.waterfall.map((t) => [
      `${t.method} ${t.path}`,
      formatValue(t.start),
      formatValue(t.end),
      formatValue(t.end - t.start),
    ]),
  );
}

/** The critical path as measured: the page, its scripts, the API answers the row waited for, the rendering. */
export function waterfallFacts(result: FirstRowResult): string[] {
  const before = result.waterfall.filter((t) => t.end <= result.frame);
  const scripts = before.filter((t) => t.path.endsWith('.js'));
  const api = before.filter((t) => t.path.startsWith('/api/'));
  const lastApi = api.reduce<RequestTiming | undefined>(
    (last, t) => (!last || t.end > last.end ? t : last),
    undefined,
  );
  const facts = [
    `The HTML answered at ${formatValue(before[0]?.end ?? NaN)} ms; ${scripts.length} scripts, the last loaded at ` +
      `${formatValue(Math.max(...scripts.map((t) => t.end)))} ms.`,
  ];
  if (lastApi) {
    facts.push(
      `${api.length} API requests before the row: the first started at ${formatValue(api[0]!.start)} ms, the last ` +
        `to answer was ${lastApi.method} ${lastApi.path} at ${formatValue(lastApi.end)} ms.`,
      `Row in the DOM at ${formatValue(result.dom)} ms (${formatValue(result.dom - lastApi.end)} ms after that ` +
        `answer), painted at ${formatValue(result.frame)} ms.`,
    );
  }
  if (result.firstContentfulPaint !== undefined)
    facts.push(
      `The app's first paint (first-contentful-paint) was at ${formatValue(result.firstContentfulPaint)} ms.`,
    );
  facts.push(`From navigation to the row, ${result.busy}.`);
  return facts;
}

export function describeScroll(result: ScrollResult, run: number): string {
  const reached =
    result.lastPosition !== undefined
      ? `reached row ${formatValue(result.lastPosition)} of ${formatValue(result.setSize ?? NaN)}`
      : 'reached the bottom';
  return `- Run ${run + 1}: at most ${result.maxRows} rows in the DOM; ${reached} in ${formatValue(result.steps)} steps, ${formatValue(result.ms / 1000, 1)} s.`;
}

export function describeSend(result: SelectAndSendResult, run: number): string {
  return (
    `- Run ${run + 1}: selected ${result.count} in ${formatValue(result.selectMs)} ms (${result.selectBreakdown}); ` +
    `sent in ${formatValue(result.sendMs)} ms (${result.sendBreakdown}); "${result.sendMessage}".`
  );
}

export function describeLoad(result: LoadResult, run: number, connections: number): string {
  return (
    `- Run ${run + 1}: p50 ${formatValue(result.p50)} ms, p99 ${formatValue(result.p99)} ms, ` +
    `${formatValue(result.requestsPerSecond)} req/s, ${formatValue(result.requests)} requests, ${result.failures} failed` +
    (result.serverCpuMsPerRequest === undefined
      ? '.'
      : `; the server used ${formatValue(result.serverCpuMsPerRequest, 2)} ms of CPU per request, so one core ` +
        `answers at most ~${formatValue(1000 / result.serverCpuMsPerRequest)} req/s, and ${connections} clients that ` +
        `never pause queue for ~${formatValue(connections * result.serverCpuMsPerRequest)} ms on average (Little's law).`)
  );
}
