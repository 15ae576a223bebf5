import type { WavFormat } from './wavFormat';

/** 2^-7, 2^-15, 2^-23, 2^-31: powers of two, so multiplying is exactly dividing by 2^(b-1). */
const INT8_SCALE = 1 / 128;
const INT16_SCALE = 1 / 32768;
const INT24_SCALE = 1 / 8388608;
const INT32_SCALE = 1 / 2147483648;

/**
 * Interleaved little-endian WAV samples → `out[channel][from .. from + frames)`, scaled to
 * [-1, 1) the way ffmpeg and libsndfile scale them. `bytes` holds exactly `frames` whole sample
 * frames. Written into the caller's arrays, so a sample frame split between two reads is
 * converted on its own and the read after it needs no copy joining it to the split bytes. One
 * tight loop per channel and encoding (no per-sample call), because a 24-bit/192 kHz stereo
 * second is 384,000 samples and this runs for every one of them.
 */
export function deinterleaveWavInto(
  bytes: Uint8Array,
  format: WavFormat,
  out: readonly Float32Array[],
  from: number,
  frames: number,
): void {
  const { blockAlign, encoding } = format;
  const bytesPerSample = encoding.bits / 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const to = from + frames;
  for (let channel = 0; channel < out.length; channel++) {
    const samples = out[channel];
    const first = channel * bytesPerSample;
    if (encoding.kind === 'float') {
      if (encoding.bits === 32) readFloat32(view, first, blockAlign, samples, from, to);
      else readFloat64(view, first, blockAlign, samples, from, to);
    } else if (encoding.bits === 8) readUint8(bytes, first, blockAlign, samples, from, to);
    else if (encoding.bits === 16) readInt16(view, first, blockAlign, samples, from, to);
    else if (encoding.bits === 24) readInt24(bytes, first, blockAlign, samples, from, to);
    else readInt32(view, first, blockAlign, samples, from, to);
  }
}

/** Reads one channel's samples `from` to `to` of a slice: `step` bytes apart, from byte `at`. */
type ChannelReader<Source> = (
  source: Source,
  at: number,
  step: number,
  out: Float32Array,
  from: number,
  to: number,
) => void;

const readUint8: ChannelReader<Uint8Array> = (bytes, at, step, out, from, to) => {
  for (let i = from; i < to; i++, at += step) out[i] = (bytes[at] - 128) * INT8_SCALE;
};

const readInt16: ChannelReader<DataView> = (view, at, step, out, from, to) => {
  for (let i = from; i < to; i++, at += step) out[i] = view.getInt16(at, true) * INT16_SCALE;
};

const readInt24: ChannelReader<Uint8Array> = (bytes, at, step, out, from, to) => {
  for (let i = from; i < to; i++, at += step) {
    // The three bytes into the top of an int32, then an arithmetic shift back: sign-extended.
    const value = ((bytes[at] << 8) | (bytes[at + 1] << 16) | (bytes[at + 2] << 24)) >> 8;
    out[i] = value * INT24_SCALE;
  }
};

const readInt32: ChannelReader<DataView> = (view, at, step, out, from, to) => {
  for (let i = from; i < to; i++, at += step) out[i] = view.getInt32(at, true) * INT32_SCALE;
};

const readFloat32: ChannelReader<DataView> = (view, at, step, out, from, to) => {
  for (let i = from; i < to; i++, at += step) out[i] = view.getFloat32(at, true);
};

const readFloat64: ChannelReader<DataView> = (view, at, step, out, from, to) => {
  for (let i = from; i < to; i++, at += step) out[i] = view.getFloat64(at, true);
};
