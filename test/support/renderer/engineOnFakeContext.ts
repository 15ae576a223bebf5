import { afterEach, beforeEach, vi } from 'vitest';
import { AudioEngine } from '../../../src/renderer/src/audio/audioEngine';
import type { AudioChunk } from '../../../src/shared/tidewaveApi';
import { FakeAudioContext } from './fakeAudioContext';

/** The rate of the chunks `silentChunk` makes. */
export const CHUNK_RATE = 48_000;

/** `frames` frames of stereo silence at CHUNK_RATE for the stream `streamId`. */
export function silentChunk(streamId: number, frames: number): AudioChunk {
  return {
    streamId,
    sampleRate: CHUNK_RATE,
    channels: [new Float32Array(frames), new Float32Array(frames)],
  };
}

export interface EngineOnFakeContext {
  /** This test's engine, made before the describe's own beforeEach runs. */
  readonly engine: AudioEngine;
  /** The fake AudioContext the engine made (once it has made one). */
  context(): FakeAudioContext;
}

/**
 * For the describe it is called in: each test gets a new AudioEngine on the fake AudioContext,
 * flushed after the test, with real timers and the real globals put back.
 */
export function useEngineOnFakeContext(): EngineOnFakeContext {
  let engine: AudioEngine | null = null;
  beforeEach(() => {
    FakeAudioContext.made = [];
    vi.stubGlobal('AudioContext', FakeAudioContext);
    engine = new AudioEngine(() => undefined);
  });
  afterEach(() => {
    engine?.flush();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return {
    get engine() {
      if (!engine) throw new Error('the engine is made in beforeEach');
      return engine;
    },
    context: () => FakeAudioContext.made[0],
  };
}
