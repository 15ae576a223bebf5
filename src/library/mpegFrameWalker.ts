import { parseFrameHeader, type FrameHeader } from './mp3FrameHeader';

/**
 * Follows a chain of MPEG audio frames through a file fed to it in chunks, recording where
 * each frame starts. Every frame counts, a leading Xing/Info/LAME frame too: it holds no sound,
 * so in files that have one our times run one frame (~26 ms) ahead of the audio. That is a
 * deliberate simplification, far below what a listener notices when seeking.
 */
export class MpegFrameWalker {
  readonly offsets: number[] = [];
  readonly startSeconds: number[] = [];
  /** Samples before the current frame; counted rather than summing seconds, to avoid drift. */
  private samples = 0;
  /** File offset where the previous frame ended: a header found there needs no confirmation. */
  private expectedOffset = -1;
  /** The first frame's header; later frames must share its version, layer and sample rate. */
  private stream: FrameHeader | null = null;

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
        this.accept(header, base + i);
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
        this.accept(header, base + i);
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

  private accept(header: FrameHeader, offset: number) {
    this.stream ??= header;
    this.offsets.push(offset);
    this.startSeconds.push(this.samples / header.sampleRate);
    this.samples += header.samplesPerFrame;
    this.expectedOffset = offset + header.frameLength;
  }
}

function sameStream(a: FrameHeader, b: FrameHeader): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
}
