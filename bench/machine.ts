import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { openFileLimits } from './openFileLimit';

export interface MachineInfo {
  cpuModel: string;
  /** What `nproc` prints: the CPUs this process may use. */
  nproc: number;
  memoryGiB: number;
  node: string;
  platform: string;
  openFilesSoft: number | null;
  openFilesHard: number | null;
  /** 1, 5 and 15 minute load averages when the run started: other work makes timings noisy. */
  loadAverage: number[];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

export function describeMachine(): MachineInfo {
  const limits = openFileLimits();
  return {
    cpuModel: cpuModel(),
    nproc: nproc(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    openFilesSoft: limits.soft,
    openFilesHard: limits.hard,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
