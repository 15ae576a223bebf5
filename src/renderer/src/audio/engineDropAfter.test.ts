import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAudioContext } from '../../../../test/support/renderer/fakeAudioContext';
import type { AudioChunk } from '../../../shared/tidewaveApi';
import { AudioEngine } from './audioEngine';

const RATE = 48_000;
const chunk = (streamId: number, frames: number): AudioChunk => ({
  streamId,
  sampleRate: RATE,
  channels: [new Float32Array(frames), new Float32Array(frames)],
});

// A song appended to follow gaplessly is taken back before it is heard (a queue change): the
// song before it plays on, and the next one appended follows it as the taken-back one would.
describe('AudioEngine.dropAfter', () => {
  let engine: AudioEngine;
  const context = () => FakeAudioContext.made[0];

  beforeEach(() => {
    FakeAudioContext.made = [];
    vi.stubGlobal('AudioContext', FakeAudioContext);
    engine = new AudioEngine(() => undefined);
    // Song 0 (stream 1, 1 s) has arrived whole; song 1 (stream 2) is appended after it.
    engine.begin({ streamId: 1, songId: 0, startSeconds: 0 });
    engine.enqueue(chunk(1, 24_000));
    engine.enqueue(chunk(1, 24_000));
    engine.handleStreamEvent({ kind: 'ended', streamId: 1 });
    engine.begin({ streamId: 2, songId: 1, startSeconds: 0 });
    engine.enqueue(chunk(2, 12_000));
    engine.enqueue(chunk(2, 12_000));
  });
  afterEach(() => {
    engine.flush();
    vi.unstubAllGlobals();
  });

  it('stops only the appended audio, and the next song follows on sample-exact', () => {
    const [first, , appended, appendedNext] = context().starts;
    const end = first + 1;
    expect(appended).toBeCloseTo(end, 12);
    context().currentTime = first + 0.4;
    expect(engine.dropAfter(1)).toBe('dropped');
    expect(context().stopped).toEqual([appended, appendedNext]);
    expect(engine.snapshot()).toMatchObject({
      current: { streamId: 1, songId: 0 },
      newest: { streamId: 1 },
    });
    expect(engine.snapshot().bufferedAheadSeconds).toBeCloseTo(0.6, 9);
    // Audio of the taken-back stream still on its way is refused.
    engine.enqueue(chunk(2, 12_000));
    expect(context().starts).toHaveLength(4);
    engine.begin({ streamId: 3, songId: 2, startSeconds: 0 });
    engine.enqueue(chunk(3, 12_000));
    expect(context().starts[4]).toBeCloseTo(end, 12);
    expect(engine.snapshot().newest?.songId).toBe(2);
  });

  it('finds nothing after the newest stream, and is too late once a stream has played out', () => {
    context().currentTime = context().starts[0] + 0.4;
    expect(engine.dropAfter(2)).toBe('nothing after');
    context().currentTime = context().starts[0] + 1.2; // song 1 is heard
    expect(engine.dropAfter(1)).toBe('too late');
    expect(context().stopped).toEqual([]);
    expect(engine.snapshot().current?.streamId).toBe(2);
  });
});
