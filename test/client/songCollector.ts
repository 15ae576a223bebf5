import type { SongStream } from '../../src/client';

/** Reads a song stream into memory and says when a given number of bytes has arrived. */
export class SongCollector {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private waiters: { bytes: number; resolve: () => void }[] = [];

  constructor(readonly stream: SongStream) {
    stream.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.received += chunk.length;
      this.waiters = this.waiters.filter((w) => (this.received >= w.bytes ? w.resolve() : true));
    });
  }

  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Resolves once `bytes` bytes have been read (for seed-era servers, which send no end). */
  reached(bytes: number): Promise<void> {
    if (this.received >= bytes) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ bytes, resolve }));
  }
}
