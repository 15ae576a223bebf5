import { appendFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { MeasuredClick } from './clickSession';

/**
 * With BENCH_CLICKS_FILE set, each clicktosound run appends one JSON line: every click's parts
 * (the rows keep only summaries), the floor's samples and the load, so paired runs of two
 * builds can be pooled and compared click by click.
 */
export async function dumpClicks(
  clicks: Record<string, readonly MeasuredClick[]>,
  floor: readonly number[],
  gaps: readonly number[],
): Promise<void> {
  const file = process.env.BENCH_CLICKS_FILE;
  if (!file) return;
  const line = { at: new Date().toISOString(), load: loadavg(), clicks, floor, gaps };
  await appendFile(file, `${JSON.stringify(line)}\n`);
}
