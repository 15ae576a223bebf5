import { summarize, type Summary } from './stats';

/** One line of the report: a figure over repeated runs, and what it is measured against. */
export interface MetricRow {
  scenario: string;
  metric: string;
  unit: string;
  summary: Summary;
  reference?: { label: string; summary: Summary };
  /** This figure's median over the reference's median, both measured in the same run. */
  ratio?: number;
  note?: string;
}

export interface RowOptions {
  reference?: { label: string; values: readonly number[] };
  note?: string;
}

const NO_FIGURE: Summary = { n: 0, median: NaN, min: NaN, max: NaN, p95: NaN };

export function metricRow(
  scenario: string,
  metric: string,
  unit: string,
  values: readonly number[],
  options: RowOptions = {},
): MetricRow {
  // A row with no figure (one not reported, its note says why) prints empty cells.
  const summary = values.some(Number.isFinite) ? summarize(values) : NO_FIGURE;
  const row: MetricRow = { scenario, metric, unit, summary };
  if (options.reference) {
    const reference = summarize(options.reference.values);
    row.reference = { label: options.reference.label, summary: reference };
    row.ratio = reference.median === 0 ? undefined : summary.median / reference.median;
  }
  if (options.note) row.note = options.note;
  return row;
}
