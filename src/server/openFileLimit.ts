import { readFileSync } from 'node:fs';

/**
 * This process's soft limit on open files, from Linux's /proc; null where unknown (other
 * systems) or unlimited. Node raises the soft limit to the hard one at start, so this is the
 * limit the server really has.
 */
export function readOpenFileLimit(limitsText = readProcLimits()): number | null {
  const line = limitsText?.split('\n').find((text) => text.startsWith('Max open files'));
  const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
  if (soft === undefined || !/^\d+$/.test(soft)) return null;
  return Number(soft);
}

function readProcLimits(): string | null {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return null;
  }
}
