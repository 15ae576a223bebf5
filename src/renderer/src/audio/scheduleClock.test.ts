import { describe, expect, it } from 'vitest';
import { ScheduleClock } from './scheduleClock';

describe('ScheduleClock', () => {
  it('starts the first chunk a little ahead of now, on a context frame', () => {
    const clock = new ScheduleClock(44100, 0.1);
    const placement = clock.place(4410, 44100, 1.23456);
    expect(placement.underrun).toBe(false);
    expect(placement.startTime).toBeGreaterThanOrEqual(1.33456);
    expect(placement.startTime).toBeLessThan(1.33456 + 1 / 44100);
    const frame = placement.startTime * 44100;
    expect(frame).toBeCloseTo(Math.round(frame), 6);
  });

  it('places chunks back to back with no drift over a long run', () => {
    const clock = new ScheduleClock(44100, 0.1);
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
    const clock = new ScheduleClock(48000, 0.05);
    const a = clock.place(1000, 48000, 2);
    const b = clock.place(333, 48000, 2.01);
    expect(b.startTime).toBeCloseTo(a.startTime + 1000 / 48000, 12);
    expect(b.underrun).toBe(false);
  });

  it('restarts ahead of now and reports an underrun when the queue ran dry', () => {
    const clock = new ScheduleClock(44100, 0.1);
    clock.place(4410, 44100, 0); // ends at about 0.2
    const late = clock.place(4410, 44100, 5);
    expect(late.underrun).toBe(true);
    expect(late.startTime).toBeGreaterThanOrEqual(5.1);
    expect(late.startTime).toBeLessThan(5.1 + 1 / 44100);
  });

  it('continues exactly at the previous end when the sample rate changes', () => {
    const clock = new ScheduleClock(44100, 0.1);
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

describe('ScheduleClock lead', () => {
  it('starts a fresh run by default under 0.1 s ahead of now (a click is not held back)', () => {
    const clock = new ScheduleClock(44100);
    const { startTime } = clock.place(2205, 44100, 2);
    // More than the 50 ms first chunk (the wait for the second), less than the old 0.1 s.
    expect(startTime - 2).toBeGreaterThan(0.05);
    expect(startTime - 2).toBeLessThan(0.08);
  });

  it('doubles the lead of later fresh runs after each underrun, up to a bound', () => {
    const clock = new ScheduleClock(44100, 0.03, 0.01, 0.2);
    const leads: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      clock.place(441, 44100, now); // 10 ms, then the next chunk comes a second late
      now += 1;
      const late = clock.place(441, 44100, now);
      expect(late.underrun).toBe(true);
      leads.push(clock.lead);
      clock.reset(); // a new song starts a fresh run with the grown lead
      const fresh = clock.place(441, 44100, now);
      expect(fresh.startTime - now).toBeGreaterThanOrEqual(clock.lead - 1 / 44100);
      now += 1;
      clock.reset();
    }
    expect(leads).toEqual([0.06, 0.12, 0.2, 0.2, 0.2, 0.2]);
  });

  it('keeps its lead when the audio keeps up', () => {
    const clock = new ScheduleClock(44100, 0.03);
    for (let i = 0; i < 100; i++) clock.place(441, 44100, i * 0.005);
    expect(clock.lead).toBe(0.03);
  });
});

describe('ScheduleClock lead after clean songs', () => {
  it('halves a grown lead back, not below where it began, after each clean 10 s', () => {
    const clock = new ScheduleClock(44100, 0.03, 0.01, 0.2);
    let now = 0;
    for (let i = 0; i < 3; i++) {
      clock.place(441, 44100, now);
      now += 1;
      clock.place(441, 44100, now); // late: an underrun
    }
    expect(clock.lead).toBe(0.2);
    const leads: number[] = [];
    for (let song = 0; song < 5; song++) {
      clock.reset();
      for (let i = 0; i < 40; i++) clock.place(11025, 44100, now); // 10 s queued in time
      clock.reset();
      leads.push(clock.lead);
    }
    expect(leads).toEqual([0.1, 0.05, 0.03, 0.03, 0.03]);
  });

  it('keeps a grown lead when the songs between are short or underrun', () => {
    const clock = new ScheduleClock(44100, 0.03, 0.01, 0.2);
    clock.place(441, 44100, 0);
    clock.place(441, 44100, 1); // underrun: 0.06
    clock.reset();
    for (let i = 0; i < 10; i++) clock.place(11025, 44100, 1); // 2.5 s only
    clock.reset();
    expect(clock.lead).toBe(0.06);
  });
});
