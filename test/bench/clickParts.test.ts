import { describe, expect, it } from 'vitest';
import { CLICK_PARTS, leavesAt, splitClick } from '../../bench/clickParts';

describe('click to sound parts', () => {
  const marks = {
    click: 1000,
    dispatched: 1001.5,
    sent: 1004,
    handled: 1006.5,
    decoderReady: 1007,
    firstBytes: 1009,
    firstAudio: 1013,
    queued: 1020,
    heldMs: 0,
    marginMs: 30,
    leaves: 1092,
  };

  it('follow one another and add up to the whole click to sound', () => {
    const split = splitClick(marks);
    expect(split.total).toBe(92);
    const sum = CLICK_PARTS.reduce((total, part) => total + split.parts[part], 0);
    expect(sum).toBeCloseTo(split.total, 9);
    expect(split.parts['scheduling margin']).toBe(30);
    expect(split.parts['output latency']).toBe(42);
    expect(split.parts['IPC to the page (test bridge)']).toBe(7);
    expect(split.parts['input: click → page handles it (Chromium)']).toBe(1.5);
    expect(split.parts['renderer: handler → request sent']).toBe(2.5);
  });

  it('counts a first chunk held for its next one apart from the IPC before it', () => {
    const split = splitClick({ ...marks, queued: 1032, heldMs: 12, leaves: 1104 });
    expect(split.parts['IPC to the page (test bridge)']).toBe(7);
    expect(split.parts['held for the next chunk (a first play)']).toBe(12);
    const sum = CLICK_PARTS.reduce((total, part) => total + split.parts[part], 0);
    expect(sum).toBeCloseTo(split.total, 9);
  });

  it('finds when a scheduled sample leaves from the output timestamp', () => {
    // The sample at context time 2.0 s left at 5000 ms; one 0.25 s later leaves 250 ms later.
    expect(leavesAt(2.25, { contextTime: 2, performanceTime: 5000 })).toBeCloseTo(5250, 9);
    expect(leavesAt(1.5, { contextTime: 2, performanceTime: 5000 })).toBeCloseTo(4500, 9);
  });
});
