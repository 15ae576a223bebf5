import { describe, expect, it } from 'vitest';
import { StreamTimeline } from './streamTimeline';

describe('StreamTimeline', () => {
  it('reports what is audible, played and buffered across a stream boundary', () => {
    const timeline = new StreamTimeline();
    timeline.add(1, 10, 0.5);
    timeline.add(1, 10.5, 0.5);
    timeline.add(2, 11, 1);

    expect(timeline.streamAt(9)).toBe(1);
    expect(timeline.isPlayingAt(9)).toBe(false);
    expect(timeline.bufferedAhead(9)).toBeCloseTo(2);

    expect(timeline.streamAt(10.75)).toBe(1);
    expect(timeline.played(1, 10.75)).toBeCloseTo(0.75);
    expect(timeline.bufferedAhead(10.75)).toBeCloseTo(1.25);

    expect(timeline.streamAt(11.25)).toBe(2);
    expect(timeline.played(1, 11.25)).toBeCloseTo(1);
    expect(timeline.played(2, 11.25)).toBeCloseTo(0.25);
    expect(timeline.holds(1)).toBe(false);
    expect(timeline.holds(2)).toBe(true);
  });

  it('counts a gap after an underrun as not playing, and does not count it as played', () => {
    const timeline = new StreamTimeline();
    timeline.add(3, 0, 1);
    timeline.add(3, 2, 1);
    expect(timeline.isPlayingAt(1.5)).toBe(false);
    expect(timeline.streamAt(1.5)).toBe(3);
    expect(timeline.played(3, 1.5)).toBeCloseTo(1);
    expect(timeline.played(3, 2.5)).toBeCloseTo(1.5);
  });

  it('keeps a played total only for the last stream that finished', () => {
    const timeline = new StreamTimeline();
    for (let streamId = 1; streamId <= 50; streamId++) timeline.add(streamId, streamId, 1);
    expect(timeline.size).toBe(50);
    expect(timeline.played(30, 30.5)).toBeCloseTo(0.5);
    expect(timeline.size).toBe(21 + 1);
    expect(timeline.played(50, 100)).toBeCloseTo(1);
    expect(timeline.streamAt(100)).toBe(50);
    expect(timeline.size).toBe(1);
  });

  it('remembers the last stream once everything has played, and forgets on clear', () => {
    const timeline = new StreamTimeline();
    timeline.add(4, 0, 1);
    expect(timeline.streamAt(5)).toBe(4);
    expect(timeline.bufferedAhead(5)).toBe(0);
    expect(timeline.played(4, 5)).toBeCloseTo(1);
    timeline.clear();
    expect(timeline.streamAt(5)).toBeNull();
    expect(timeline.played(4, 5)).toBe(0);
  });

  it('tells where a stream ends and forgets the streams after it', () => {
    const timeline = new StreamTimeline();
    timeline.add(1, 10, 0.5);
    timeline.add(1, 10.5, 0.5);
    timeline.add(2, 11, 1);
    timeline.add(3, 12, 1);
    expect(timeline.endOf(1, 10.2)).toBe(11);
    expect(timeline.endOf(2, 10.2)).toBe(12);
    timeline.dropAfter(1);
    expect(timeline.bufferedAhead(10.2)).toBeCloseTo(0.8);
    expect(timeline.holds(2)).toBe(false);
    expect(timeline.endOf(1, 11.5)).toBeNull(); // played out
  });
});
