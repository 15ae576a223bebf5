import type { CDPSession, Page } from 'playwright-core';

/** One look at what the renderer holds while a song plays. */
export interface RendererSample {
  /** Seconds since the play began. */
  atSeconds: number;
  /** V8 heap in use after a forced garbage collection (MB): what is retained. */
  heapMb: number;
  /** Decoded audio queued on the AudioContext and not yet played (MB of Float32 samples). */
  queuedAudioMb: number;
  /** AudioBufferSourceNodes scheduled and not yet ended. */
  liveSources: number;
  /** Live DOM nodes and event listeners. */
  nodes: number;
  listeners: number;
}

const MB = 1024 * 1024;

/**
 * Reads the renderer's memory through the DevTools protocol (precise, unlike
 * performance.memory's rounded figures) and the app's test hooks.
 */
export class RendererMemory {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly started: number,
  ) {}

  static async attach(page: Page): Promise<RendererMemory> {
    const cdp = await page.context().newCDPSession(page);
    return new RendererMemory(page, cdp, performance.now());
  }

  async sample(channels: number): Promise<RendererSample> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const heap = await this.cdp.send('Runtime.getHeapUsage');
    const dom = await this.cdp.send('Memory.getDOMCounters');
    const audio = (await this.page.evaluate(`(() => {
      const hooks = window.__tidewaveTestHooks;
      return { seconds: hooks.queuedSeconds(), rate: hooks.contextSampleRate(), live: hooks.liveSources() };
    })()`)) as { seconds: number; rate: number; live: number };
    return {
      atSeconds: (performance.now() - this.started) / 1000,
      heapMb: heap.usedSize / MB,
      queuedAudioMb: (audio.seconds * audio.rate * channels * 4) / MB,
      liveSources: audio.live,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
    };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
