import {
  parseFlacFrameHeader,
  parseStreamInfo,
  type FlacFrameHeader,
  type FlacStreamInfo,
} from '../library/flacFrameHeader';
import { concatBytes } from './concatBytes';
import { flacCrc16 } from './flacCrc16';

/** Past this, the frame at hand is taken for damage and skipped (codec-parser's bound too). */
const MAX_FRAME_BYTES = 512 * 1024;
/** A frame header's longest form: sync to CRC-8 with 7-byte number, 16-bit size and rate. */
const MAX_HEADER_BYTES = 16;
const EMPTY = new Uint8Array(0);

/**
 * Cuts a native FLAC stream (`fLaC`, metadata blocks, frames) into whole frames for libFLAC,
 * which must be given each frame complete. A frame ends where the next valid header starts
 * (sync, reserved bits, STREAMINFO's channels and sample size, CRC-8). That header is taken
 * for the end at once when it is the current frame's successor (the next sample number, the
 * same blocking strategy, sample rate and sample size codes); any other one only if the bytes
 * before it carry the right CRC-16, codec-parser's proof. A successor-shaped run of bytes inside
 * a frame's audio is rare (2^-42 a byte or less) but possible: libFLAC, which checks every frame's
 * CRC-16 itself, then reports an error for the cut frame, and the decoder hands the frames back
 * through `retry`, which cuts them again with every end proven by its CRC-16. The frames are
 * views into the bytes pushed (a frame split between two pushes is joined once).
 */
export class FlacFrameSplitter {
  /** Bytes not yet handed out; in the frames, pending[0] starts the frame `current` when set. */
  private pending: Uint8Array = EMPTY;
  private info: FlacStreamInfo | null = null;
  /** Metadata bytes still to skip (a cover can be megabytes, so they are not kept). */
  private skip = 0;
  private magicSeen = false;
  private lastBlockSeen = false;
  private current: FlacFrameHeader | null = null;
  /** Where the search for the next frame's start goes on from, in pending. */
  private searchFrom = 0;
  /** The header that ends the current frame, once frameEnd finds it. */
  private nextHeader: FlacFrameHeader | null = null;
  /** The current frame's successor by sample number, when the CRC-16 up to it failed. */
  private damaged: { at: number; header: FlacFrameHeader } | null = null;
  /** Bytes from pending[0] on whose frame ends must be proven by their CRC-16 (after a retry). */
  private proveBytes = 0;
  /** The stream's two sync bytes (its blocking strategy), once its first frame is found. */
  private sync: Buffer | null = null;
  /** Frames of the last push or retry whose end is not proven by a CRC-16. */
  private unproven = 0;

  /** The last push's frames include ends taken on their successor's header alone. */
  get unprovenCuts(): boolean {
    return this.unproven > 0;
  }

  /** The whole frames the bytes so far complete. */
  push(bytes: Uint8Array): Uint8Array[] {
    this.unproven = 0;
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, bytes.length);
      this.skip -= skipped;
      bytes = bytes.subarray(skipped);
    }
    if (bytes.length === 0) return [];
    this.pending = this.pending.length === 0 ? bytes : concatBytes(this.pending, bytes);
    if (!this.lastBlockSeen && !this.readMetadata()) return [];
    return this.cutFrames();
  }

  /**
   * libFLAC found fault with `frames`, the last push's: they and the bytes held after them are
   * cut again, every end proven by its CRC-16 (a damaged frame then goes alone, as ever).
   */
  retry(frames: Uint8Array[]): Uint8Array[] {
    this.unproven = 0;
    const parts = [...frames, this.pending];
    const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    this.pending = joined;
    this.proveBytes = this.pending.length;
    this.current = null;
    this.damaged = null;
    return this.cutFrames();
  }

  /** At the song's end: what is left is the last frame (libFLAC ignores anything after it). */
  end(): Uint8Array[] {
    this.unproven = 0;
    const rest = this.info && this.current ? this.pending : EMPTY;
    const damaged = this.damaged;
    this.pending = EMPTY;
    this.current = null;
    this.damaged = null;
    if (rest.length === 0) return [];
    // A damaged frame, then the last one: both go, each whole.
    return damaged ? [rest.subarray(0, damaged.at), rest.subarray(damaged.at)] : [rest];
  }

  /** Reads `fLaC` and the metadata blocks; false while more bytes are needed. */
  private readMetadata(): boolean {
    let at = 0;
    const b = this.pending;
    if (!this.magicSeen) {
      if (b.length < 4) return false;
      if (b[0] !== 0x66 || b[1] !== 0x4c || b[2] !== 0x61 || b[3] !== 0x43) {
        throw new Error('not a FLAC stream (no fLaC)');
      }
      this.magicSeen = true;
      at = 4;
    }
    while (!this.lastBlockSeen) {
      if (at + 4 > b.length) break;
      const type = b[at] & 0x7f;
      const length = (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
      if (type === 0) {
        if (at + 4 + length > b.length) break;
        this.info = parseStreamInfo(b.subarray(at + 4, at + 4 + length));
      }
      this.lastBlockSeen = (b[at] & 0x80) !== 0;
      at += 4;
      const here = Math.min(length, b.length - at);
      at += here;
      this.skip = length - here;
    }
    this.pending = b.subarray(at);
    if (this.lastBlockSeen && !this.info) throw new Error('FLAC stream without STREAMINFO');
    return this.lastBlockSeen && this.skip === 0;
  }

  private cutFrames(): Uint8Array[] {
    const info = this.info as FlacStreamInfo;
    const frames: Uint8Array[] = [];
    let b = this.pending;
    while (true) {
      if (!this.current) {
        // Not in step: the first header from here on starts the next frame to try.
        const start = findHeader(b, 0, info, this.sync);
        if (start.at < 0) {
          this.pending = b.subarray(start.searched);
          return frames;
        }
        b = b.subarray(start.at);
        this.proveBytes -= start.at;
        this.current = start.header;
        this.sync ||= SYNC[b[1]];
        this.searchFrom = start.header?.length ?? 0;
      }
      const end = this.frameEnd(b, info);
      if (end > 0) {
        frames.push(b.subarray(0, end));
        b = b.subarray(end);
        this.proveBytes -= end;
        this.current = this.nextHeader;
        this.searchFrom = (this.nextHeader as FlacFrameHeader).length;
        this.damaged = null;
        continue;
      }
      if (this.searchFrom > MAX_FRAME_BYTES) {
        // No end in sight: skip past this header and search again (codec-parser's way too).
        b = b.subarray((this.current as FlacFrameHeader).length);
        this.proveBytes -= (this.current as FlacFrameHeader).length;
        this.current = null;
        this.damaged = null;
        continue;
      }
      this.pending = b;
      return frames;
    }
  }

  /**
   * Where the frame at b[0] ends, or 0 while unknown (searchFrom then says how far it looked).
   * Normally at the first valid header that is its successor, or else has the right CRC-16
   * before it (every end needs the CRC-16 within proveBytes). A damaged frame has no such end;
   * it is taken to end at its successor's header (the next sample number) once that successor's
   * own successor shows up, so libFLAC gets it (and reports its CRC) and the frames after it
   * play, instead of everything up to 512 KiB on being skipped.
   */
  private frameEnd(b: Uint8Array, info: FlacStreamInfo): number {
    let next = findHeader(b, this.searchFrom, info, this.sync);
    for (; next.at >= 0; next = findHeader(b, next.at + 1, info, this.sync)) {
      const header = next.header as FlacFrameHeader;
      if (this.proveBytes <= 0 && successor(b, next.at, this.current as FlacFrameHeader, header)) {
        this.unproven++;
        this.nextHeader = header;
        return next.at;
      }
      if (crcMatches(b, next.at)) {
        this.nextHeader = header;
        return next.at;
      }
      if (this.damaged === null && follows(this.current as FlacFrameHeader, header)) {
        this.damaged = { at: next.at, header };
      } else if (this.damaged !== null && follows(this.damaged.header, header)) {
        this.nextHeader = this.damaged.header;
        return this.damaged.at;
      }
    }
    this.searchFrom = next.searched;
    return 0;
  }
}

/** b is the frame right after a (by sample number). */
function follows(a: FlacFrameHeader, b: FlacFrameHeader): boolean {
  return b.firstSample === a.firstSample + a.blockSize;
}

/**
 * The header at b[at] is the successor of the frame at b[0], whose header is `a`: the next sample
 * number, and the codes a stream keeps from frame to frame (blocking strategy, sample rate, sample
 * size) the same. With the sync and CRC-8, a byte of audio passes by chance at 2^-42 or less
 * (ARCHITECTURE, "FLAC frame ends without a CRC-16 per frame").
 */
function successor(
  b: Uint8Array,
  at: number,
  a: FlacFrameHeader,
  header: FlacFrameHeader,
): boolean {
  return (
    b[at + 1] === b[1] &&
    ((b[at + 2] ^ b[2]) & 0x0f) === 0 &&
    ((b[at + 3] ^ b[3]) & 0x0e) === 0 &&
    follows(a, header)
  );
}

interface Found {
  /** Offset of a valid header, or -1. */
  at: number;
  header: FlacFrameHeader | null;
  /** Where the search stopped when nothing was found: a header may start there once more arrives. */
  searched: number;
}

/** A stream's sync: 0xFFF8 with fixed-size blocks, 0xFFF9 with variable ones. */
const SYNC: Record<number, Buffer> = {
  0xf8: Buffer.from([0xff, 0xf8]),
  0xf9: Buffer.from([0xff, 0xf9]),
};

/**
 * The first valid header at or after `from`. Once the stream's sync is known only headers with it
 * count (a stream keeps its blocking strategy), and Buffer's search finds it in native code: a
 * 0xFF turns up every 256 bytes of 24-bit audio, the two bytes every 65,536.
 */
function findHeader(b: Uint8Array, from: number, info: FlacStreamInfo, sync: Buffer | null): Found {
  const bytes = sync && Buffer.from(b.buffer, b.byteOffset, b.length);
  const search = (at: number) => (bytes ? bytes.indexOf(sync as Buffer, at) : b.indexOf(0xff, at));
  for (let i = search(from); i !== -1; i = search(i + 1)) {
    if (i + MAX_HEADER_BYTES > b.length) return { at: -1, header: null, searched: i };
    if ((b[i + 1] & 0xfe) !== 0xf8) continue;
    const header = parseFlacFrameHeader(b, i, info);
    if (header) return { at: i, header, searched: i };
  }
  return { at: -1, header: null, searched: Math.max(from, b.length - MAX_HEADER_BYTES + 1) };
}

/** The bytes before `end` are a whole frame: its last two bytes are the CRC-16 of the rest. */
function crcMatches(b: Uint8Array, end: number): boolean {
  return end >= 2 && flacCrc16(b, 0, end - 2) === ((b[end - 2] << 8) | b[end - 1]);
}
