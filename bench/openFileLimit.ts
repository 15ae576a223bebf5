import { readFileSync } from 'node:fs';

/** This process's soft and hard limits on open files (Linux /proc); null where unknown. */
export function openFileLimits(): { soft: number | null; hard: number | null } {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const [, soft, hard] = line?.split(/\s{2,}/) ?? [];
    const parse = (value: string | undefined) =>
      value === undefined || value === 'unlimited' ? null : Number(value);
    return { soft: parse(soft), hard: parse(hard) };
  } catch {
    return { soft: null, hard: null };
  }
}

export function openFileLimit(): number | null {
  return openFileLimits().soft;
}
