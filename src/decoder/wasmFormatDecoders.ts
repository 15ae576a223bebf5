import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import { decoderStep, pcmOf, type DecodedAudio, type DecodedLayout } from './decodedAudio';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import type { FormatDecoder } from './formatDecoder';
import { LibraryInstances, SPARE_AFTER_MS } from './libraryInstances';
import { concatPcm, type PcmChunk } from './pcmChunk';
import { VorbisHeadGate } from './vorbisHeadGate';

/** The part of a @wasm-audio-decoders decoder this adapter uses (they share one shape). */
interface WasmDecoder {
  ready: Promise<void>;
  decode(bytes: Uint8Array): Promise<DecodedAudio> | DecodedAudio;
  flush(): Promise<DecodedAudio>;
  reset(): Promise<void>;
  free(): void;
}

/**
 * Adapts a streaming decoder of the @wasm-audio-decoders family (the same family and upkeep as
 * mpg123-decoder) to FormatDecoder. These parse the container with codec-parser, which holds the
 * last frame or page back until the next one starts, so `end()` flushes it.
 *
 * The library decoder comes from LibraryInstances. A call that throws (a WASM trap) fails the
 * song, whose stream headers were in the failed instance; the next song starts on another one.
 */
export class WasmFormatDecoder implements FormatDecoder {
  private bytesFed = 0;
  private samplesOut = 0;
  private freed = false;

  private constructor(
    private readonly decoder: LibraryInstances<WasmDecoder>,
    private readonly layout: DecodedLayout,
    /** Vorbis: its headers go to the library in one call (VorbisHeadGate says why). */
    private readonly gate: VorbisHeadGate | null,
  ) {}

  /**
   * Vorbis and FLAC build their WASM instance on reset, so a spare is made while a song plays
   * for a next song that cuts it short. ogg-opus-decoder's reset only frees its instance, and
   * builds the next one from the song's own Opus header at its first audio page: no spare.
   */
  static async create(
    format: 'flac' | 'vorbis' | 'opus',
    { spareAfterMs = SPARE_AFTER_MS } = {},
  ): Promise<WasmFormatDecoder> {
    const make = (): WasmDecoder =>
      format === 'flac'
        ? new FLACDecoder()
        : format === 'vorbis'
          ? new OggVorbisDecoder()
          : new OggOpusDecoder();
    const decoder = await LibraryInstances.create(make, format === 'opus' ? null : spareAfterMs);
    const flac = format === 'flac';
    const gate = format === 'vorbis' ? new VorbisHeadGate() : null;
    return new WasmFormatDecoder(
      decoder,
      { integerSamples: flac, vorbisChannelOrder: !flac },
      gate,
    );
  }

  async decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    this.assertUsable();
    if (bytes.length === 0) return null;
    this.bytesFed += bytes.length;
    const ready = this.gate ? this.gate.push(bytes) : bytes;
    return ready && this.decodeLibrary(ready);
  }

  async end(): Promise<PcmChunk | null> {
    this.assertUsable();
    const held = this.gate?.flush();
    const head = held ? await this.decodeLibrary(held) : null;
    // The gate is reset with the decoder, which every next song or link starts with.
    // The FLAC decoder picks its parser on the first bytes; before any, it has nothing to flush.
    const flushed = this.bytesFed > 0 ? await this.output(() => this.flush()) : null;
    const tail = head && flushed ? concatPcm([head, flushed]) : (head ?? flushed);
    if (this.bytesFed > 0 && this.samplesOut === 0) throw new DecoderError(UNDECODABLE_MESSAGE);
    return tail;
  }

  async reset(): Promise<void> {
    this.assertUsable();
    this.bytesFed = 0;
    this.samplesOut = 0;
    this.gate?.reset();
    await this.decoder.startAfresh((decoder) => decoder.reset());
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.decoder.free();
  }

  /**
   * These libraries' flush resets the decoder too: a new WASM instance with its own memory, a
   * few milliseconds and a lot for the garbage collector. Done at a song's end, so the next
   * song's reset skips it.
   */
  private async flush(): Promise<DecodedAudio> {
    const tail = await this.decoder.callAsync((decoder) => decoder.flush());
    this.decoder.flushed();
    return tail;
  }

  /**
   * Bytes held by the gate never reached the library, so only here is the instance fed: a
   * Vorbis song cut before its headers were whole leaves it fresh for the next song.
   */
  private decodeLibrary(bytes: Uint8Array): Promise<PcmChunk | null> {
    this.decoder.feeding();
    return this.output(() => this.decoder.callAsync((decoder) => decoder.decode(bytes)));
  }

  private async output(step: () => Promise<DecodedAudio> | DecodedAudio): Promise<PcmChunk | null> {
    const decoded = await decoderStep(step);
    const pcm = pcmOf(decoded, this.layout);
    if (pcm) this.samplesOut += decoded.samplesDecoded;
    return pcm;
  }

  private assertUsable(): void {
    if (this.freed) throw new DecoderError('The decoder has been freed');
  }
}
