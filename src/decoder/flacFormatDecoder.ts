import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { decoderStep, pcmOf, type DecodedAudio, type DecodedLayout } from './decodedAudio';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import { FlacFrameSplitter } from './flacFrameSplitter';
import type { FormatDecoder } from './formatDecoder';
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
 */
export class FlacFormatDecoder implements FormatDecoder {
  private splitter: FlacFrameSplitter | null = null;
  /** Set for an Ogg FLAC song: the library's whole path. */
  private ogg: WasmFormatDecoder | null = null;
  private oggSong = false;
  private bytesFed = 0;
  private samplesOut = 0;
  private freed = false;
  /** Nothing fed since the last reset: a reset makes a new WASM instance, so it is skipped. */
  private fresh = true;

  private constructor(private readonly flac: FLACDecoder) {}

  static async create(): Promise<FlacFormatDecoder> {
    const flac = new FLACDecoder();
    await flac.ready;
    return new FlacFormatDecoder(flac);
  }

  async decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    this.assertUsable();
    if (bytes.length === 0) return null;
    if (this.bytesFed === 0) this.oggSong = bytes[0] === 0x4f; // 'O' of OggS; native is 'fLaC'
    this.bytesFed += bytes.length;
    if (this.oggSong) return (await this.oggDecoder()).decode(bytes);
    this.fresh = false;
    const splitter = (this.splitter ??= new FlacFrameSplitter());
    const frames = await decoderStep(() => splitter.push(bytes));
    const decoded = await this.decodeLibrary(frames);
    if (!decoded?.errors?.length || !splitter.unprovenCuts) return this.pcm(decoded);
    // A frame end taken on its successor's header alone may have been a false one: start
    // libFLAC afresh (each frame stands alone) and decode these bytes again, every end proven.
    await this.flac.reset();
    return this.pcm(await this.decodeLibrary(splitter.retry(frames)));
  }

  async end(): Promise<PcmChunk | null> {
    this.assertUsable();
    if (this.oggSong) {
      this.oggSong = false;
      return (await this.oggDecoder()).end();
    }
    const tail = this.splitter ? this.pcm(await this.decodeLibrary(this.splitter.end())) : null;
    this.splitter = null;
    await this.resetLibrary(); // bytes after the last frame must not reach the next song
    if (this.bytesFed > 0 && this.samplesOut === 0) throw new DecoderError(UNDECODABLE_MESSAGE);
    return tail;
  }

  async reset(): Promise<void> {
    this.assertUsable();
    this.bytesFed = 0;
    this.samplesOut = 0;
    this.splitter = null;
    this.oggSong = false;
    await this.ogg?.reset();
    await this.resetLibrary();
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.flac.free();
    this.ogg?.free();
  }

  private async decodeLibrary(frames: Uint8Array[]): Promise<DecodedAudio | null> {
    if (frames.length === 0) return null;
    return decoderStep(() => this.flac.decodeFrames(frames));
  }

  private pcm(decoded: DecodedAudio | null): PcmChunk | null {
    const pcm = decoded && pcmOf(decoded, FLAC_LAYOUT);
    if (pcm) this.samplesOut += (decoded as DecodedAudio).samplesDecoded;
    return pcm;
  }

  private async resetLibrary(): Promise<void> {
    if (this.fresh) return;
    await this.flac.reset();
    this.fresh = true;
  }

  private async oggDecoder(): Promise<WasmFormatDecoder> {
    this.ogg ??= await WasmFormatDecoder.create('flac');
    return this.ogg;
  }

  private assertUsable(): void {
    if (this.freed) throw new DecoderError('The decoder has been freed');
  }
}
