import { readFrameSideInfo } from './frameSideInfo';
import { parseFrameHeader, type FrameHeader } from './mp3FrameHeader';
import { readXingTag, type XingTag } from './xingTag';

/**
 * Follows a chain of MPEG audio frames through a file fed to it in chunks, recording where
 * each audio frame starts and what it borrows from the bit reservoir. A leading Xing/Info
 * frame holds no sound (decoders skip it): it is read as the stream's tag, not listed as audio.
 */
/** Header, CRC and the largest side info: what must be in hand to read a frame's reservoir use. */
const SIDE_INFO_REACH = 4 + 2 + 32;

export class MpegFrameWalker {
  readonly offsets: number[] = [];
  readonly mainDataBegin: number[] = [];
  readonly payloadBytes: number[] = [];
  /** The Xing/Info tag of the first frame, if it is one. */
  tag: XingTag | null = null;
  /** The first frame's header; later frames must share its version, layer and sample rate. */
  stream: FrameHeader | null = null;
  /** File offset where the previous frame ended: a header found there needs no confirmation. */
  private expectedOffset = -1;

  constructor(private readonly fileSize: number) {}

  /**
   * Walks the frames in `bytes` (the file's content from offset `base`) and returns how far the
   * caller should advance before feeding the next chunk. Chunks must be longer than the largest
   * frame plus a header (a few KiB) unless they reach the end of the file, or this can return 0.
   */
  consume(bytes: Uint8Array, base: number): number {
    let i = 0;
    while (i + 4 <= bytes.length) {
      const header = parseFrameHeader(bytes, i);
      if (header === null || !this.belongsToStream(header)) {
        i++;
        continue;
      }
      if (base + i === this.expectedOffset) {
        // The side info must be in this chunk too; if not, continue from here next time.
        if (i + SIDE_INFO_REACH > bytes.length && base + i + SIDE_INFO_REACH <= this.fileSize) {
          return i;
        }
        this.accept(bytes, i, header, base + i);
        i += header.frameLength;
        continue;
      }
      // Resyncing: a lone 0xFFE pattern is easily noise, so require the next header to agree too.
      const next = i + header.frameLength;
      const endsAtEof = base + next === this.fileSize;
      if (!endsAtEof && next + 4 > bytes.length && base + next + 4 <= this.fileSize) {
        return i; // The next header is in the file but not in this chunk; continue from here.
      }
      if (endsAtEof || this.confirms(header, parseFrameHeader(bytes, next))) {
        this.accept(bytes, i, header, base + i);
        i = next;
      } else {
        i++;
      }
    }
    return i;
  }

  private belongsToStream(header: FrameHeader): boolean {
    const s = this.stream;
    return s === null || sameStream(s, header);
  }

  private confirms(header: FrameHeader, next: FrameHeader | null): boolean {
    return next !== null && sameStream(header, next);
  }

  private accept(bytes: Uint8Array, at: number, header: FrameHeader, offset: number) {
    this.expectedOffset = offset + header.frameLength;
    const side = readFrameSideInfo(bytes, at, header);
    if (this.stream === null) {
      this.stream = header;
      this.tag = readXingTag(bytes, at, header, side);
      if (this.tag !== null) return;
    }
    this.offsets.push(offset);
    this.mainDataBegin.push(side.mainDataBegin);
    this.payloadBytes.push(side.payloadBytes);
  }
}

function sameStream(a: FrameHeader, b: FrameHeader): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
}
