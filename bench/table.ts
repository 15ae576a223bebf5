import type { MetricRow } from './metricRow';

/** Three significant digits, without exponents for the sizes the bench produces. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return String(Math.round(value));
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

const HEADER = [
  'scenario',
  'metric',
  'unit',
  'n',
  'median',
  'min',
  'max',
  'p95',
  'reference',
  'ref median',
  'ratio',
  'note',
];

function cells(row: MetricRow): string[] {
  const { summary, reference } = row;
  return [
    row.scenario,
    row.metric,
    row.unit,
    String(summary.n),
    formatNumber(summary.median),
    formatNumber(summary.min),
    formatNumber(summary.max),
    summary.n >= 10 ? formatNumber(summary.p95) : '',
    reference?.label ?? '',
    formatNumber(reference?.summary.median),
    row.ratio === undefined ? '' : `${formatNumber(row.ratio)}x`,
    row.note ?? '',
  ];
}

/** A plain-text table for the terminal. */
export function formatTable(rows: readonly MetricRow[]): string {
  return formatGrid([HEADER, ...rows.map(cells)]);
}

/** The same table as Markdown, for docs/PERFORMANCE.md. */
export function formatMarkdownTable(rows: readonly MetricRow[]): string {
  const lines = [HEADER, HEADER.map(() => '---'), ...rows.map(cells)];
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n');
}

/** Columns padded to their widest cell, numbers right-aligned, a rule under the header. */
function formatGrid(lines: string[][]): string {
  const gap = '  ';
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const numeric = new Set([3, 4, 5, 6, 7, 9, 10]);
  const render = (line: string[]) =>
    line
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join(gap)
      .trimEnd();
  const output = lines.map(render);
  output.splice(1, 0, widths.map((width) => '-'.repeat(width)).join(gap));
  return output.join('\n');
}
