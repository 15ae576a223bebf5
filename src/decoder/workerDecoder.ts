import type { Worker } from 'node:worker_threads';
import { AbandonMark } from './abandonMark';
import { DecoderError, DecoderStoppedError } from './decoderError';
import type { DecoderReply, DecoderRequest } from './decoderMessages';
import type { PcmChunk } from './pcmChunk';
import { startWorker } from './startWorker';
import type { DecodedPart, StreamDecoder } from './streamDecoder';

type RequestBody = DistributiveOmit<DecoderRequest, 'id'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve(part: DecodedPart): void;
  reject(error: Error): void;
}

/**
 * Main-thread proxy for decoderWorker: same contract as the in-thread decoder, but decoding runs
 * on a worker thread. Input bytes are copied once and their buffer transferred; PCM buffers come
 * back transferred.
 */
export class WorkerDecoder implements StreamDecoder {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: DecoderError | null = null;
  private readonly mark = new AbandonMark();
  /** The current song's, counted in resets (from 1: the mark starts at 0, abandoning none). */
  private epoch = 1;
  /** A reset succeeded and nothing was asked since. */
  private fresh = false;

  constructor(workerEntry: string | URL) {
    this.worker = startWorker(workerEntry);
    this.worker.on('message', (reply: DecoderReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(`The decoder stopped: ${error.message}`));
    this.worker.on('exit', () => this.fail('The decoder has stopped'));
    this.request({ kind: 'abandonMark', shared: this.mark.shared }).catch(() => undefined);
  }

  async decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    const owned = new Uint8Array(bytes); // a copy whose buffer we can give away
    const request = { kind: 'decode', bytes: owned, epoch: this.epoch } as const;
    return (await this.request(request, [owned.buffer])).pcm;
  }

  decodeUntil(bytes: Uint8Array, minSeconds: number): Promise<DecodedPart> {
    const owned = new Uint8Array(bytes);
    const request = { kind: 'decodeUntil', bytes: owned, minSeconds, epoch: this.epoch } as const;
    return this.request(request, [owned.buffer]);
  }

  /**
   * The current song is no longer wanted: its decode in progress stops within a piece and any
   * still queued decode nothing. Their answers are partial; reset() comes before the next song.
   */
  abandon(): void {
    this.mark.abandonThrough(this.epoch);
  }

  async end(): Promise<PcmChunk | null> {
    return (await this.request({ kind: 'end' })).pcm;
  }

  /**
   * A reset that succeeded, with nothing asked since, left the decoder fresh: another sends
   * nothing. That keeps the worker asleep while a play's request is on its way to the server (on
   * a 2-core machine the server, this thread and a woken worker share two cores just then). A
   * reset that failed, or whose answer has not come, is not taken for one.
   */
  reset(): Promise<void> {
    this.epoch++;
    if (this.fresh) return Promise.resolve();
    const answer = this.request({ kind: 'reset' });
    const askedUpTo = this.nextId; // a later request's id would be this or more
    return answer.then(() => {
      if (this.nextId === askedUpTo) this.fresh = true;
    });
  }

  async terminate(): Promise<void> {
    this.fail('The decoder has been terminated');
    await this.worker.terminate();
  }

  private request(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<DecodedPart> {
    if (this.failure) return Promise.reject(this.failure);
    this.fresh = false;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...body } satisfies DecoderRequest, transfer);
    });
  }

  private settle(reply: DecoderReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve({ pcm: reply.pcm, used: reply.used ?? 0 });
    else pending.reject(new DecoderError(reply.message));
  }

  private fail(message: string): void {
    this.failure ??= new DecoderStoppedError(message);
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}
