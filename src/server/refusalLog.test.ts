import { describe, expect, it } from 'vitest';
import { RefusalLog } from './refusalLog';

describe('RefusalLog', () => {
  it('counts refusals per address and keeps the last reason, delay and cap', () => {
    let now = 1_000;
    const log = new RefusalLog(10, () => now);
    log.record('10.0.0.1', { reason: 'wrong-code', delayMs: 500, cappedUntil: null });
    now = 2_000;
    log.record('10.0.0.1', { reason: 'too-many', delayMs: 0, cappedUntil: 9_000 });
    expect(log.list()).toEqual([
      {
        address: '10.0.0.1',
        count: 2,
        reason: 'too-many',
        lastAt: 2_000,
        delayMs: 0,
        cappedUntil: 9_000,
      },
    ]);
  });

  it('keeps a bounded number of addresses, dropping the one refused longest ago', () => {
    const log = new RefusalLog(3);
    let changes = 0;
    log.on('changed', () => (changes += 1));
    const refuse = (address: string) =>
      log.record(address, { reason: 'no-proof', delayMs: 0, cappedUntil: null });
    for (const address of ['a', 'b', 'c']) refuse(address);
    refuse('a'); // refused again: now the latest
    refuse('d');
    expect(log.size).toBe(3);
    expect(log.list().map((row) => row.address)).toEqual(['d', 'a', 'c']);
    expect(changes).toBe(5);
  });

  it('hands out copies: the host cannot change the log', () => {
    const log = new RefusalLog();
    log.record('a', { reason: 'wrong-code', delayMs: 1, cappedUntil: null });
    log.list()[0].count = 99;
    expect(log.list()[0].count).toBe(1);
  });
});
