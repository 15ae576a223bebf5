import {
  SOURCE_DECODER_WORKER,
  WorkerDecoder,
  type DecodedPart,
  type PcmChunk,
  type StreamDecoder,
} from '../../../src/decoder';

/**
 * The real worker decoder, telling `onReset` at each reset the player asks for, in the player's
 * order: whether a reset may come then is the test's to judge (a newer song may have the decoder).
 */
export class ResetWatch implements StreamDecoder {
  private readonly inner = new WorkerDecoder(SOURCE_DECODER_WORKER);

  constructor(private readonly onReset: () => void) {}

  decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    return this.inner.decode(bytes);
  }

  decodeUntil(bytes: Uint8Array, minSeconds: number): Promise<DecodedPart> {
    return this.inner.decodeUntil(bytes, minSeconds);
  }

  end(): Promise<PcmChunk | null> {
    return this.inner.end();
  }

  reset(): Promise<void> {
    this.onReset();
    return this.inner.reset();
  }

  /** Passed on, so fast skips cut the worker's decode in progress as the app's do. */
  abandon(): void {
    this.inner.abandon();
  }

  terminate(): Promise<void> {
    return this.inner.terminate();
  }
}
