import { concatBytes } from './concatBytes';
import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import type { FormatDecoder } from './formatDecoder';
import type { PcmChunk } from './pcmChunk';
import { parseWavFormat, type WavFormat } from './wavFormat';
import { deinterleaveWavInto } from './wavSamples';

/** A `fmt ` chunk is 16 to 40 bytes; anything far larger is not one we can read. */
const MAX_FMT_BYTES = 1024;
/** Writers that stream (cannot seek back) leave the data size at this: read to the end. */
const UNKNOWN_SIZE = 0xffffffff;

type State = 'riff' | 'chunks' | 'data' | 'done';

/**
 * Streaming RIFF/WAVE → planar PCM: PCM 8/16/24/32-bit and IEEE float 32/64, also in
 * WAVE_FORMAT_EXTENSIBLE. Chunks other than `fmt ` and `data` (LIST, fact, odd-sized ones with
 * their pad byte) are skipped without being held; only a partial header or a partial sample
 * frame is kept between calls, so memory stays small for any input.
 */
export class WavStreamDecoder implements FormatDecoder {
  private pending: Uint8Array = new Uint8Array(0);
  private state: State = 'riff';
  private skip = 0;
  private format: WavFormat | null = null;
  private dataLeft = 0;
  private bytesFed = 0;
  /** A sample frame that was split between two reads, joined: the next output's first frame. */
  private carried: Uint8Array | null = null;

  async decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    return this.decodeNow(bytes);
  }

  async end(): Promise<PcmChunk | null> {
    if (this.bytesFed > 0 && this.state !== 'data' && this.state !== 'done') {
      throw new DecoderError(`${UNDECODABLE_MESSAGE}: the WAV file has no audio data`);
    }
    return null; // a partial sample frame at the very end is not a sample
  }

  async reset(): Promise<void> {
    this.pending = new Uint8Array(0);
    this.state = 'riff';
    this.skip = 0;
    this.format = null;
    this.dataLeft = 0;
    this.bytesFed = 0;
    this.carried = null;
  }

  free(): void {}

  private decodeNow(bytes: Uint8Array): PcmChunk | null {
    this.bytesFed += bytes.length;
    // Slices rarely end on a frame boundary; joining only the split frame, not the whole slice,
    // saves a copy of every byte of the song (a 192 kHz slice is ~230 KB).
    const format = this.format;
    const split = this.state === 'data' && this.pending.length > 0 && format !== null;
    if (split && this.dataLeft >= format.blockAlign) {
      const missing = format.blockAlign - this.pending.length;
      if (bytes.length >= missing) {
        this.carried = concatBytes(this.pending, bytes.subarray(0, missing));
        this.pending = new Uint8Array(0);
        bytes = bytes.subarray(missing);
      }
    }
    let input = this.pending.length === 0 ? bytes : concatBytes(this.pending, bytes);
    let output: PcmChunk | null = null;
    for (;;) {
      const used = this.step(input);
      if (used.pcm) output = used.pcm;
      if (used.consumed === 0) break;
      input = input.subarray(used.consumed);
    }
    // Only a partial header or sample frame is left here: a few dozen bytes at most.
    this.pending = this.state === 'done' ? new Uint8Array(0) : input.slice();
    return output;
  }

  /** Consumes what it can from the front of `input`; 0 when it needs more bytes. */
  private step(input: Uint8Array): { consumed: number; pcm?: PcmChunk } {
    if (this.skip > 0) {
      const consumed = Math.min(this.skip, input.length);
      this.skip -= consumed;
      return { consumed };
    }
    if (this.state === 'riff') {
      if (input.length < 12) return { consumed: 0 };
      if (ascii(input, 0) !== 'RIFF' || ascii(input, 8) !== 'WAVE') {
        throw new DecoderError(`${UNDECODABLE_MESSAGE}: not a RIFF/WAVE file`);
      }
      this.state = 'chunks';
      return { consumed: 12 };
    }
    if (this.state === 'chunks') return this.chunkHeader(input);
    if (this.state === 'data') return this.samples(input);
    return { consumed: input.length }; // done: whatever follows the audio is not audio
  }

  private chunkHeader(input: Uint8Array): { consumed: number } {
    if (input.length < 8) return { consumed: 0 };
    const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
    const id = ascii(input, 0);
    const size = view.getUint32(4, true);
    if (id === 'data') {
      if (!this.format)
        throw new DecoderError(`${UNDECODABLE_MESSAGE}: WAV data before its format`);
      this.dataLeft = size === UNKNOWN_SIZE ? Infinity : size;
      this.state = this.dataLeft === 0 ? 'done' : 'data';
      return { consumed: 8 };
    }
    if (id === 'fmt ') {
      if (size > MAX_FMT_BYTES) throw new DecoderError(`${UNDECODABLE_MESSAGE}: odd WAV format`);
      if (input.length < 8 + size) return { consumed: 0 };
      this.format = parseWavFormat(input.subarray(8, 8 + size));
      this.skip = size & 1;
      return { consumed: 8 + size };
    }
    this.skip = size + (size & 1); // RIFF pads odd-sized chunks to an even length
    return { consumed: 8 };
  }

  private samples(input: Uint8Array): { consumed: number; pcm?: PcmChunk } {
    const format = this.format as WavFormat;
    const carried = this.carried;
    this.carried = null;
    const first = carried ? 1 : 0; // decodeNow made sure the data holds that frame
    this.dataLeft -= first * format.blockAlign;
    const available = Math.min(input.length, this.dataLeft);
    const frames = Math.floor(available / format.blockAlign);
    if (frames + first === 0) {
      if (this.dataLeft < format.blockAlign) this.state = 'done';
      return { consumed: this.state === 'done' ? input.length : 0 };
    }
    const consumed = frames * format.blockAlign;
    this.dataLeft -= consumed;
    if (this.dataLeft === 0) this.state = 'done';
    const channels = Array.from(
      { length: format.channels },
      () => new Float32Array(first + frames),
    );
    if (carried) deinterleaveWavInto(carried, format, channels, 0, 1);
    deinterleaveWavInto(input.subarray(0, consumed), format, channels, first, frames);
    return { consumed, pcm: { sampleRate: format.sampleRate, channels } };
  }
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
