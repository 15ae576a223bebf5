import type { Page } from 'playwright-core';
import type { DecodedPart, PcmChunk, StreamDecoder } from '../src/decoder';
import type { OutputClock, StreamTrace } from '../test/e2e/support/audioProbe';
import { now } from './timing';

/** What the page notes, in its own clock (performance.now()). */
export interface PageMarks {
  /**
   * Every click, in order: its event.timeStamp (when the browser took the input) and when the
   * page's first listener ran (performance.now()).
   */
  clicks: Array<{ at: number; dispatched: number }>;
  /** Each play request: when the renderer sent it and when main's reply came back. */
  plays: Array<{ streamId: number; sent: number; replied: number }>;
}

/**
 * In the page, before the app and before the test bridge defines `window.tidewave`: notes every
 * click (on the window, capture phase: before any other listener, the app's included) and wraps
 * `play` to note when it is sent.
 * Plain JavaScript, as the page has no build step; the app itself is not changed.
 */
export const CLICK_MARKS_SCRIPT = `(() => {
  const marks = { clicks: [], plays: [] };
  window.__clickMarks = marks;
  addEventListener(
    'click',
    (event) => marks.clicks.push({ at: event.timeStamp, dispatched: performance.now() }),
    true,
  );
  let api;
  Object.defineProperty(window, 'tidewave', {
    configurable: true,
    get: () => api,
    set(value) {
      const play = value.play;
      api = { ...value, play: async (request) => {
        const sent = performance.now();
        const started = await play(request);
        marks.plays.push({ streamId: started.streamId, sent, replied: performance.now() });
        return started;
      } };
    },
  });
})()`;

/** Main's side, in Node's clock: when each play reached the services, and the decoder's steps. */
export class MainMarks {
  readonly playHandled = new Map<number, number>();
  readonly firstAudio = new Map<number, number>();
  /** Per reset of the decoder (one per stream, in order): when it was ready, its first bytes. */
  private readonly decodes: Array<{ ready: number; firstBytes: number | null }> = [];

  /** The app's decoder, noting when it is ready for a song and the song's first bytes reach it. */
  wrapDecoder(decoder: StreamDecoder): StreamDecoder {
    const marks = this.decodes;
    const noteFirstBytes = () => {
      const current = marks.at(-1);
      if (current) current.firstBytes ??= now();
    };
    return {
      async reset() {
        await decoder.reset();
        marks.push({ ready: now(), firstBytes: null });
      },
      decode(bytes: Uint8Array): Promise<PcmChunk | null> {
        noteFirstBytes();
        return decoder.decode(bytes);
      },
      decodeUntil(bytes: Uint8Array, minSeconds: number): Promise<DecodedPart> {
        noteFirstBytes();
        return decoder.decodeUntil(bytes, minSeconds);
      },
      end: () => decoder.end(),
      abandon: () => decoder.abandon(),
      terminate: () => decoder.terminate(),
    };
  }

  /** The newest stream's decoder marks. */
  latestDecode(): { ready: number; firstBytes: number | null } | null {
    return this.decodes.at(-1) ?? null;
  }
}

/**
 * The page's clock minus Node's, from the quickest of several round trips (error at most half of
 * it; about 0.5 ms here): both are performance.now(), on different origins.
 */
export async function pageClockOffset(page: Page, tries = 15): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < tries; i++) {
    const before = now();
    const pageNow = (await page.evaluate('performance.now()')) as number;
    const after = now();
    if (after - before < best.rtt)
      best = { rtt: after - before, offset: pageNow - (before + after) / 2 };
  }
  return best.offset;
}

export const readPageMarks = (page: Page): Promise<PageMarks> =>
  page.evaluate('window.__clickMarks') as Promise<PageMarks>;

export const readTrace = async (page: Page, streamId: number): Promise<StreamTrace | undefined> =>
  ((await page.evaluate('window.__tidewaveTestHooks.streams()')) as Record<number, StreamTrace>)[
    streamId
  ];

export const readOutputClock = (page: Page): Promise<OutputClock | null> =>
  page.evaluate('window.__tidewaveTestHooks.outputClock()') as Promise<OutputClock | null>;
