import { describe, expect, it } from 'vitest';
import { ScheduleClock } from './scheduleClock';

describe('ScheduleClock', () => {
  it('starts the first chunk a little ahead of now, on a context frame', () => {
    const clock = new ScheduleClock(44100, { expectedWaitSeconds: 0.2 });
    const placement = clock.place(4410, 44100, 1.23456); // 0.1 s queued: 0.1 s lead
    expect(placement.underrun).toBe(false);
    expect(placement.startTime).toBeGreaterThanOrEqual(1.33456);
    expect(placement.startTime).toBeLessThan(1.33456 + 1 / 44100);
    const frame = placement.startTime * 44100;
    expect(frame).toBeCloseTo(Math.round(frame), 6);
  });

  it('places chunks back to back with no drift over a long run', () => {
    const clock = new ScheduleClock(44100);
    const first = clock.place(1153, 44100, 0).startTime;
    let start = first;
    for (let i = 1; i <= 10_000; i++) {
      start = clock.place(1153, 44100, 0).startTime;
    }
    // Exactly 10,000 chunks of 1153 frames later, computed without accumulation.
    expect(start).toBe(first + (10_000 * 1153) / 44100);
    expect(clock.endTime).toBe(first + (10_001 * 1153) / 44100);
  });

  it('each chunk starts where the previous one ends', () => {
    const clock = new ScheduleClock(48000);
    const a = clock.place(1000, 48000, 2);
    const b = clock.place(333, 48000, 2.01);
    expect(b.startTime).toBeCloseTo(a.startTime + 1000 / 48000, 12);
    expect(b.underrun).toBe(false);
  });

  it('restarts ahead of now and reports an underrun when the queue ran dry', () => {
    const clock = new ScheduleClock(44100, { expectedWaitSeconds: 0.1 });
    clock.place(441, 44100, 0); // ends at about 0.1
    const late = clock.place(441, 44100, 5);
    expect(late.underrun).toBe(true);
    // The expected wait doubled to 0.2 s, less the 10 ms queued.
    expect(late.startTime).toBeGreaterThanOrEqual(5.19);
    expect(late.startTime).toBeLessThanOrEqual(5.19 + 1 / 44100 + 1e-9);
  });

  it('continues exactly at the previous end when the sample rate changes', () => {
    const clock = new ScheduleClock(44100);
    clock.place(22050, 44100, 0); // 0.5 s
    const end = clock.endTime;
    const next = clock.place(8000, 8000, 0.2);
    expect(next.underrun).toBe(false);
    expect(next.startTime).toBe(end);
    expect(clock.endTime).toBeCloseTo(end + 1, 12);
  });

  it('is empty again after reset', () => {
    const clock = new ScheduleClock(44100);
    clock.place(100, 44100, 0);
    expect(clock.isEmpty).toBe(false);
    clock.reset();
    expect(clock.isEmpty).toBe(true);
    expect(clock.endTime).toBe(0);
  });
});

describe('ScheduleClock lead from what is queued', () => {
  const minimumLeadSeconds = 0.013;

  it('starts a first chunk that covers the wait for the next after the least lead only', () => {
    const clock = new ScheduleClock(44100, { minimumLeadSeconds });
    const { startTime } = clock.place(6615, 44100, 2); // 0.15 s, more than the 0.11 s wait
    expect(startTime - 2).toBeGreaterThanOrEqual(minimumLeadSeconds);
    expect(startTime - 2).toBeLessThan(minimumLeadSeconds + 1 / 44100);
  });

  it('holds a tiny first chunk back just enough for the next to follow on', () => {
    const clock = new ScheduleClock(44100, { minimumLeadSeconds });
    const first = clock.place(441, 44100, 2); // 10 ms
    expect(first.startTime - 2).toBeCloseTo(0.1, 4);
    // The next chunk arriving the expected 0.11 s later, less the margin, still follows on.
    const next = clock.place(441, 44100, 2 + 0.11 - 0.0101);
    expect(next.underrun).toBe(false);
    expect(next.startTime).toBe(first.startTime + 441 / 44100);
  });

  it('starts the usual 50 ms first chunk 60 ms ahead, as before', () => {
    const clock = new ScheduleClock(44100, { minimumLeadSeconds });
    const { startTime } = clock.place(2205, 44100, 2);
    expect(startTime - 2).toBeCloseTo(0.06, 4);
  });

  it('doubles the expected wait after each underrun, up to a bound', () => {
    const clock = new ScheduleClock(44100, {
      expectedWaitSeconds: 0.04,
      minimumLeadSeconds,
      maxWaitSeconds: 0.25,
    });
    const leads: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      clock.place(441, 44100, now); // 10 ms, then the next chunk comes a second late
      now += 1;
      const late = clock.place(441, 44100, now);
      expect(late.underrun).toBe(true);
      clock.reset(); // a new song starts a fresh run with the grown wait
      const fresh = clock.place(441, 44100, now);
      leads.push(Math.round((fresh.startTime - now) * 1000) / 1000);
      now += 1;
      clock.reset();
    }
    // Expected waits 0.08, 0.16, 0.25, 0.25…, less the 10 ms queued.
    expect(leads).toEqual([0.07, 0.15, 0.24, 0.24, 0.24, 0.24]);
  });

  it('keeps its expected wait when the audio keeps up', () => {
    const clock = new ScheduleClock(44100, { expectedWaitSeconds: 0.03 });
    for (let i = 0; i < 100; i++) clock.place(441, 44100, i * 0.005);
    expect(clock.expectedWait).toBe(0.03);
  });
});

describe('ScheduleClock expected wait after clean songs', () => {
  it('halves a grown wait back, not below where it began, after each clean 10 s', () => {
    const clock = new ScheduleClock(44100, { expectedWaitSeconds: 0.03, maxWaitSeconds: 0.2 });
    let now = 0;
    for (let i = 0; i < 3; i++) {
      clock.place(441, 44100, now);
      now += 1;
      clock.place(441, 44100, now); // late: an underrun
    }
    expect(clock.expectedWait).toBe(0.2);
    const waits: number[] = [];
    for (let song = 0; song < 5; song++) {
      clock.reset();
      for (let i = 0; i < 40; i++) clock.place(11025, 44100, now); // 10 s queued in time
      clock.reset();
      waits.push(clock.expectedWait);
    }
    expect(waits).toEqual([0.1, 0.05, 0.03, 0.03, 0.03]);
  });

  it('keeps a grown wait when the songs between are short or underrun', () => {
    const clock = new ScheduleClock(44100, { expectedWaitSeconds: 0.03 });
    clock.place(441, 44100, 0);
    clock.place(441, 44100, 1); // underrun: 0.06
    clock.reset();
    for (let i = 0; i < 10; i++) clock.place(11025, 44100, 1); // 2.5 s only
    clock.reset();
    expect(clock.expectedWait).toBe(0.06);
  });
});
