// Prints bench/results.json as a Markdown table, for docs/PERFORMANCE.md:
// `npx tsx bench/markdownTable.ts [results.json]`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetricRow } from './metricRow';
import { formatMarkdownTable } from './table';

const file = process.argv[2] ?? path.resolve(import.meta.dirname, 'results.json');
const results = JSON.parse(await readFile(file, 'utf8')) as {
  command: string;
  durationSeconds: number;
  rows: MetricRow[];
};
console.log(`\`${results.command}\` (${results.durationSeconds} s)\n`);
console.log(formatMarkdownTable(results.rows));
