import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacerClock } from './pacerClock';

describe('PacerClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('wakes a thousand streams due within one tick with one timer, in the order they asked, not before', () => {
    vi.setSystemTime(0);
    vi.advanceTimersByTime(1000);
    const clock = new PacerClock(20);
    const woken: number[] = [];
    for (let i = 0; i < 1000; i++) clock.wakeAfter(1 + (i % 19), () => woken.push(i));
    expect(clock.waiting).toBe(1000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(19);
    expect(woken).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(woken).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(clock.waiting).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wakes later ticks later, each wake once', () => {
    const clock = new PacerClock(20);
    const woken: string[] = [];
    clock.wakeAfter(70, () => woken.push('late'));
    clock.wakeAfter(5, () => woken.push('early'));
    clock.wakeAfter(30, () => woken.push('middle'));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(20);
    expect(woken).toEqual(['early']);
    vi.advanceTimersByTime(20);
    expect(woken).toEqual(['early', 'middle']);
    vi.advanceTimersByTime(1000);
    expect(woken).toEqual(['early', 'middle', 'late']);
    expect(clock.waiting).toBe(0);
  });

  it('leaves nothing behind when a thousand waits are cancelled, and wakes none of them', () => {
    const clock = new PacerClock(20);
    let woken = 0;
    const wakes = Array.from({ length: 1000 }, (_, i) =>
      clock.wakeAfter(i * 3, () => (woken += 1)),
    );
    expect(clock.waiting).toBe(1000);
    for (const wake of wakes) wake.cancel();
    expect(clock.waiting).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(woken).toBe(0);
  });

  it('keeps its count when a wake is cancelled after it woke, or twice', () => {
    const clock = new PacerClock(20);
    const first = clock.wakeAfter(1, () => undefined);
    clock.wakeAfter(100, () => undefined);
    vi.advanceTimersByTime(20);
    first.cancel();
    first.cancel();
    expect(clock.waiting).toBe(1);
  });

  it('re-arms for an earlier tick asked after a later one, and drops the timer of a cancelled first tick', () => {
    const clock = new PacerClock(20);
    const woken: string[] = [];
    const later = clock.wakeAfter(500, () => woken.push('later'));
    clock.wakeAfter(10, () => woken.push('sooner'));
    vi.advanceTimersByTime(20);
    expect(woken).toEqual(['sooner']);
    later.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });
});
