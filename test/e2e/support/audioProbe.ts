import type { Page } from 'playwright-core';

/** Mirrors StreamTrace in src/renderer/src/audio/testHooks.ts (a DOM-side file). */
export interface StreamTrace {
  sampleRate: number;
  frames: number;
  checksum: string;
  firstChunk: { frames: number; checksum: string };
  firstStart: number;
  lastEnd: number;
  /** performance.now() and the context's clock when the first chunk entered the queue. */
  firstQueuedAt: number;
  firstQueuedContextTime: number;
  /** The least time any of its chunks was queued ahead of its start (seconds). */
  leastLeadSeconds: number;
  /** Chunks that did not start where the previous one ended. */
  gaps: number;
}

/** Mirrors OutputClock in src/renderer/src/audio/testHooks.ts. */
export interface OutputClock {
  contextTime: number;
  performanceTime: number;
  currentTime: number;
  baseLatency: number;
  outputLatency: number;
}

/** Mirrors Bookkeeping in src/renderer/src/audio/testHooks.ts. */
export interface Bookkeeping {
  registry: number;
  timeline: number;
  traces: number;
}

type TidewaveTestHooks = {
  [K in Exclude<keyof AudioProbe, 'streams'>]: () => AudioProbe[K];
} & { streams(): Record<number, StreamTrace>; bookkeeping(): Bookkeeping };

export interface AudioProbe {
  rms: number;
  currentTime: number;
  contextState: string;
  contextSampleRate: number;
  queuedSeconds: number;
  liveSources: number;
  streams: Record<number, StreamTrace>;
}

/** One read of the page's test-only audio hooks (see src/renderer/src/audio/testHooks.ts). */
export function probeAudio(page: Page): Promise<AudioProbe> {
  return page.evaluate(() => {
    const hooks = (globalThis as unknown as { __tidewaveTestHooks?: TidewaveTestHooks })
      .__tidewaveTestHooks;
    if (!hooks) throw new Error('The test hooks are not installed');
    return {
      rms: hooks.rms(),
      currentTime: hooks.currentTime(),
      contextState: hooks.contextState(),
      contextSampleRate: hooks.contextSampleRate(),
      queuedSeconds: hooks.queuedSeconds(),
      liveSources: hooks.liveSources(),
      streams: hooks.streams(),
    };
  });
}

/** Polls `probeAudio` until `accept` holds; fails with the last reading after `timeoutMs`. */
export async function waitForAudio(
  page: Page,
  accept: (probe: AudioProbe) => boolean,
  timeoutMs = 10_000,
): Promise<AudioProbe> {
  const deadline = Date.now() + timeoutMs;
  let last = await probeAudio(page);
  while (!accept(last)) {
    if (Date.now() > deadline) {
      const { streams: _streams, ...summary } = last;
      throw new Error(`Audio never reached the expected state; last: ${JSON.stringify(summary)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probeAudio(page);
  }
  return last;
}

/** Sizes of the engine's per-stream records (see src/renderer/src/audio/testHooks.ts). */
export function probeBookkeeping(page: Page): Promise<Bookkeeping> {
  return page.evaluate(() => {
    const hooks = (globalThis as unknown as { __tidewaveTestHooks?: TidewaveTestHooks })
      .__tidewaveTestHooks;
    if (!hooks) throw new Error('The test hooks are not installed');
    return hooks.bookkeeping();
  });
}
