import { describe, expect, it } from 'vitest';
import { SliceClock } from './sliceClock';

describe('SliceClock', () => {
  it('says a slice is due once its budget is used, and starts a new one after a pause', async () => {
    let now = 100;
    const clock = new SliceClock(4, () => now);
    expect(clock.due()).toBe(false);
    now = 103.9;
    expect(clock.due()).toBe(false);
    now = 104;
    expect(clock.due()).toBe(true);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await new Promise((resolve) => setTimeout(resolve, 5)); // let the 0 ms timer be due
    timerRan = false;
    setImmediate(() => (timerRan = true));
    await clock.pause(); // the event loop ran in between
    expect(timerRan).toBe(true);
    expect(clock.due()).toBe(false);
    now = 108;
    expect(clock.due()).toBe(true);
  });
});
