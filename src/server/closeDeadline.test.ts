import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseDeadline } from './closeDeadline';

describe('CloseDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function deadline() {
    const drop = vi.fn();
    return { drop, close: new CloseDeadline(drop, () => Date.now()) };
  }

  it('drops once, when the wait is over', () => {
    const { drop, close } = deadline();
    close.within(30_000);
    vi.advanceTimersByTime(29_999);
    expect(drop).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(drop).toHaveBeenCalledTimes(1);
  });

  it('a shorter wait asked later moves the drop earlier', () => {
    const { drop, close } = deadline();
    close.within(30_000);
    vi.advanceTimersByTime(1_000);
    close.within(2_000);
    vi.advanceTimersByTime(2_000);
    expect(drop).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(drop).toHaveBeenCalledTimes(1);
  });

  it('a longer wait asked later does not move it later', () => {
    const { drop, close } = deadline();
    close.within(2_000);
    close.within(30_000);
    vi.advanceTimersByTime(2_000);
    expect(drop).toHaveBeenCalledTimes(1);
  });
});
