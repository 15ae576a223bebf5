/** An Ogg page header is 27 bytes, then one lacing byte per segment. */
const PAGE_HEADER_BYTES = 27;
const END_OF_STREAM_FLAG = 0x04;

export interface OggSplit {
  /** Bytes of the current link. */
  bytes: Uint8Array;
  /** True when `bytes` ends with the link's last (end-of-stream) page. */
  linkEnded: boolean;
  /** Bytes after the end of the link: the start of the next one (chained Ogg). */
  rest: Uint8Array;
}

/**
 * Follows the page structure of an Ogg stream to find where a logical stream ends, so a chained
 * file (links one after another, each with its own headers) can restart the decoder for each
 * link. Bytes pass through unchanged; only a page header is copied while it is incomplete.
 */
export class OggLinkSplitter {
  private header = new Uint8Array(PAGE_HEADER_BYTES + 255);
  private headerLength = 0;
  private bodyLeft = 0;
  private lastPage = false;
  /** Set when the bytes stop looking like Ogg pages: from then on, nothing is split. */
  private lost = false;

  push(bytes: Uint8Array): OggSplit {
    let position = 0;
    while (position < bytes.length && !this.lost) {
      if (this.bodyLeft > 0) {
        const step = Math.min(this.bodyLeft, bytes.length - position);
        this.bodyLeft -= step;
        position += step;
        if (this.bodyLeft === 0 && this.lastPage) return this.split(bytes, position);
        continue;
      }
      position = this.readHeader(bytes, position);
      if (this.headerLength === 0 && this.bodyLeft === 0 && this.lastPage) {
        return this.split(bytes, position); // an empty last page
      }
    }
    return { bytes, linkEnded: false, rest: new Uint8Array(0) };
  }

  /** Copies header bytes from `position`; once the header is whole, sets up its body. */
  private readHeader(bytes: Uint8Array, position: number): number {
    if (this.headerLength < PAGE_HEADER_BYTES) {
      position = this.copyHeader(bytes, position, PAGE_HEADER_BYTES);
      if (this.headerLength < PAGE_HEADER_BYTES) return position;
      if (String.fromCharCode(...this.header.subarray(0, 4)) !== 'OggS') {
        this.lost = true;
        return position;
      }
    }
    const segments = this.header[26];
    position = this.copyHeader(bytes, position, PAGE_HEADER_BYTES + segments);
    if (this.headerLength < PAGE_HEADER_BYTES + segments) return position;
    let body = 0;
    for (let i = 0; i < segments; i++) body += this.header[PAGE_HEADER_BYTES + i];
    this.bodyLeft = body;
    this.lastPage = (this.header[5] & END_OF_STREAM_FLAG) !== 0;
    this.headerLength = 0;
    return position;
  }

  private copyHeader(bytes: Uint8Array, position: number, wanted: number): number {
    const step = Math.min(wanted - this.headerLength, bytes.length - position);
    this.header.set(bytes.subarray(position, position + step), this.headerLength);
    this.headerLength += step;
    return position + step;
  }

  private split(bytes: Uint8Array, position: number): OggSplit {
    this.lastPage = false;
    return { bytes: bytes.subarray(0, position), linkEnded: true, rest: bytes.subarray(position) };
  }
}
