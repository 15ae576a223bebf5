import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { overdueAt, RequestDeadline } from './requestDeadline';

describe('overdueAt', () => {
  it('is the earlier running deadline, or none', () => {
    expect(overdueAt({ awaitingFirstSince: null, partialSince: null }, 100)).toBe(null);
    expect(overdueAt({ awaitingFirstSince: 5, partialSince: null }, 100)).toBe(105);
    expect(overdueAt({ awaitingFirstSince: 5, partialSince: 3 }, 100)).toBe(103);
    expect(overdueAt({ awaitingFirstSince: null, partialSince: 50 }, 100)).toBe(150);
  });
});

describe('RequestDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function deadline() {
    const overdue = vi.fn();
    return { overdue, timer: new RequestDeadline(1_000, overdue, () => Date.now()) };
  }

  it('fires when no request comes, even if empty packets and bytes do', () => {
    const { overdue, timer } = deadline();
    vi.advanceTimersByTime(600);
    timer.update(false, true, true); // an empty packet, and half of another
    vi.advanceTimersByTime(399);
    expect(overdue).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(overdue).toHaveBeenCalledOnce();
  });

  it('stops after a request, and runs again only while a request is unfinished', () => {
    const { overdue, timer } = deadline();
    timer.update(true, true, false);
    vi.advanceTimersByTime(10_000);
    expect(overdue).not.toHaveBeenCalled();
    timer.update(false, false, true);
    vi.advanceTimersByTime(700);
    timer.update(false, false, true); // more bytes of the same request: no more time
    vi.advanceTimersByTime(300);
    expect(overdue).toHaveBeenCalledOnce();
  });

  it('gives a new request its own full time', () => {
    const { overdue, timer } = deadline();
    timer.update(true, true, true);
    vi.advanceTimersByTime(900);
    timer.update(false, true, true); // that one ended, the next began
    vi.advanceTimersByTime(900);
    expect(overdue).not.toHaveBeenCalled();
  });

  it('does not run while suspended, nor after stop', () => {
    const { overdue, timer } = deadline();
    timer.update(true, true, true);
    timer.suspend();
    vi.advanceTimersByTime(5_000);
    timer.resume();
    timer.update(false, false, true);
    vi.advanceTimersByTime(999);
    timer.stop();
    vi.advanceTimersByTime(5_000);
    expect(overdue).not.toHaveBeenCalled();
  });
});
