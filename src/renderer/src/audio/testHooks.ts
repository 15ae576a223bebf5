import type { AudioEngine } from './audioEngine';
import { SampleChecksum } from './sampleChecksum';

/**
 * TEST-ONLY instrumentation for the end-to-end tests. Installed only when the page URL has a
 * `testHooks` query parameter or a test set `globalThis.__TIDEWAVE_ENABLE_TEST_HOOKS__` before
 * the app loaded; the shipped app never sets either, so nothing is hashed or exposed.
 */
export interface TidewaveTestHooks {
  /** Per stream: frames that entered the queue and the FNV-1a checksum of their samples. */
  streams(): Record<number, { frames: number; checksum: string; sampleRate: number }>;
  rms(): number;
  currentTime(): number;
  contextState(): string;
  contextSampleRate(): number;
  queuedSeconds(): number;
  liveSources(): number;
}

type HookHost = typeof globalThis & {
  __TIDEWAVE_ENABLE_TEST_HOOKS__?: boolean;
  __tidewaveTestHooks?: TidewaveTestHooks;
};

export function testHooksWanted(): boolean {
  const host = globalThis as HookHost;
  const search = host.location?.search ?? '';
  return (
    host.__TIDEWAVE_ENABLE_TEST_HOOKS__ === true || new URLSearchParams(search).has('testHooks')
  );
}

export function installTestHooks(engine: AudioEngine): void {
  const checksums = new Map<number, { checksum: SampleChecksum; sampleRate: number }>();
  engine.tap = (chunk) => {
    const entry = checksums.get(chunk.streamId) ?? {
      checksum: new SampleChecksum(),
      sampleRate: chunk.sampleRate,
    };
    entry.checksum.update(chunk.channels);
    checksums.set(chunk.streamId, entry);
  };
  (globalThis as HookHost).__tidewaveTestHooks = {
    streams: () =>
      Object.fromEntries(
        [...checksums].map(([id, { checksum, sampleRate }]) => [
          id,
          { frames: checksum.frames, checksum: checksum.hex, sampleRate },
        ]),
      ),
    rms: () => engine.output.rms(),
    currentTime: () => engine.output.now,
    contextState: () => (engine.output.created ? engine.output.ensure().state : 'none'),
    contextSampleRate: () => (engine.output.created ? engine.output.ensure().sampleRate : 0),
    queuedSeconds: () => engine.snapshot().bufferedAheadSeconds,
    liveSources: () => engine.sources.liveCount,
  };
}
