import { describe, expect, it } from 'vitest';
import { ReconnectLoop } from './reconnectLoop';

const quick = { initialMs: 5, maxMs: 20, jitter: 0, maxAttempts: 6 };

describe('ReconnectLoop', () => {
  it('retries with the backoff waits until an attempt succeeds', async () => {
    const waits: Array<[number, number]> = [];
    let calls = 0;
    const loop = new ReconnectLoop(
      quick,
      async () => ++calls === 4,
      (attempt, delayMs) => waits.push([attempt, delayMs]),
    );
    expect(await loop.run()).toBe(true);
    expect(calls).toBe(4);
    expect(waits).toEqual([
      [1, 5],
      [2, 10],
      [3, 20],
      [4, 20],
    ]);
  });

  it('gives up after maxAttempts', async () => {
    let calls = 0;
    const loop = new ReconnectLoop(quick, async () => (calls++, false));
    expect(await loop.run()).toBe(false);
    expect(calls).toBe(6);
  });

  it('stops retrying once cancelled, also in the middle of a wait', async () => {
    let calls = 0;
    const loop = new ReconnectLoop({ ...quick, initialMs: 60_000, maxMs: 60_000 }, async () => {
      calls++;
      return true;
    });
    const result = loop.run();
    loop.cancel();
    expect(await result).toBe(false);
    expect(calls).toBe(0);
    expect(loop.isCancelled).toBe(true);
  });

  it('does not report success for an attempt that finished after cancel', async () => {
    let loop: ReconnectLoop | null = null;
    loop = new ReconnectLoop(quick, async () => {
      loop?.cancel();
      return true;
    });
    expect(await loop.run()).toBe(false);
  });

  it('tries at once when hurried instead of waiting out a long wait', async () => {
    let calls = 0;
    const loop = new ReconnectLoop({ ...quick, initialMs: 60_000, maxMs: 60_000 }, async () => {
      calls++;
      return true;
    });
    const result = loop.run();
    loop.hurry();
    expect(await result).toBe(true);
    expect(calls).toBe(1);
  });
});
