import { joinBytes } from './concatBytes';
import { OggPageWalker, packetsEndingIn } from './oggPageWalker';

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
  private pages = new OggPageWalker();
  /** Packets that ended on the pages walked so far. */
  private packets = 0;

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
    this.pages = new OggPageWalker();
    this.packets = 0;
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
    for (let position = 0; position < bytes.length;) {
      const step = this.pages.walk(bytes, position);
      if (this.pages.lost) return true;
      position = step.position;
      if (!step.ended) continue;
      // The page after the header packets is the first audio page (Vorbis starts it afresh).
      const audioPage = this.packets >= HEADER_PACKETS;
      this.packets += packetsEndingIn(step.ended);
      if (audioPage) return true;
    }
    return false;
  }
}
