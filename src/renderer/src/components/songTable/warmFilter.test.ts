import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSongIndex } from './songIndex';
import { warmFilterWhenIdle } from './warmFilter';

const index = buildSongIndex(
  ['Harbor Lights', 'Glass Tide'].map((title, id) => ({
    id,
    title,
    artist: null,
    album: null,
    durationSeconds: null,
    hasCover: false,
  })),
);

/** A page whose idle callbacks run when `idle()` says so. */
function stubIdle() {
  const waiting = new Map<number, () => void>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (run: () => void) => {
    waiting.set(next, run);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => waiting.delete(handle));
  return {
    waiting,
    idle: () => {
      for (const run of waiting.values()) run();
      waiting.clear();
    },
  };
}

describe('warmFilterWhenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs the filter over the whole list once, when the page is idle, and reads every key', () => {
    const page = stubIdle();
    const read: number[] = [];
    const keys = new Proxy(index.searchKeys as string[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.push(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    warmFilterWhenIdle([1, 0], keys);
    expect(read).toEqual([]); // nothing before the page is idle
    expect(page.waiting.size).toBe(1);
    page.idle();
    expect(read).toEqual([1, 0]);
  });

  it('is cancelled by what it returns (a newer list), and waits for nothing when empty', () => {
    const page = stubIdle();
    const cancel = warmFilterWhenIdle([0, 1], index.searchKeys);
    cancel();
    expect(page.waiting.size).toBe(0);
    warmFilterWhenIdle([], index.searchKeys);
    expect(page.waiting.size).toBe(0);
  });

  it('does nothing where the page has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    expect(() => warmFilterWhenIdle([0, 1], index.searchKeys)()).not.toThrow();
  });
});
