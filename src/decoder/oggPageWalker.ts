/** An Ogg page header is 27 bytes, then one lacing byte per segment. */
export const PAGE_HEADER_BYTES = 27;

export interface OggStep {
  /** Where the walk stopped in the bytes given. */
  position: number;
  /** The header of the page that ended there (valid until the next walk), or null. */
  ended: Uint8Array | null;
}

/**
 * Follows the pages of an Ogg stream across pushes of any size: where each page ends and what
 * its header says. Bytes are not copied, only a page header while it is incomplete. Used to
 * find a chained file's link ends (OggLinkSplitter) and a Vorbis stream's first audio page
 * (VorbisHeadGate).
 */
export class OggPageWalker {
  /** Set when the bytes stop looking like Ogg pages: nothing more is walked. */
  lost = false;
  private readonly header = new Uint8Array(PAGE_HEADER_BYTES + 255);
  private headerLength = 0;
  private inBody = false;
  private bodyLeft = 0;

  /** Walks from `position` to the end of the current page or of `bytes`, whichever is first. */
  walk(bytes: Uint8Array, position: number): OggStep {
    if (!this.inBody) {
      position = this.readHeader(bytes, position);
      if (!this.inBody) return { position, ended: null };
    }
    const step = Math.min(this.bodyLeft, bytes.length - position);
    this.bodyLeft -= step;
    position += step;
    if (this.bodyLeft > 0) return { position, ended: null };
    this.inBody = false;
    return { position, ended: this.header };
  }

  private readHeader(bytes: Uint8Array, position: number): number {
    if (this.headerLength < PAGE_HEADER_BYTES) {
      position = this.copyHeader(bytes, position, PAGE_HEADER_BYTES);
      if (this.headerLength < PAGE_HEADER_BYTES) return position;
      if (String.fromCharCode(...this.header.subarray(0, 4)) !== 'OggS') {
        this.lost = true;
        return position;
      }
    }
    const headerBytes = PAGE_HEADER_BYTES + this.header[26];
    position = this.copyHeader(bytes, position, headerBytes);
    if (this.headerLength < headerBytes) return position;
    this.bodyLeft = 0;
    for (const lacing of this.header.subarray(PAGE_HEADER_BYTES, headerBytes)) {
      this.bodyLeft += lacing;
    }
    this.headerLength = 0;
    this.inBody = true;
    return position;
  }

  private copyHeader(bytes: Uint8Array, position: number, wanted: number): number {
    const step = Math.min(wanted - this.headerLength, bytes.length - position);
    this.header.set(bytes.subarray(position, position + step), this.headerLength);
    this.headerLength += step;
    return position + step;
  }
}

/** The packets a page's header says end on it: a lacing value under 255 ends a packet. */
export function packetsEndingIn(header: Uint8Array): number {
  let packets = 0;
  for (const lacing of header.subarray(PAGE_HEADER_BYTES, PAGE_HEADER_BYTES + header[26])) {
    if (lacing < 255) packets++;
  }
  return packets;
}
