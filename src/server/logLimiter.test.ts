import { describe, expect, it } from 'vitest';
import { LogLimiter } from './logLimiter';

function limiter(budget = { burstLines: 3, linesPerSecond: 1 }) {
  const lines: string[] = [];
  let now = 0;
  const log = new LogLimiter(
    (line) => lines.push(line),
    budget,
    () => now,
  );
  return { lines, log, advance: (ms: number) => (now += ms) };
}

describe('LogLimiter', () => {
  it('lets the burst through, then counts the rest', () => {
    const { lines, log } = limiter();
    for (let i = 0; i < 10; i++) log.log(`line ${i}`);
    expect(lines).toEqual(['line 0', 'line 1', 'line 2']);
    expect(log.suppressedLines).toBe(7);
  });

  it('summarises the dropped lines before the next line it lets through', () => {
    const { lines, log, advance } = limiter();
    for (let i = 0; i < 10; i++) log.log(`line ${i}`);
    advance(2_500);
    log.log('later');
    expect(lines.slice(3)).toEqual(['(7 more log lines suppressed over 2.5 s)', 'later']);
    expect(log.suppressedLines).toBe(0);
  });

  it('refills at its rate, never above the burst', () => {
    const { lines, log, advance } = limiter();
    advance(60_000);
    for (let i = 0; i < 5; i++) log.log(`line ${i}`);
    expect(lines).toHaveLength(3);
    advance(1_000);
    log.log('one more');
    advance(500);
    log.log('too soon');
    expect(lines.slice(3)).toEqual(['(2 more log lines suppressed over 1.0 s)', 'one more']);
  });

  it('writes the last summary at close, and nothing when there is none', () => {
    const { lines, log } = limiter();
    log.close();
    expect(lines).toEqual([]);
    for (let i = 0; i < 5; i++) log.log('x');
    log.close();
    expect(lines.at(-1)).toBe('(2 more log lines suppressed over 0.0 s)');
  });

  it('bounds the lines of any flood by the burst plus two per refill', () => {
    const { lines, log, advance } = limiter({ burstLines: 10, linesPerSecond: 2 });
    for (let i = 0; i < 100_000; i++) {
      log.log('flood');
      advance(0.1); // 10 s in all
    }
    log.close();
    expect(lines.length).toBeLessThanOrEqual(10 + 2 * 2 * 10 + 1);
  });
});
