import type { Page } from 'playwright-core';

import type {
  Bookkeeping,
  StreamTrace,
  TidewaveTestHooks,
} from '../../../src/shared/audioTestHooks';

export type { Bookkeeping, OutputClock, StreamTrace } from '../../../src/shared/audioTestHooks';

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
