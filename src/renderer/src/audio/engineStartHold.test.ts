import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHUNK_RATE as RATE,
  silentChunk as chunk,
  useEngineOnFakeContext,
} from '../../../../test/support/renderer/engineOnFakeContext';
import { MAX_HOLD_MS } from './startHold';

// AudioEngine's wiring of startHold.ts: what is scheduled, and when a held chunk is let go.
describe('AudioEngine holds a new session first chunk until its next one', () => {
  const fake = useEngineOnFakeContext();
  const { context } = fake;

  beforeEach(() => {
    fake.engine.begin({ streamId: 1, songId: 0, startSeconds: 0 });
  });

  it('schedules nothing until the next chunk, then both back to back', () => {
    fake.engine.enqueue(chunk(1, 8832)); // 0.184 s: covers the cold wait's lead but is held
    expect(context().starts).toEqual([]);
    context().currentTime = 0.6; // the next chunk is 0.6 s late
    fake.engine.enqueue(chunk(1, 12_000));
    const [first, second] = context().starts;
    expect(first).toBeGreaterThan(0.6);
    expect(second).toBeCloseTo(first + 8832 / RATE, 12);
    expect(first - 0.6).toBeLessThan(0.02); // at once: the least lead (baseLatency + a quantum)
  });

  it("plays a held chunk alone once its stream is over ('ended', 'stopped', 'error')", () => {
    const kinds = ['ended', 'stopped', 'error'] as const;
    kinds.forEach((kind, index) => {
      const streamId = index + 2; // stream 1 is refused by the first flush
      fake.engine.flush();
      fake.engine.begin({ streamId, songId: 0, startSeconds: 0 });
      fake.engine.enqueue(chunk(streamId, 2400));
      const before = context().starts.length;
      fake.engine.handleStreamEvent(
        kind === 'error' ? { kind, streamId, message: 'bad data' } : { kind, streamId },
      );
      expect(context().starts.length, kind).toBe(before + 1);
    });
  });

  it('drops a held chunk on flush, and lets one go after MAX_HOLD_MS without a next chunk', () => {
    vi.useFakeTimers();
    fake.engine.enqueue(chunk(1, 2400));
    fake.engine.flush();
    vi.advanceTimersByTime(MAX_HOLD_MS * 2);
    expect(context().starts).toEqual([]);
    fake.engine.begin({ streamId: 2, songId: 0, startSeconds: 0 });
    fake.engine.enqueue(chunk(2, 2400));
    vi.advanceTimersByTime(MAX_HOLD_MS - 1);
    expect(context().starts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(context().starts).toHaveLength(1);
  });

  it('a chunk of another stream first places the held one, in order', () => {
    fake.engine.enqueue(chunk(1, 2400));
    fake.engine.begin({ streamId: 2, songId: 1, startSeconds: 0 });
    fake.engine.enqueue(chunk(2, 12_000));
    const [first, second] = context().starts;
    expect(second).toBeCloseTo(first + 2400 / RATE, 12);
  });
});
