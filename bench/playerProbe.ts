import { PlaybackService } from '../src/player';
import type { AudioChunk, StreamEvent } from '../src/shared/tidewaveApi';
import { now, withTimeout } from './timing';

interface StreamRecord {
  firstAudioAt: number | null;
  chunks: number;
  failure: string | null;
  wake: Array<() => void>;
}

/**
 * The app's playback pipeline (ClientSession → worker decoder → flow gate → audio chunks) with a
 * stand-in renderer that plays everything at once: it reports an empty buffer after each chunk.
 * One serves the whole run, so its decoder worker starts once, as in the app.
 */
export class PlayerProbe {
  readonly service = new PlaybackService();
  private readonly streams = new Map<number, StreamRecord>();

  constructor() {
    this.service.on('audio', (chunk) => this.onAudio(chunk));
    this.service.on('stream', (event) => this.onEvent(event));
  }

  /** Connects to 127.0.0.1:`port`, leaving any earlier server. */
  async connect(port: number): Promise<void> {
    await this.service.connect('127.0.0.1', port);
  }

  async disconnect(): Promise<void> {
    await this.service.disconnect();
  }

  /** Sends the play request; the stream id names the new stream's audio. */
  async play(songId: number): Promise<number> {
    const { streamId } = await this.service.play({ songId });
    this.record(streamId);
    return streamId;
  }

  /** When the stream's first audio chunk was ready for the renderer (performance.now()). */
  async firstAudioAt(streamId: number, timeoutMs: number): Promise<number> {
    const record = this.record(streamId);
    const ready = new Promise<number>((resolve, reject) => {
      const check = () => {
        if (record.firstAudioAt !== null) resolve(record.firstAudioAt);
        else if (record.failure !== null) reject(new Error(record.failure));
        else record.wake.push(check);
      };
      check();
    });
    return withTimeout(ready, timeoutMs, `first audio of stream ${streamId}`);
  }

  /** Audio chunks the stream has emitted so far. */
  chunks(streamId: number): number {
    return this.streams.get(streamId)?.chunks ?? 0;
  }

  stop(): Promise<void> {
    return this.service.stop();
  }

  async dispose(): Promise<void> {
    await this.service.dispose();
  }

  private record(streamId: number): StreamRecord {
    let record = this.streams.get(streamId);
    if (!record) {
      record = { firstAudioAt: null, chunks: 0, failure: null, wake: [] };
      this.streams.set(streamId, record);
    }
    return record;
  }

  private onAudio(chunk: AudioChunk): void {
    const record = this.record(chunk.streamId);
    record.chunks += 1;
    record.firstAudioAt ??= now();
    this.service.reportBuffer(chunk.streamId, 0);
    this.wakeAll(record);
  }

  private onEvent(event: StreamEvent): void {
    if (event.kind !== 'error') return;
    const record = this.record(event.streamId);
    record.failure = event.message;
    this.wakeAll(record);
  }

  private wakeAll(record: StreamRecord): void {
    const waiting = record.wake;
    record.wake = [];
    for (const wake of waiting) wake();
  }
}
