import { describe, expect, it } from 'vitest';
import {
  compareReadTurns,
  FIRST_AUDIO_SECONDS,
  HOLD_HORIZON_MS,
  mayReadNow,
  nextLookAt,
  READ_AHEAD_MS,
  readDueAt,
  turnDeadline,
} from './readOrder';

describe('read order', () => {
  it('puts the soonest deadline first, then the first to arrive', () => {
    const turns = [
      { deadline: 900, seq: 0 },
      { deadline: 100, seq: 2 },
      { deadline: 100, seq: 1 },
    ];
    expect([...turns].sort(compareReadTurns).map((t) => t.seq)).toEqual([1, 2, 0]);
  });

  it('lets overdue reads wait in arrival order, not by how overdue they are', () => {
    expect(turnDeadline(500, 1_000)).toBe(1_000);
    expect(turnDeadline(2_000, 1_000)).toBe(2_000);
  });

  it('holds reads far from their need only while some stream waits for its first audio', () => {
    const now = 1_000;
    expect(mayReadNow(now + 10_000, now, 0)).toBe(true);
    expect(mayReadNow(now + 10_000, now, 3)).toBe(false);
    expect(mayReadNow(now + HOLD_HORIZON_MS, now, 3)).toBe(true);
    // Already late: always goes.
    expect(mayReadNow(now - 50, now, 3)).toBe(true);
  });

  it('looks again when the read comes within the horizon or the oldest claim expires', () => {
    expect(nextLookAt(5_000, null)).toBe(5_000 - HOLD_HORIZON_MS);
    expect(nextLookAt(5_000, 2_000)).toBe(2_000);
    expect(nextLookAt(1_000, 2_000)).toBe(1_000 - HOLD_HORIZON_MS);
  });

  it('dates a stream by its first audio: before it, the start plus the first audio time', () => {
    const clock = {
      startedAt: 10_000,
      firstAudioAt: null,
      sentBytes: 4_096,
      firstAudioBytes: 10_000,
      bytesPerMs: 40,
    };
    expect(readDueAt(clock)).toBe(10_000 + FIRST_AUDIO_SECONDS * 1000);
    // 2 s of audio past the first audio, which went out at 10,050: dry at 12,050, due before.
    expect(readDueAt({ ...clock, firstAudioAt: 10_050, sentBytes: 10_000 + 80_000 })).toBe(
      12_050 - READ_AHEAD_MS,
    );
  });
});
