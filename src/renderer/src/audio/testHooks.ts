import type { AudioChunk } from '../../../shared/tidewaveApi';
import type { AudioEngine } from './audioEngine';
import { SampleChecksum } from './sampleChecksum';
import type { OutputClock, StreamTrace, TidewaveTestHooks } from '../../../shared/audioTestHooks';

/**
 * TEST-ONLY instrumentation for the end-to-end tests. Installed only when the page URL has a
 * `testHooks` query parameter or a test set `globalThis.__TIDEWAVE_ENABLE_TEST_HOOKS__` before
 * the app loaded; the shipped app sets neither, so nothing is hashed or exposed.
 */

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

class StreamTracer {
  private readonly checksum = new SampleChecksum();
  private first: { frames: number; checksum: string } | null = null;
  private firstStart = 0;
  private lastEnd = 0;
  private firstQueuedAt = 0;
  private firstQueuedContextTime = 0;
  private firstHeldMs = 0;
  private leastLeadSeconds = Infinity;
  private leastLeadAfterStartSeconds = Infinity;
  private gaps = 0;

  constructor(private readonly sampleRate: number) {}

  /** `placedAt`: the clock the engine placed the chunk from; `afterStart`: read after start(). */
  add(
    chunk: AudioChunk,
    startTime: number,
    clock: { placedAt: number; afterStart: number },
    heldMs: number,
  ): void {
    this.checksum.update(chunk.channels);
    if (!this.first) {
      this.first = { frames: this.checksum.frames, checksum: this.checksum.hex };
      this.firstStart = startTime;
      this.firstQueuedAt = performance.now();
      this.firstQueuedContextTime = clock.placedAt;
      this.firstHeldMs = heldMs;
    } else if (Math.abs(startTime - this.lastEnd) > 1e-6) this.gaps += 1;
    this.leastLeadSeconds = Math.min(this.leastLeadSeconds, startTime - clock.placedAt);
    this.leastLeadAfterStartSeconds = Math.min(
      this.leastLeadAfterStartSeconds,
      startTime - clock.afterStart,
    );
    this.lastEnd = startTime + (chunk.channels[0]?.length ?? 0) / chunk.sampleRate;
  }

  trace(): StreamTrace {
    const { sampleRate, firstStart, lastEnd, firstQueuedAt, firstQueuedContextTime } = this;
    const { leastLeadSeconds, leastLeadAfterStartSeconds, gaps, firstHeldMs } = this;
    const firstChunk = this.first ?? { frames: 0, checksum: '' };
    return {
      sampleRate,
      frames: this.checksum.frames,
      checksum: this.checksum.hex,
      firstChunk,
      firstStart,
      lastEnd,
      firstQueuedAt,
      firstQueuedContextTime,
      firstHeldMs,
      leastLeadSeconds,
      leastLeadAfterStartSeconds,
      gaps,
    };
  }
}

export function installTestHooks(engine: AudioEngine): void {
  const tracers = new Map<number, StreamTracer>();
  const inspector = engine.inspect();
  inspector.tap((chunk, startTime, heldMs, placedAt) => {
    const tracer = tracers.get(chunk.streamId) ?? new StreamTracer(chunk.sampleRate);
    tracer.add(chunk, startTime, { placedAt, afterStart: inspector.now() }, heldMs);
    tracers.set(chunk.streamId, tracer);
  });
  (globalThis as HookHost).__tidewaveTestHooks = {
    streams: () => Object.fromEntries([...tracers].map(([id, tracer]) => [id, tracer.trace()])),
    rms: () => inspector.rms(),
    currentTime: () => inspector.now(),
    contextState: () => inspector.context()?.state ?? 'none',
    contextSampleRate: () => inspector.context()?.sampleRate ?? 0,
    queuedSeconds: () => engine.snapshot().bufferedAheadSeconds,
    liveSources: () => inspector.liveSources(),
    bookkeeping: () => ({ ...inspector.records(), traces: tracers.size }),
    outputClock: () => outputClock(inspector.context()),
  };
}

function outputClock(context: AudioContext | null): OutputClock | null {
  if (!context) return null;
  const stamp = context.getOutputTimestamp();
  return {
    contextTime: stamp.contextTime ?? 0,
    performanceTime: stamp.performanceTime ?? 0,
    currentTime: context.currentTime,
    baseLatency: context.baseLatency,
    outputLatency: context.outputLatency,
  };
}
