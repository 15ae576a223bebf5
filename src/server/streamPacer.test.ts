import { describe, expect, it } from 'vitest';
import {
  FALLBACK_BYTES_PER_SECOND,
  packetsPerBatch,
  StreamPacer,
  songBytesPerSecond,
  steadyPacketsPerBatch,
} from './streamPacer';

function fakeClock() {
  const clock = { time: 0, now: () => clock.time };
  return clock;
}

/** Sends `packetBytes` packets as soon as the pacer allows until `untilMs`; returns bytes sent. */
function sendGreedily(
  pacer: StreamPacer,
  clock: { time: number },
  packetBytes: number,
  untilMs: number,
) {
  let sent = 0;
  for (;;) {
    const wait = pacer.delayMs(packetBytes);
    if (clock.time + wait > untilMs) return sent;
    clock.time += wait;
    pacer.consume(packetBytes);
    sent += packetBytes;
  }
}

describe('StreamPacer', () => {
  it('allows the burst at once, then waits', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(10_000, { burstSeconds: 4, rateFactor: 1.5 }, clock.now);
    expect(sendGreedily(pacer, clock, 1_000, 0)).toBe(40_000);
    // The next 1000 bytes need 1000 / 15 bytes per ms, rounded up.
    expect(pacer.delayMs(1_000)).toBe(67);
  });

  it('refills at rateFactor times the byte rate after the burst', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(10_000, { burstSeconds: 4, rateFactor: 1.5 }, clock.now);
    const sent = sendGreedily(pacer, clock, 1_000, 10_000);
    // Burst 40 000 + 10 s at 15 000 B/s, within one packet.
    expect(sent).toBeGreaterThanOrEqual(190_000 - 1_000);
    expect(sent).toBeLessThanOrEqual(190_000);
  });

  it('does not bank more than the burst while idle', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(10_000, { burstSeconds: 2, rateFactor: 1 }, clock.now);
    sendGreedily(pacer, clock, 1_000, 0);
    clock.time += 60_000;
    expect(sendGreedily(pacer, clock, 1_000, clock.time)).toBe(20_000);
  });

  it('lets a packet larger than the bucket through once the bucket is full', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(100, { burstSeconds: 1, rateFactor: 1 }, clock.now);
    expect(pacer.delayMs(4_096)).toBe(0);
    pacer.consume(4_096);
    // Debt of 3996 bytes plus a full bucket of 100, at 0.1 B/ms.
    expect(pacer.delayMs(4_096)).toBe(40_960);
  });

  it('uses the defaults of 4 s burst and 1.5x rate', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(1_000, {}, clock.now);
    expect(sendGreedily(pacer, clock, 100, 0)).toBe(4_000);
    expect(sendGreedily(pacer, clock, 100, 1_000)).toBe(1_500);
  });
});

describe('StreamPacer lead cap', () => {
  it('keeps a reader that takes everything within maxLeadSeconds of real time', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(
      1_000,
      { burstSeconds: 4, rateFactor: 1.5, maxLeadSeconds: 6 },
      clock.now,
    );
    // Unbounded, 60 s at 1.5x after a 4 s burst would be 94 000 bytes: 34 s ahead.
    const sent = sendGreedily(pacer, clock, 100, 60_000);
    expect(sent).toBeLessThanOrEqual(66_000);
    expect(sent).toBeGreaterThanOrEqual(66_000 - 100);
  });

  it('still lets a stream that fell behind catch up at the refill rate', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(
      1_000,
      { burstSeconds: 4, rateFactor: 1.5, maxLeadSeconds: 10 },
      clock.now,
    );
    sendGreedily(pacer, clock, 100, 0);
    clock.time = 20_000; // a stalled network: nothing sent for 20 s
    const sent = sendGreedily(pacer, clock, 100, 30_000);
    // A full bucket (4 s) plus 10 s at 1.5x; the cap (30 + 10 s of audio) is not reached.
    expect(sent).toBeGreaterThanOrEqual(19_000 - 100);
    expect(sent).toBeLessThanOrEqual(19_000);
  });

  it('does not count a skipped pause as time the stream may lead by', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(
      1_000,
      { burstSeconds: 4, rateFactor: 1.5, maxLeadSeconds: 6 },
      clock.now,
    );
    sendGreedily(pacer, clock, 100, 20_000); // at the cap: 26 000 bytes
    clock.time = 80_000; // paused for 60 s
    pacer.skip(60_000);
    // Back where it was: 10 s later the cap is 36 000 bytes again, not 96 000 (bucket-limited).
    const sent = sendGreedily(pacer, clock, 100, 90_000);
    expect(sent).toBeLessThanOrEqual(10_000);
  });

  it('never makes the burst wait, even with a lead cap below it', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(1_000, { burstSeconds: 4, maxLeadSeconds: 1 }, clock.now);
    expect(sendGreedily(pacer, clock, 100, 0)).toBe(4_000);
  });
});

describe('songBytesPerSecond', () => {
  it('divides size by duration', () => {
    expect(songBytesPerSecond(480_000, 30)).toBe(16_000);
  });

  it('falls back when the duration is unknown or zero', () => {
    expect(songBytesPerSecond(480_000, null)).toBe(FALLBACK_BYTES_PER_SECOND);
    expect(songBytesPerSecond(480_000, 0)).toBe(FALLBACK_BYTES_PER_SECOND);
    expect(songBytesPerSecond(0, 30)).toBe(FALLBACK_BYTES_PER_SECOND);
  });
});

describe('packetsPerBatch', () => {
  it('allows 16 KiB at high bit rates', () => {
    // 320 kbit/s: 0.5 s is 20 000 bytes, more than 16 KiB.
    expect(packetsPerBatch(40_000, 4_096)).toBe(4);
    expect(packetsPerBatch(null, 4_096)).toBe(15);
  });

  it('allows only half a second of audio at lower rates', () => {
    // 192 kbit/s: 0.5 s is 12 000 bytes, two whole packets.
    expect(packetsPerBatch(24_000, 4_096)).toBe(2);
  });

  it('never goes below one packet', () => {
    // 16 kbit/s: 0.5 s is 1 000 bytes; packets are not cut smaller.
    expect(packetsPerBatch(2_000, 4_096)).toBe(1);
  });
});

describe('steadyPacketsPerBatch', () => {
  it('allows a quarter of the burst, up to 32 KiB', () => {
    // 320 kbit/s with the default 4 s burst: a quarter is 40,000 bytes, over the 32 KiB cap.
    expect(steadyPacketsPerBatch(40_000, 4, 4_096)).toBe(8);
    // 256 kbit/s with a 3 s burst: a quarter is 24,000 bytes, five whole packets.
    expect(steadyPacketsPerBatch(32_000, 3, 4_096)).toBe(5);
    // 192 kbit/s: a quarter of 4 s is 24,000 bytes, five packets.
    expect(steadyPacketsPerBatch(24_000, 4, 4_096)).toBe(5);
  });

  it('never goes below the usual batch', () => {
    // A half-second burst: a quarter of it is under a packet; the usual 16 KiB stays.
    expect(steadyPacketsPerBatch(40_000, 0.5, 4_096)).toBe(packetsPerBatch(40_000, 4_096));
    expect(steadyPacketsPerBatch(2_000, 4, 4_096)).toBe(1);
  });
});

describe('StreamPacer.sentBurst', () => {
  it('turns true once the whole burst is sent, not before', () => {
    const clock = fakeClock();
    const pacer = new StreamPacer(10_000, { burstSeconds: 2 }, clock.now);
    pacer.consume(19_999);
    expect(pacer.sentBurst).toBe(false);
    pacer.consume(1);
    expect(pacer.sentBurst).toBe(true);
  });
});
