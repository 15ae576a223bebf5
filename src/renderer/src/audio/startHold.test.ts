import { describe, expect, it } from 'vitest';
import type { AudioChunk } from '../../../shared/tidewaveApi';
import { ScheduleClock } from './scheduleClock';
import { HOLD_FROM_LEAD_SECONDS, holdsFirstChunk, StartHold } from './startHold';

const RATE = 44100;
const minimumLeadSeconds = 0.013;
const chunk = (frames: number, streamId = 1, sampleRate = RATE): AudioChunk => ({
  streamId,
  sampleRate,
  channels: [new Float32Array(frames), new Float32Array(frames)],
});

/** What the engine does: hold a fresh run's first chunk while its lead is long, then place. */
function holdThenPlace(clock: ScheduleClock, first: AudioChunk, at: number) {
  const lead = clock.leadFor(first.channels[0].length / first.sampleRate);
  const held = holdsFirstChunk({ waitSeen: clock.waitSeen, leadSeconds: lead });
  expect(clock.startsFresh(at) && held).toBe(true);
  const hold = new StartHold(first, at, at + lead);
  return { hold, planned: at + lead };
}

describe('holdsFirstChunk', () => {
  it('holds until a wait has been seen, then only runs with a long lead', () => {
    const short = minimumLeadSeconds;
    expect(holdsFirstChunk({ waitSeen: false, leadSeconds: short })).toBe(true);
    expect(holdsFirstChunk({ waitSeen: true, leadSeconds: short })).toBe(false);
    expect(holdsFirstChunk({ waitSeen: true, leadSeconds: 0.07 })).toBe(false);
    expect(holdsFirstChunk({ waitSeen: true, leadSeconds: HOLD_FROM_LEAD_SECONDS })).toBe(true);
  });

  it('a new clock holds even a first chunk that covers its cold wait; one that saw quick waits does not', () => {
    const clock = new ScheduleClock(RATE, { minimumLeadSeconds });
    const decide = (seconds: number) =>
      holdsFirstChunk({ waitSeen: clock.waitSeen, leadSeconds: clock.leadFor(seconds) });
    expect(decide(0.184)).toBe(true); // an MP3's first decoded slice: lead 16 ms
    clock.place(8111, RATE, 0);
    clock.place(11025, RATE, 0.02); // the next chunk came 20 ms later
    clock.reset();
    expect(clock.waitSeen).toBe(true);
    expect(decide(0.05)).toBe(false);
    expect(decide(0.184)).toBe(false);
  });

  it('holds again once slow deliveries made the lead long', () => {
    const clock = new ScheduleClock(RATE, { minimumLeadSeconds });
    clock.place(2205, RATE, 0);
    clock.place(11025, RATE, 0.2); // 0.2 s: 1.5 x 0.2 = 0.3, kept to 0.25
    clock.reset();
    expect(holdsFirstChunk({ waitSeen: true, leadSeconds: clock.leadFor(0.05) })).toBe(true);
  });
});

describe('a held start, placed by the clock', () => {
  it('next chunk before the planned start: both start there, back to back (no cost)', () => {
    const clock = new ScheduleClock(RATE, { minimumLeadSeconds });
    const { hold, planned } = holdThenPlace(clock, chunk(2205), 2);
    const { chunks, run } = hold.release(chunk(11025));
    expect(run).toMatchObject({ since: 2, nextArrived: true });
    expect(run.queuedSeconds).toBeCloseTo(0.3, 12);
    const a = clock.place(2205, RATE, 2.03, run);
    const b = clock.place(11025, RATE, 2.03);
    expect(chunks).toHaveLength(2);
    expect(a.startTime).toBeGreaterThanOrEqual(planned);
    expect(a.startTime).toBeLessThan(planned + 1 / RATE);
    expect(b).toEqual({ startTime: a.startTime + 2205 / RATE, underrun: false });
    // The wait seen is the 30 ms from the first chunk's arrival, not 0.
    expect(clock.expectedWait).toBe(0.05);
  });

  it('next chunk long after the planned start: the run starts then, whole, no gap', () => {
    const clock = new ScheduleClock(RATE, { minimumLeadSeconds });
    const { hold, planned } = holdThenPlace(clock, chunk(2205), 2);
    const late = 2.6; // 0.6 s: the first chunk alone would have ended 0.4 s before
    const { run } = hold.release(chunk(11025));
    const a = clock.place(2205, RATE, late, run);
    const b = clock.place(11025, RATE, late);
    expect(a.startTime).toBeGreaterThan(planned);
    expect(a.startTime - late).toBeGreaterThanOrEqual(minimumLeadSeconds);
    expect(a.startTime - late).toBeLessThan(minimumLeadSeconds + 1 / RATE);
    expect(b).toEqual({ startTime: a.startTime + 2205 / RATE, underrun: false });
    // The slow wait is learned: the next fresh run gets the longest lead allowed.
    expect(clock.expectedWait).toBe(0.25);
  });

  it('without a next chunk (stream over, or the hold timed out): the first plays alone', () => {
    const clock = new ScheduleClock(RATE, { minimumLeadSeconds });
    const { hold } = holdThenPlace(clock, chunk(2205), 2);
    const { chunks, run } = hold.release(null);
    expect(chunks).toHaveLength(1);
    expect(run.nextArrived).toBe(false);
    const a = clock.place(2205, RATE, 3, run);
    expect(a.underrun).toBe(false);
    // No wait was seen; its own 50 ms against the cold 0.2 s wait sets the lead.
    expect(a.startTime - 3).toBeCloseTo(0.15, 4);
    expect(clock.expectedWait).toBe(0.2);
  });

  it('a chunk of another stream or rate does not continue the held run', () => {
    const hold = new StartHold(chunk(2205, 1), 0, 0.15);
    expect(hold.continues(chunk(100, 1))).toBe(true);
    expect(hold.continues(chunk(100, 2))).toBe(false);
    expect(hold.continues(chunk(100, 1, 48000))).toBe(false);
    expect(hold.streamId).toBe(1);
  });
});
