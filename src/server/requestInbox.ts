import { FrameParser, type Packet } from '../protocol';

/** Input parsed per step: at most this many bytes' worth of requests wait as parsed packets. */
export const PARSE_SLICE_BYTES = 1024;

/**
 * A connection's received bytes, parsed into requests only as fast as they are taken. A read of
 * 64 KiB can hold 10,000 tiny requests; parsing them all at once would cost megabytes of packet
 * objects while the connection waits for its replies to drain. Here at most one slice's packets
 * (about 170) exist at a time, and the rest stay raw bytes.
 */
export class RequestInbox {
  private readonly parser: FrameParser;
  private readonly chunks: Buffer[] = [];
  private unparsedLength = 0;
  private parsed: Packet[] = [];
  private parsedAt = 0;

  /** @param maxPacketBytes bytes a request may hold before the parser throws. */
  constructor(maxPacketBytes: number) {
    this.parser = new FrameParser(maxPacketBytes);
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.unparsedLength += chunk.length;
  }

  /**
   * The next whole request, or null when the bytes so far end mid-request.
   * @throws PacketTooLargeError when a request outgrows the bound.
   */
  next(): Packet | null {
    while (this.parsedAt >= this.parsed.length) {
      if (this.unparsedLength === 0) return null;
      this.parsed = this.parser.push(this.takeSlice());
      this.parsedAt = 0;
    }
    const packet = this.parsed[this.parsedAt];
    this.parsedAt += 1;
    return packet;
  }

  /** Bytes of a request begun but not finished, as far as parsed. */
  get partialBytes(): number {
    return this.parser.bufferedBytes;
  }

  /** Received bytes not yet taken as requests: unparsed input, parsed packets, a partial one. */
  get heldBytes(): number {
    let parsedBytes = 0;
    for (let i = this.parsedAt; i < this.parsed.length; i++)
      parsedBytes += this.parsed[i].body.length;
    return this.unparsedLength + parsedBytes + this.parser.bufferedBytes;
  }

  /** Whether requests are waiting to be taken (parsed or not). */
  get hasPending(): boolean {
    return this.parsedAt < this.parsed.length || this.unparsedLength > 0;
  }

  private takeSlice(): Buffer {
    const first = this.chunks[0];
    const slice = first.subarray(0, PARSE_SLICE_BYTES);
    if (slice.length === first.length) this.chunks.shift();
    else this.chunks[0] = first.subarray(slice.length);
    this.unparsedLength -= slice.length;
    return slice;
  }
}
