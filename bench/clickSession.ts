import type { Page } from 'playwright-core';
import { WorkerDecoder } from '../src/decoder';
import { openApp, type OpenedApp } from '../test/e2e/support/appHarness';
import { connectTo, type E2eEnvironment } from '../test/e2e/support/e2eEnvironment';
import {
  MainMarks,
  pageClockOffset,
  readOutputClock,
  readPageMarks,
  readTrace,
} from './clickMarks';
import { leavesAt, splitClick, type ClickSplit } from './clickParts';
import { now, sleep } from './timing';

const WAIT_MS = 10_000;

/** AudioContextLatencyCategory (a DOM type; the bench compiles without the DOM's types). */
export type LatencyHint = 'interactive' | 'balanced' | 'playback';

export interface MeasuredClick extends ClickSplit {
  /** Context's baseLatency (ms), for the floor. */
  baseLatencyMs: number;
  streamId: number;
}

/** Polls `read` until it returns a value, within WAIT_MS. */
async function until<T>(what: string, read: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (now() > deadline) throw new Error(`clicktosound: ${what} within ${WAIT_MS} ms`);
    await sleep(5);
  }
}

/** A page script that makes every AudioContext with `hint`, whatever the app asks for. */
function forceLatencyHint(hint: LatencyHint): string {
  return `(() => {
  const Base = window.AudioContext;
  window.AudioContext = class extends Base {
    constructor(options) {
      super({ ...options, latencyHint: ${JSON.stringify(hint)} });
    }
  };
})()`;
}

/**
 * The real renderer in Chromium, with the real services in this process (the e2e harness),
 * instrumented to time one click to its first sound at a time.
 */
export class ClickSession {
  private constructor(
    readonly app: OpenedApp,
    private readonly marks: MainMarks,
    private readonly offset: number,
  ) {}

  /**
   * @param latencyHint forces the AudioContext's latency hint in this page (the bench's own
   *   wrapper of the constructor; the app is not changed), to compare hints in one run
   */
  static async open(
    env: E2eEnvironment,
    port: number,
    latencyHint?: LatencyHint,
  ): Promise<ClickSession> {
    const marks = new MainMarks();
    const app = await openApp(env, {
      pageScript: latencyHint ? forceLatencyHint(latencyHint) : undefined,
      playback: {
        createDecoder: () => marks.wrapDecoder(new WorkerDecoder(env.decoderWorkerPath)),
      },
      override: (base) => ({
        play: async (request) => {
          const handled = now();
          const started = await base.play(request);
          marks.playHandled.set(started.streamId, handled);
          return started;
        },
      }),
    });
    try {
      app.services.playback.on('audio', (chunk) => {
        if (!marks.firstAudio.has(chunk.streamId)) marks.firstAudio.set(chunk.streamId, now());
      });
      await connectTo(app.page, port);
      await app.page.locator('tbody tr').first().waitFor();
      return new ClickSession(app, marks, await pageClockOffset(app.page));
    } catch (error) {
      await app.close();
      throw error;
    }
  }

  get page(): Page {
    return this.app.page;
  }

  /** Clicks `target` (a play, next… button) and times it to the first sound of the new song. */
  async time(click: () => Promise<void>): Promise<MeasuredClick> {
    const before = (await readPageMarks(this.page)).plays.length;
    await click();
    const play = await until('no play request', async () => {
      const marks = await readPageMarks(this.page);
      const fresh = marks.plays.slice(before);
      return fresh.length > 0 ? { play: fresh[0], clicks: marks.clicks } : null;
    });
    const { streamId, sent } = play.play;
    const clicked = play.clicks.filter(({ dispatched }) => dispatched <= sent).at(-1);
    if (clicked === undefined) throw new Error('clicktosound: no click before the play request');
    const trace = await until('no audio queued', () => readTrace(this.page, streamId));
    // Read the output clock once the sample has played: its stamp is then surely live.
    const clock = await until('the first sample never played', async () => {
      const stamp = await readOutputClock(this.page);
      return stamp && stamp.contextTime > trace.firstStart ? stamp : null;
    });
    const toPage = (nodeTime: number | null | undefined, what: string) => {
      if (nodeTime === null || nodeTime === undefined) throw new Error(`clicktosound: no ${what}`);
      return nodeTime + this.offset;
    };
    const decode = this.marks.latestDecode();
    const split = splitClick({
      click: clicked.at,
      dispatched: clicked.dispatched,
      sent,
      handled: toPage(this.marks.playHandled.get(streamId), 'play handled'),
      decoderReady: toPage(decode?.ready, 'decoder reset'),
      firstBytes: toPage(decode?.firstBytes, 'song bytes'),
      firstAudio: toPage(this.marks.firstAudio.get(streamId), 'first audio'),
      queued: trace.firstQueuedAt,
      heldMs: trace.firstHeldMs,
      marginMs: (trace.firstStart - trace.firstQueuedContextTime) * 1000,
      leaves: leavesAt(trace.firstStart, clock),
    });
    return { ...split, baseLatencyMs: clock.baseLatency * 1000, streamId };
  }

  /** The least time any chunk of the stream was queued ahead of its start (ms), and its gaps. */
  async queueing(streamId: number): Promise<{ leastLeadMs: number; gaps: number }> {
    const trace = await readTrace(this.page, streamId);
    return { leastLeadMs: (trace?.leastLeadSeconds ?? NaN) * 1000, gaps: trace?.gaps ?? NaN };
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
