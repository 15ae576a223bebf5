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
import { PAGE_BRIDGE_SCRIPT } from './support/pageBridgeScript';

/** The invoke and send half of TidewaveApi (see the IPC contract): what main handles. */
type BridgeMethod = InvokeMethod | SendMethod;
export type BridgeHandlers = Pick<TidewaveApi, BridgeMethod>;

interface EventPayloads {
  connection: ConnectionState;
  host: HostState;
  stream: StreamEvent;
  audio: { streamId: number; sampleRate: number; channels: string[] };
  mediaKey: MediaKey;
  library: LibraryChange;
  found: FoundLibraryInfo[];
  activity: HostActivity;
}

function toBase64(samples: Float32Array): string {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');
}

/**
 * A stand-in for the preload + ipcMain pair, for driving the real renderer in Chromium:
 * invoke methods reach `handlers` (the real services) through one exposed binding; events are
 * pushed into the page in order through a single queue of `page.evaluate` calls.
 */
export class TestBridge {
  private pending: Array<[keyof EventPayloads, unknown]> = [];
  private delivery: Promise<void> | null = null;
  private closed = false;

  private constructor(private readonly page: Page) {}

  static async install(page: Page, handlers: BridgeHandlers): Promise<TestBridge> {
    const bridge = new TestBridge(page);
    await page.exposeBinding('__twInvoke', async (_source, method: string, args: unknown[]) => {
      if (!Object.hasOwn(handlers, method)) throw new Error(`No such bridge method: ${method}`);
      const handler = handlers[method as BridgeMethod] as (...values: unknown[]) => unknown;
      // As JSON text: Playwright's own serialisation of a binding's result takes seconds for
      // a list of 20,000 songs (every result of the API is plain JSON data).
      const result = await handler(...args);
      return result === undefined ? undefined : JSON.stringify(result);
    });
    await page.addInitScript(PAGE_BRIDGE_SCRIPT);
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
    const { streamId, sampleRate, channels } = chunk;
    this.send('audio', { streamId, sampleRate, channels: channels.map(toBase64) });
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

  /** Resolves once every event sent so far has reached the page. */
  async flushed(): Promise<void> {
    while (this.delivery) await this.delivery;
  }

  close(): void {
    this.closed = true;
  }

  /**
   * Events go out in order, batched: whatever piled up while one `page.evaluate` was in flight
   * goes in the next one, so a burst of audio does not cost a round trip per chunk.
   */
  private send<K extends keyof EventPayloads>(kind: K, payload: EventPayloads[K]): void {
    if (this.closed) return;
    this.pending.push([kind, payload]);
    this.delivery ??= this.deliver();
  }

  private async deliver(): Promise<void> {
    while (this.pending.length > 0 && !this.closed) {
      const batch = this.pending;
      this.pending = [];
      await this.page
        .evaluate((events) => {
          const page = globalThis as unknown as { __twEmit(kind: string, payload: unknown): void };
          for (const [kind, payload] of events) page.__twEmit(kind, payload);
        }, batch)
        .catch(() => undefined); // The page may be closing; its events no longer matter.
    }
    this.delivery = null;
  }
}
