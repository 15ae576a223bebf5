import { isUnsupportedFormat, sniffFormat, type AudioFormat } from '../library/sniffFormat';
import { abandonPieceBytes } from './abandonMark';
import { joinBytes } from './concatBytes';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import type { FormatDecoder } from './formatDecoder';
import { Mp3FormatDecoder } from './mp3FormatDecoder';
import { OggLinkSplitter } from './oggLinkSplitter';
import { nextPieceBytes, songHead, type SongHead } from './firstAudioPieces';
import { PcmQueue } from './pcmQueue';
import type { PcmChunk } from './pcmChunk';
import type { DecodedPart } from './streamDecoder';

/**
 * Bytes held while the format is not yet known. Only ID3 tags in front of the audio can make
 * that take long; a tag larger than this is taken for garbage rather than buffered on.
 */
const MAX_SNIFF_BYTES = 16 * 1024 * 1024;

interface Link {
  decoder: FormatDecoder;
  /** For Ogg: finds where this logical stream ends, so a chained file restarts per link. */
  ogg: OggLinkSplitter | null;
  /** mpg123's: all its bytes past the tags it reads itself are frames, audio from the first. */
  mpeg: boolean;
}

const NO_HEAD: SongHead = { tagBytes: 0, framesAfter: false };

/**
 * Any supported song → planar PCM, on the calling thread. The format comes from the song's first
 * bytes (sniffFormat), then those bytes and the rest go to that format's decoder. A chained Ogg
 * file is decoded link by link, each with a fresh decoder, even when the codec changes.
 * Decoders are made on first use and kept for later songs.
 */
export class SongDecoder {
  private readonly decoders = new Map<AudioFormat, FormatDecoder>();
  private head: Uint8Array[] = [];
  private headLength = 0;
  private link: Link | null = null;
  private linksDone = 0;
  /** Why this song cannot be decoded; its further bytes are dropped, and end() throws this. */
  private unplayable: string | null = null;
  /** Bytes after the last link of a chained Ogg file that are no audio: dropped. */
  private trailingJunk = false;
  private readonly output = new PcmQueue();

  private constructor(mp3: FormatDecoder) {
    this.decoders.set('mp3', mp3); // ready at once for the most common format
  }

  static async create(): Promise<SongDecoder> {
    return new SongDecoder(await Mp3FormatDecoder.create());
  }

  /**
   * Decodes `bytes`. With `abandoned` (asked before each piece, abandonPieceBytes) it stops once
   * the song is no longer wanted, and gives what it decoded; a reset must come before more bytes.
   */
  async decode(bytes: Uint8Array, abandoned?: () => boolean): Promise<PcmChunk | null> {
    if (!abandoned) await this.feedPlayable(bytes);
    else {
      const piece = abandonPieceBytes(bytes.length);
      for (let at = 0; at < bytes.length && !abandoned(); at += piece) {
        await this.feedPlayable(bytes.subarray(at, at + piece));
      }
    }
    return this.output.take();
  }

  /**
   * Feeds `bytes` in pieces only until `minSeconds` of audio is out (firstAudioPieces: a song's
   * tags in one piece, then pieces sized for the frames still wanted), and
   * returns it with the count of bytes used; the rest are to be given again. `abandoned` as for
   * decode().
   */
  async decodeUntil(
    bytes: Uint8Array,
    minSeconds: number,
    abandoned: () => boolean = () => false,
  ): Promise<DecodedPart> {
    // Only a song's very first bytes say where its tags end (a later read starts anywhere).
    const songStart = !this.link && this.headLength === 0 && this.linksDone === 0;
    const head = songStart ? songHead(bytes) : NO_HEAD;
    let used = 0;
    let lastAudio: { bytes: number; frames: number } | null = null;
    while (used < bytes.length && !this.output.shapeChanges && !abandoned()) {
      const before = this.output.leading();
      const wanted = Math.ceil(minSeconds * before.sampleRate) - before.frames;
      if (before.frames > 0 && wanted <= 0) break;
      const tagBytesLeft = Math.max(0, head.tagBytes - used);
      const audioAhead =
        before.frames > 0 || this.link?.mpeg === true || (head.framesAfter && tagBytesLeft === 0);
      const size = nextPieceBytes({ tagBytesLeft, audioAhead, wantedFrames: wanted, lastAudio });
      const piece = bytes.subarray(used, used + size);
      await this.feedPlayable(piece);
      used += piece.length;
      const frames = this.output.leading().frames - before.frames;
      lastAudio = before.frames > 0 ? { bytes: piece.length, frames } : null;
    }
    return { pcm: this.output.take(), used };
  }

  /** The end of the song: the audio decoders still held; throws when the song had none. */
  async end(): Promise<PcmChunk | null> {
    if (!this.link && this.headLength > 0) await this.startLink(true);
    if (this.unplayable !== null) throw new DecoderError(this.unplayable);
    if (this.link) {
      const link = this.link;
      this.link = null;
      this.output.push(await link.decoder.end());
    }
    return this.output.takeAll();
  }

  /**
   * Also readies the decoders the last song used (a new mpg123 handle for MP3; for FLAC and
   * Vorbis their spare WASM instance or a new one): done here, that work overlaps the next
   * song's request on the network instead of delaying its first audio. The next song's own reset
   * then finds it fresh.
   */
  async reset(): Promise<void> {
    for (const decoder of this.decoders.values()) await decoder.reset();
    this.head = [];
    this.headLength = 0;
    this.link = null;
    this.linksDone = 0;
    this.unplayable = null;
    this.trailingJunk = false;
    this.output.clear();
  }

  free(): void {
    for (const decoder of this.decoders.values()) decoder.free();
    this.decoders.clear();
  }

  private async feedPlayable(bytes: Uint8Array): Promise<void> {
    if (bytes.length > 0 && this.unplayable === null && !this.trailingJunk) await this.feed(bytes);
  }

  private async feed(bytes: Uint8Array): Promise<void> {
    if (!this.link) {
      this.head.push(bytes);
      this.headLength += bytes.length;
      await this.startLink(false);
      return;
    }
    const { decoder, ogg } = this.link;
    if (!ogg) {
      this.output.push(await decoder.decode(bytes));
      return;
    }
    const split = ogg.push(bytes);
    this.output.push(await decoder.decode(split.bytes));
    if (!split.linkEnded) return;
    this.link = null;
    this.linksDone++;
    this.output.push(await decoder.end());
    if (split.rest.length > 0) await this.feed(split.rest);
  }

  /** Sniffs the held bytes; once the format is known, starts its decoder on them. */
  private async startLink(complete: boolean): Promise<void> {
    const head = joinBytes(this.head, this.headLength);
    const sniffed = sniffFormat(head, complete);
    if (sniffed.kind === 'more' && this.headLength <= MAX_SNIFF_BYTES) return;
    this.head = [];
    this.headLength = 0;
    let format: AudioFormat = 'mp3';
    let audio = head;
    if (sniffed.kind === 'format') {
      format = sniffed.format;
      // mpg123 reads the ID3 tags itself; the others get their own container from its first byte.
      if (format !== 'mp3') audio = head.subarray(sniffed.audioOffset);
    } else if (this.linksDone > 0) {
      this.trailingJunk = true; // after a chained Ogg file's last link: not worth failing the song
      return;
    } else if (sniffed.kind === 'unknown' && isUnsupportedFormat(sniffed)) {
      this.unplayable = `${UNDECODABLE_MESSAGE}: ${sniffed.reason}`;
      return;
    }
    // Anything else goes to mpg123, as every song did before formats were sniffed: it finds
    // MPEG frames past junk the sniffer does not look through, and bytes with none end in an
    // error at the end of the song.
    const decoder = await this.decoderFor(format);
    await decoder.reset();
    const isOgg = audio[0] === 0x4f && audio[1] === 0x67 && audio[2] === 0x67 && audio[3] === 0x53;
    this.link = { decoder, ogg: isOgg ? new OggLinkSplitter() : null, mpeg: format === 'mp3' };
    await this.feed(audio);
  }

  private async decoderFor(format: AudioFormat): Promise<FormatDecoder> {
    let decoder = this.decoders.get(format);
    if (!decoder) {
      // Loaded on first use, so a worker that only ever plays MP3 starts as fast as it did.
      decoder =
        format === 'mp3'
          ? await Mp3FormatDecoder.create()
          : format === 'wav'
            ? new (await import('./wavStreamDecoder')).WavStreamDecoder()
            : format === 'flac'
              ? await (await import('./flacFormatDecoder')).FlacFormatDecoder.create()
              : await (await import('./wasmFormatDecoders')).WasmFormatDecoder.create(format);
      this.decoders.set(format, decoder);
    }
    return decoder;
  }
}
