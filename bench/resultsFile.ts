import { writeFile } from 'node:fs/promises';
import type { MachineInfo } from './machine';
import type { MetricRow } from './metricRow';

export interface BenchResults {
  /** How the run was started, e.g. `npm run bench -- --quick`. */
  command: string;
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  rows: MetricRow[];
  failures: Array<{ scenario: string; error: string }>;
}

export async function writeResults(file: string, results: BenchResults): Promise<void> {
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
