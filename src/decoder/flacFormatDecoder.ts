import { FLACDecoder } from '@wasm-audio-decoders/flac';
import {
  decoderStep,
  joinDecoded,
  pcmOf,
  type DecodedAudio,
  type DecodedLayout,
} from './decodedAudio';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import { FlacFrameSplitter } from './flacFrameSplitter';
import type { FormatDecoder } from './formatDecoder';
import { afterLibraryFailure } from './libraryFailure';
import { LibraryInstances, SPARE_AFTER_MS } from './libraryInstances';
import type { PcmChunk } from './pcmChunk';
import { WasmFormatDecoder } from './wasmFormatDecoders';

/** libFLAC's samples are integers, already in WAV's channel order. */
const FLAC_LAYOUT: DecodedLayout = { integerSamples: true, vorbisChannelOrder: false };

/**
 * FLAC through libFLAC (@wasm-audio-decoders/flac). A native stream is cut into frames here
 * (FlacFrameSplitter) and handed to the decoder's `decodeFrames`, its documented entry for
 * whole frames; that skips the library's own parser (codec-parser), whose JavaScript was about a
 * sixth of a 24-bit/192 kHz song's decode time. libFLAC still checks each frame's CRC-16 itself,
 * and an error it reports sends the batch back to the splitter to be cut with proven ends.
 * Ogg FLAC, rare, keeps the library's own path (`decode`, which parses Ogg pages).
 *
 * The libFLAC instance comes from LibraryInstances: a spare made while a song plays starts the
 * next one, and an instance that throws (a WASM trap) is never called again. Since each frame
 * stands alone, a song goes on past a trap: the batch is decoded again frame by frame on a new
 * instance, and a frame that traps again is lost like a damaged one.
 */
export class FlacFormatDecoder implements FormatDecoder {
  private splitter: FlacFrameSplitter | null = null;
  /** Set for an Ogg FLAC song: the library's whole path. */
  private ogg: WasmFormatDecoder | null = null;
  private oggSong = false;
  private bytesFed = 0;
  private samplesOut = 0;
  /** Calls into libFLAC that threw during this song. */
  private failures = 0;
  private freed = false;

  private constructor(private readonly flac: LibraryInstances<FLACDecoder>) {}

  /** @param spareAfterMs when the spare instance for the next song is made (tests: at once) */
  static async create({ spareAfterMs = SPARE_AFTER_MS } = {}): Promise<FlacFormatDecoder> {
    return new FlacFormatDecoder(
      await LibraryInstances.create(() => new FLACDecoder(), spareAfterMs),
    );
  }

  /** Whether the next song's reset finds a spare libFLAC instance ready. */
  get spareReady(): boolean {
    return this.flac.spareReady;
  }

  async decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    this.assertUsable();
    if (bytes.length === 0) return null;
    if (this.bytesFed === 0) this.oggSong = bytes[0] === 0x4f; // 'O' of OggS; native is 'fLaC'
    this.bytesFed += bytes.length;
    if (this.oggSong) return (await this.oggDecoder()).decode(bytes);
    this.flac.feeding();
    const splitter = (this.splitter ??= new FlacFrameSplitter());
    const frames = await decoderStep(() => splitter.push(bytes));
    const decoded = await this.decodeLibrary(frames);
    if (!decoded?.errors?.length || !splitter.unprovenCuts) return this.pcm(decoded);
    // A frame end taken on its successor's header alone may have been a false one: start
    // libFLAC afresh (each frame stands alone) and decode these bytes again, every end proven.
    await this.flac.startAfresh((flac) => flac.reset());
    return this.pcm(await this.decodeLibrary(splitter.retry(frames)));
  }

  async end(): Promise<PcmChunk | null> {
    this.assertUsable();
    if (this.oggSong) {
      this.oggSong = false;
      return (await this.oggDecoder()).end();
    }
    const tail = this.splitter ? this.pcm(await this.decodeLibrary(this.splitter.end())) : null;
    this.splitter = null; // bytes after the last frame reach no song: reset() starts afresh
    if (this.bytesFed > 0 && this.samplesOut === 0) throw new DecoderError(UNDECODABLE_MESSAGE);
    return tail;
  }

  async reset(): Promise<void> {
    this.assertUsable();
    this.bytesFed = 0;
    this.samplesOut = 0;
    this.failures = 0;
    this.splitter = null;
    this.oggSong = false;
    await this.ogg?.reset();
    await this.flac.startAfresh((flac) => flac.reset());
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.flac.free();
    this.ogg?.free();
  }

  private async decodeLibrary(frames: Uint8Array[]): Promise<DecodedAudio | null> {
    if (frames.length === 0) return null;
    if (this.flac.currentFailed) await this.flac.replaceFailed();
    try {
      return await this.flac.callAsync((flac) => flac.decodeFrames(frames));
    } catch (error) {
      return this.decodeAroundFailure(frames, error);
    }
  }

  /**
   * libFLAC threw on `frames` and its instance is done: each frame goes again alone, on the
   * spare or a new instance, and one that throws again is lost (its neighbours still play, as
   * around a damaged frame). Past MAX_FAILURES_PER_SONG the song fails.
   */
  private async decodeAroundFailure(
    frames: Uint8Array[],
    error: unknown,
  ): Promise<DecodedAudio | null> {
    this.noteFailure(error);
    const parts: DecodedAudio[] = [];
    for (const frame of frames) {
      await decoderStep(() => this.flac.replaceFailed());
      try {
        parts.push(await this.flac.callAsync((flac) => flac.decodeFrames([frame])));
      } catch (frameError) {
        this.noteFailure(frameError);
      }
    }
    return joinDecoded(parts);
  }

  private noteFailure(error: unknown): void {
    this.failures++;
    if (afterLibraryFailure({ resumable: true, failuresThisSong: this.failures }) === 'fail') {
      throw new DecoderError(`${UNDECODABLE_MESSAGE}: ${String(error)}`);
    }
  }

  private pcm(decoded: DecodedAudio | null): PcmChunk | null {
    const pcm = decoded && pcmOf(decoded, FLAC_LAYOUT);
    if (pcm) this.samplesOut += (decoded as DecodedAudio).samplesDecoded;
    return pcm;
  }

  private async oggDecoder(): Promise<WasmFormatDecoder> {
    this.ogg ??= await WasmFormatDecoder.create('flac');
    return this.ogg;
  }

  private assertUsable(): void {
    if (this.freed) throw new DecoderError('The decoder has been freed');
  }
}
