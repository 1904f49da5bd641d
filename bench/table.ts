/** The one results table, in Markdown: printed by `npm run bench` and written into BENCHMARKS.md. */
import type { Summary } from './stats.ts';

export interface MetricRow {
  metric: string;
  unit: string;
  /** How the figure was obtained, e.g. "5" runs or "1 × 10 s". */
  runs: string;
  summary?: Summary;
  /** Every goal is an upper bound, judged on the median. */
  goal?: number;
  decimals?: number;
  /** Why the metric has no figure (it failed, or the feature is not in the build). */
  error?: string;
}

export type Verdict = 'pass' | 'miss' | 'no goal' | 'not measured';

export function verdictOf(row: MetricRow): Verdict {
  if (!row.summary) return 'not measured';
  if (row.goal === undefined) return 'no goal';
  return row.summary.median <= row.goal ? 'pass' : 'miss';
}

export function formatValue(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTable(rows: readonly MetricRow[]): string {
  const header = ['Metric', 'Median', 'Min', 'Max', 'Runs', 'Goal', 'Result'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i >= 1 && i <= 3 ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of rows) {
    const value = (v: number) => `${formatValue(v, row.decimals)} ${row.unit}`;
    const s = row.summary;
    const verdict = verdictOf(row);
    const result =
      verdict === 'pass'
        ? '✅ pass'
        : verdict === 'miss'
          ? `❌ miss (+${formatValue(s!.median - row.goal!, row.decimals)} ${row.unit})`
          : verdict === 'not measured'
            ? `⚠️ not measured: ${row.error ?? 'no value'}`
            : '';
    lines.push(
      `| ${[
        row.metric,
        s ? value(s.median) : '—',
        s ? value(s.min) : '—',
        s ? value(s.max) : '—',
        row.runs,
        row.goal === undefined ? '—' : `≤ ${formatValue(row.goal, row.decimals)} ${row.unit}`,
        result,
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
