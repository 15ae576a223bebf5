import { joinBytes } from './concatBytes';

const PAGE_HEADER_BYTES = 27;
/** Identification, comment and setup: a Vorbis stream's first three packets. */
const HEADER_PACKETS = 3;
/**
 * Held at most: past it the bytes go on as they come, slowly but in bounded memory (a stream
 * whose headers never end is a broken or hostile one; the biggest covers are a few MB).
 */
export const MAX_HELD_BYTES = 16 * 1024 * 1024;

/**
 * Holds an Ogg Vorbis stream's bytes until its three header packets and the page after them
 * (its first audio page: Vorbis starts audio on a fresh page) are whole, then gives them all
 * at once. Until @wasm-audio-decoders/ogg-vorbis has decoded an audio packet, the channel count
 * it reads is uninitialised WASM memory (35,952 in the pinned 0.1.20), and every decode() call
 * builds that many empty arrays: 10–70 ms a call. A 600 KB cover in the comment header, fed in
 * 4 KiB pieces, put over 2 s before a song's first audio; now its headers cost one call.
 * Bytes that are not Ogg pages pass at once (the library says what is wrong with them).
 */
export class VorbisHeadGate {
  private held: Uint8Array[] = [];
  private heldLength = 0;
  private open = false;
  private packets = 0;
  private readonly header = new Uint8Array(PAGE_HEADER_BYTES + 255);
  private headerLength = 0;
  private bodyLeft = 0;
  /** The page being read starts after the header packets. */
  private audioPage = false;

  /** The bytes to decode now (those held before, then these); null while they are held. */
  push(bytes: Uint8Array): Uint8Array | null {
    if (this.open) return bytes;
    this.held.push(bytes);
    this.heldLength += bytes.length;
    return this.scan(bytes) || this.heldLength > MAX_HELD_BYTES ? this.release() : null;
  }

  /** At the song's end: what is still held (a stream cut before its first audio page). */
  flush(): Uint8Array | null {
    return this.heldLength > 0 ? this.release() : null;
  }

  reset(): void {
    this.held = [];
    this.heldLength = 0;
    this.open = false;
    this.packets = 0;
    this.headerLength = 0;
    this.bodyLeft = 0;
    this.audioPage = false;
  }

  private release(): Uint8Array {
    const bytes = joinBytes(this.held, this.heldLength);
    this.held = [];
    this.heldLength = 0;
    this.open = true;
    return bytes;
  }

  /** Follows the pages in `bytes`: true once the first audio page is whole, or no Ogg is seen. */
  private scan(bytes: Uint8Array): boolean {
    let position = 0;
    while (position < bytes.length) {
      if (this.bodyLeft > 0) {
        const step = Math.min(this.bodyLeft, bytes.length - position);
        this.bodyLeft -= step;
        position += step;
        if (this.bodyLeft === 0 && this.audioPage) return true;
        continue;
      }
      if (this.headerLength < PAGE_HEADER_BYTES) {
        position = this.copyHeader(bytes, position, PAGE_HEADER_BYTES);
        if (this.headerLength < PAGE_HEADER_BYTES) continue;
        if (String.fromCharCode(...this.header.subarray(0, 4)) !== 'OggS') return true;
      }
      const headerBytes = PAGE_HEADER_BYTES + this.header[26];
      position = this.copyHeader(bytes, position, headerBytes);
      if (this.headerLength < headerBytes) continue;
      this.audioPage = this.packets >= HEADER_PACKETS;
      for (const lacing of this.header.subarray(PAGE_HEADER_BYTES, headerBytes)) {
        this.bodyLeft += lacing;
        if (lacing < 255) this.packets++; // a lacing value under 255 ends a packet
      }
      this.headerLength = 0;
      if (this.bodyLeft === 0 && this.audioPage) return true;
    }
    return false;
  }

  private copyHeader(bytes: Uint8Array, position: number, wanted: number): number {
    const step = Math.min(wanted - this.headerLength, bytes.length - position);
    this.header.set(bytes.subarray(position, position + step), this.headerLength);
    this.headerLength += step;
    return position + step;
  }
}
