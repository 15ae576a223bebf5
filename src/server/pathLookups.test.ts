import type { BigIntStats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PathLookups, type PathLookup } from './pathLookups';

const stats = {} as BigIntStats;

/** Lookups that settle when the test says so, counted per path. */
function heldLookups(maxPaths = 8) {
  const calls: string[] = [];
  const settle = new Map<string, (seen: PathLookup | Error) => void>();
  const lookups = new PathLookups(maxPaths, (path) => {
    calls.push(path);
    return new Promise((resolve, reject) =>
      settle.set(path, (seen) => (seen instanceof Error ? reject(seen) : resolve(seen))),
    );
  });
  return {
    lookups,
    calls,
    settle: (path: string, seen: PathLookup | Error) => settle.get(path)?.(seen),
  };
}

describe('PathLookups', () => {
  it('shares a lookup under way and remembers one that led to the path itself', async () => {
    const { lookups, calls, settle } = heldLookups();
    const first = lookups.fresh('/a');
    expect(lookups.remembered('/a')).toBe(first);
    settle('/a', { resolved: '/a', named: stats, local: true });
    await first;
    expect(lookups.remembered('/a')).toBe(first);
    expect(calls).toEqual(['/a']);
  });

  it('forgets a lookup that led elsewhere, found nothing or failed', async () => {
    const { lookups, settle } = heldLookups();
    const elsewhere = lookups.fresh('/a');
    const gone = lookups.fresh('/b');
    const failed = lookups.fresh('/c');
    failed.catch(() => {});
    settle('/a', { resolved: '/outside/a', named: null, local: true });
    settle('/b', { resolved: '/b', named: null, local: true });
    settle('/c', new Error('ENOENT'));
    await Promise.allSettled([elsewhere, gone, failed]);
    await Promise.resolve();
    expect(['/a', '/b', '/c'].map((path) => lookups.remembered(path))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('tells what a remembered lookup found once it is done, and nothing of one under way or forgotten', async () => {
    const { lookups, settle } = heldLookups();
    const kept = lookups.fresh('/a');
    const elsewhere = lookups.fresh('/b');
    expect(lookups.settled('/a')).toBeUndefined();
    const found = { resolved: '/a', named: stats, local: true };
    settle('/a', found);
    settle('/b', { resolved: '/outside/b', named: null, local: true });
    await Promise.all([kept, elsewhere]);
    expect(lookups.settled('/a')).toBe(found);
    expect(lookups.settled('/b')).toBeUndefined();
    // A fresh lookup replaces the remembered one: nothing is known until it is done.
    lookups.fresh('/a');
    expect(lookups.settled('/a')).toBeUndefined();
  });

  it('keeps at most maxPaths, the least recently used going first', () => {
    const { lookups } = heldLookups(2);
    lookups.fresh('/a');
    lookups.fresh('/b');
    lookups.remembered('/a');
    lookups.fresh('/c');
    expect(lookups.size).toBe(2);
    expect(lookups.remembered('/b')).toBeUndefined();
    expect(lookups.remembered('/a')).toBeDefined();
  });

  it('refuses a negative bound', () => {
    expect(() => new PathLookups(-1)).toThrow(RangeError);
  });
});
