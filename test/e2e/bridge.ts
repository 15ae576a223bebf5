import type { Page } from 'playwright-core';
import type {
  AudioChunk,
  ConnectionState,
  FoundLibraryInfo,
  HostActivity,
  HostState,
  LibraryChange,
  MediaKey,
  StreamEvent,
  TidewaveApi,
} from '../../src/shared/tidewaveApi';
import type { InvokeMethod, SendMethod } from '../../src/shared/ipcChannels';
import { encodeAudio, encodeEvent } from './support/bridgeFrames';
import type { BridgeRoutes } from './support/bridgeRoutes';
import { EventChannel } from './support/eventChannel';
import { pageBridgeScript } from './support/pageBridgeScript';

/** The invoke and send half of TidewaveApi (see the IPC contract): what main handles. */
type BridgeMethod = InvokeMethod | SendMethod;
export type BridgeHandlers = Pick<TidewaveApi, BridgeMethod>;

const FLUSH_TIMEOUT_MS = 10_000;

/** Milliseconds to hold the page's events back at this audio chunk (0: none); `index` counts from 0. */
export type AudioDelay = (chunk: AudioChunk, index: number) => number;

/**
 * A stand-in for the preload + ipcMain pair, for driving the real renderer in Chromium:
 * invoke methods reach `handlers` (the real services) through one exposed binding; events go
 * to the page in order on one binary stream it opens on its own origin (EventChannel,
 * pageBridgeScript), audio as raw samples, as Electron's IPC carries them, not through
 * Playwright's JSON round trips, which cost the page far more than IPC does.
 */
export class TestBridge {
  private readonly events = new EventChannel();
  private closed = false;
  private audioDelay: AudioDelay = () => 0;
  private audioCount = 0;
  /** Frames held back, in order, while a delay runs; null when none does. */
  private delayed: Buffer[] | null = null;
  private delayTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly page: Page,
    private readonly removeRoute: () => void,
  ) {}

  static async install(
    page: Page,
    handlers: BridgeHandlers,
    routes: BridgeRoutes,
  ): Promise<TestBridge> {
    let bridge: TestBridge | null = null;
    const route = routes.add((request, response, rest) => {
      if (rest === 'events' && bridge) bridge.events.attach(request, response);
      else response.writeHead(404).end();
    });
    bridge = new TestBridge(page, route.remove);
    await page.exposeBinding('__twInvoke', async (_source, method: string, args: unknown[]) => {
      if (!Object.hasOwn(handlers, method)) throw new Error(`No such bridge method: ${method}`);
      const handler = handlers[method as BridgeMethod] as (...values: unknown[]) => unknown;
      // As JSON text: Playwright's own serialisation of a binding's result takes seconds for
      // a list of 20,000 songs (every result of the API is plain JSON data).
      const result = await handler(...args);
      return result === undefined ? undefined : JSON.stringify(result);
    });
    await page.addInitScript(pageBridgeScript(route.prefix));
    return bridge;
  }

  connectionChanged(state: ConnectionState): void {
    this.send('connection', state);
  }

  hostChanged(state: HostState): void {
    this.send('host', state);
  }

  streamEvent(event: StreamEvent): void {
    this.send('stream', event);
  }

  audio(chunk: AudioChunk): void {
    const ms = this.audioDelay(chunk, this.audioCount++);
    if (ms > 0 && !this.delayed && !this.closed) {
      this.delayed = [];
      this.delayTimer = setTimeout(() => this.endDelay(), ms);
    }
    this.deliver(encodeAudio(chunk));
  }

  /**
   * A seam for tests of late delivery: from the audio chunk `delay` names (with a wait in ms),
   * every event (audio and the rest, in order) reaches the page that much later, as a chunk
   * late from main would, the ones after it queued behind it.
   */
  delayAudio(delay: AudioDelay): void {
    this.audioDelay = delay;
  }

  libraryChanged(change: LibraryChange): void {
    this.send('library', change);
  }

  librariesFound(libraries: FoundLibraryInfo[]): void {
    this.send('found', libraries);
  }

  hostActivity(activity: HostActivity): void {
    this.send('activity', activity);
  }

  mediaKey(key: MediaKey): void {
    this.send('mediaKey', key);
  }

  /** Resolves once every event sent so far has been dispatched in the page. */
  async flushed(): Promise<void> {
    const deadline = Date.now() + FLUSH_TIMEOUT_MS;
    while (!this.closed) {
      const mark = this.events.mark;
      if (mark) {
        const dispatched = await this.page
          .evaluate(() => (globalThis as { __twDispatched?: number }).__twDispatched ?? -1)
          .catch(() => -1);
        const still = this.events.mark;
        if (dispatched >= mark.frames && still?.load === mark.load) return;
      }
      if (Date.now() > deadline) throw new Error('The page did not take its events in 10 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): void {
    this.closed = true;
    if (this.delayTimer) clearTimeout(this.delayTimer);
    this.delayed = null;
    this.events.close();
    this.removeRoute();
  }

  private send(kind: string, payload: unknown): void {
    this.deliver(encodeEvent(kind, payload));
  }

  private deliver(frame: Buffer): void {
    if (this.closed) return;
    if (this.delayed) this.delayed.push(frame);
    else this.events.send(frame);
  }

  private endDelay(): void {
    const frames = this.delayed ?? [];
    this.delayed = null;
    this.delayTimer = null;
    frames.forEach((frame) => this.deliver(frame));
  }
}
