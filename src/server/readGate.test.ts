import { describe, expect, it } from 'vitest';
import { ReadGate } from './readGate';

/** A read that settles only when the test says so. */
function heldRead() {
  let settle: (ok: boolean) => void = () => {};
  const promise = new Promise<string>((resolve, reject) => {
    settle = (ok) => (ok ? resolve('done') : reject(new Error('read failed')));
  });
  return { promise, settle };
}

describe('ReadGate', () => {
  it('never runs more than maxActive reads at once, and starts the waiting ones in arrival order', async () => {
    const gate = new ReadGate(2);
    const reads = Array.from({ length: 5 }, () => heldRead());
    const started: number[] = [];
    const results = reads.map((read, index) =>
      gate.run(() => {
        started.push(index);
        return read.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(3);
    reads[1].settle(true);
    await results[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // A failed read frees its slot too.
    reads[0].settle(false);
    await expect(results[0]).rejects.toThrow('read failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const read of reads) read.settle(true);
    await Promise.allSettled(results);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.queued).toBe(0);
  });

  it('frees every slot once all reads are over, so later reads start at once', async () => {
    const gate = new ReadGate(1);
    await gate.run(async () => 1);
    await expect(gate.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    let ran = false;
    const next = gate.run(async () => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(true);
    await next;
  });

  it('refuses a bound under one', () => {
    expect(() => new ReadGate(0)).toThrow(RangeError);
  });
});
