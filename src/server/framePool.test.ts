import { describe, expect, it } from 'vitest';
import { FramePool } from './framePool';

describe('FramePool', () => {
  it('gives a buffer of the next power of two, at least 4 KiB', () => {
    const pool = new FramePool(4);
    expect(pool.take(1).length).toBe(4096);
    expect(pool.take(4097).length).toBe(8192);
    expect(pool.take(16 * 4096).length).toBe(65536);
  });

  it('hands a buffer given back out again, for the same size only', () => {
    const pool = new FramePool(4);
    const buffer = pool.take(20_000);
    pool.give(buffer);
    expect(pool.take(10_000)).not.toBe(buffer);
    expect(pool.take(17_000)).toBe(buffer);
    expect(pool.spareCount).toBe(0);
  });

  it('keeps at most maxSpare of each size', () => {
    const pool = new FramePool(2);
    const buffers = [pool.take(5000), pool.take(5000), pool.take(5000)];
    for (const buffer of buffers) pool.give(buffer);
    expect(pool.spareCount).toBe(2);
  });

  it('does not pool buffers it did not make: larger ones, views, odd sizes', () => {
    const pool = new FramePool(4);
    const large = pool.take(200_000);
    expect(large.length).toBe(200_000);
    pool.give(large);
    pool.give(Buffer.alloc(8192).subarray(4096));
    pool.give(Buffer.alloc(5000));
    expect(pool.spareCount).toBe(0);
  });
});
