import { describe, expect, it } from 'vitest';
import { ScheduleClock } from './scheduleClock';

describe('ScheduleClock', () => {
  it('starts the first chunk a little ahead of now, on a context frame', () => {
    const clock = new ScheduleClock(44100, { coldWaitSeconds: 0.2 });
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
    const clock = new ScheduleClock(44100, { coldWaitSeconds: 0.1 });
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

  it('takes back what follows a stream, so the next chunk follows on at its end', () => {
    const clock = new ScheduleClock(44100);
    clock.place(22050, 44100, 0); // 0.5 s of the song that plays on
    const end = clock.endTime;
    clock.place(44100, 48000, 0.1); // a song appended after it, taken back
    expect(clock.rewindTo(end, 0.2)).toBe(true);
    expect(clock.place(4410, 44100, 0.2).startTime).toBe(end);
    expect(clock.endTime).toBeCloseTo(end + 0.1, 12);
    // At another rate too, and never closer to now than the margin (too late: unchanged).
    expect(clock.rewindTo(end, 0.2)).toBe(true);
    expect(clock.place(800, 8000, 0.2).startTime).toBe(end);
    const before = clock.endTime;
    expect(clock.rewindTo(end, end - 0.001)).toBe(false);
    expect(clock.endTime).toBe(before);
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
    const { startTime } = clock.place(11025, 44100, 2); // 0.25 s, more than the cold 0.2 s wait
    expect(startTime - 2).toBeGreaterThanOrEqual(minimumLeadSeconds);
    expect(startTime - 2).toBeLessThan(minimumLeadSeconds + 1 / 44100);
  });

  it('holds a tiny first chunk back just enough for the next to follow on', () => {
    const clock = new ScheduleClock(44100, { minimumLeadSeconds });
    const first = clock.place(441, 44100, 2); // 10 ms
    expect(first.startTime - 2).toBeCloseTo(0.19, 4);
    // The next chunk arriving the expected 0.2 s later, less the margin, still follows on.
    const next = clock.place(441, 44100, 2 + 0.2 - minimumLeadSeconds - 0.0001);
    expect(next.underrun).toBe(false);
    expect(next.startTime).toBe(first.startTime + 441 / 44100);
  });

  it('restarts a follow-on whose queue ends within the least lead, as an underrun', () => {
    const clock = new ScheduleClock(44100, { minimumLeadSeconds });
    const first = clock.place(11025, 44100, 2); // 0.25 s, started after the least lead
    const end = first.startTime + 0.25;
    // 11.5 ms of queue left: under the least lead, so the queue's end may be rendered already.
    const now = end - 0.0115;
    const late = clock.place(441, 44100, now);
    expect(late.underrun).toBe(true);
    expect(late.startTime - now).toBeGreaterThanOrEqual(minimumLeadSeconds);
    // With the least lead and a little more left it follows on, sample-exact.
    const onTime = new ScheduleClock(44100, { minimumLeadSeconds });
    const start = onTime.place(11025, 44100, 2).startTime;
    const next = onTime.place(441, 44100, start + 0.25 - minimumLeadSeconds - 0.0001);
    expect(next.underrun).toBe(false);
    expect(next.startTime).toBe(start + 11025 / 44100);
  });

  it('expects the longest wait of the last runs, with headroom, once it has seen some', () => {
    const clock = new ScheduleClock(44100, { minimumLeadSeconds });
    const run = (now: number, wait: number, frames = 2205) => {
      const first = clock.place(frames, 44100, now); // 50 ms unless told
      clock.place(2205, 44100, now + wait);
      clock.reset();
      return first.startTime - now;
    };
    expect(run(0, 0.02)).toBeCloseTo(0.15, 4); // cold: 0.2 s less the 50 ms queued
    // Quick second chunks (20 ms): the least wait, 50 ms, which the first chunk covers.
    expect(run(1, 0.02)).toBeCloseTo(minimumLeadSeconds, 4);
    run(2, 0.1, 11025); // one slow second chunk (0.25 s queued): 1.5 × 0.1 s expected now
    expect(clock.expectedWait).toBeCloseTo(0.15, 12);
    expect(run(3, 0.02)).toBeCloseTo(0.1, 4);
    // Forgotten after four runs.
    for (let i = 4; i < 8; i++) run(i, 0.02);
    expect(clock.expectedWait).toBe(0.05);
  });

  it('doubles a floor under the expected wait after each underrun, up to a bound', () => {
    const clock = new ScheduleClock(44100, {
      coldWaitSeconds: 0.04,
      minWaitSeconds: 0.04,
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

  it('keeps to its least wait when the audio keeps up', () => {
    const clock = new ScheduleClock(44100, { minWaitSeconds: 0.03 });
    for (let i = 0; i < 100; i++) clock.place(441, 44100, i * 0.005);
    expect(clock.expectedWait).toBe(0.03);
  });
});

describe('ScheduleClock expected wait after clean songs', () => {
  const grown = { coldWaitSeconds: 0.03, minWaitSeconds: 0.03 };

  it('halves a grown wait back, not below where it began, after each clean 10 s', () => {
    const clock = new ScheduleClock(44100, { ...grown, maxWaitSeconds: 0.2 });
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
    const clock = new ScheduleClock(44100, grown);
    clock.place(441, 44100, 0);
    clock.place(441, 44100, 1); // underrun: 0.06
    clock.reset();
    for (let i = 0; i < 10; i++) clock.place(11025, 44100, 1); // 2.5 s only
    clock.reset();
    expect(clock.expectedWait).toBe(0.06);
  });
});
