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
