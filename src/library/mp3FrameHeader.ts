export type MpegVersion = 1 | 2 | 2.5;
export type MpegLayer = 1 | 2 | 3;

/** The fields of a 4-byte MPEG audio frame header that matter for walking a stream. */
export interface FrameHeader {
  version: MpegVersion;
  layer: MpegLayer;
  bitrateKbps: number;
  sampleRate: number;
  padding: boolean;
  channels: 1 | 2;
  /** Whole frame in bytes, header included. */
  frameLength: number;
  samplesPerFrame: number;
}

// Indexed by the 2-bit version field; 0b01 is reserved.
const VERSIONS: readonly (MpegVersion | null)[] = [2.5, null, 2, 1];
// Indexed by the 2-bit layer field; 0b00 is reserved.
const LAYERS: readonly (MpegLayer | null)[] = [null, 3, 2, 1];

const SAMPLE_RATES: Record<MpegVersion, readonly number[]> = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
};

// Bitrate indexes 1..14; 0 ("free format") and 15 are not usable for seeking.
const BITRATES_V1: Record<MpegLayer, readonly number[]> = {
  1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
};
const BITRATES_V2_LAYER1 = [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256];
const BITRATES_V2_LAYERS23 = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/** Reads the frame header at `offset`, or returns null if the bytes there are not a valid one. */
export function parseFrameHeader(bytes: Uint8Array, offset: number): FrameHeader | null {
  if (offset < 0 || offset + 4 > bytes.length) return null;
  const [b0, b1, b2, b3] = bytes.subarray(offset, offset + 4);
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = VERSIONS[(b1 >> 3) & 0b11];
  const layer = LAYERS[(b1 >> 1) & 0b11];
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 0b11;
  const emphasis = b3 & 0b11;
  if (version === null || layer === null) return null;
  if (bitrateIndex === 0 || bitrateIndex === 15 || sampleRateIndex === 3 || emphasis === 0b10) {
    return null;
  }
  const bitrateKbps = bitrateTable(version, layer)[bitrateIndex - 1];
  const sampleRate = SAMPLE_RATES[version][sampleRateIndex];
  const padding = (b2 & 0b10) !== 0;
  const samplesPerFrame = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152;
  const frameLength =
    layer === 1
      ? (Math.floor((12 * bitrateKbps * 1000) / sampleRate) + (padding ? 1 : 0)) * 4
      : Math.floor(((samplesPerFrame / 8) * bitrateKbps * 1000) / sampleRate) + (padding ? 1 : 0);
  const channels = b3 >> 6 === 0b11 ? 1 : 2;
  return {
    version,
    layer,
    bitrateKbps,
    sampleRate,
    padding,
    channels,
    frameLength,
    samplesPerFrame,
  };
}

function bitrateTable(version: MpegVersion, layer: MpegLayer): readonly number[] {
  if (version === 1) return BITRATES_V1[layer];
  return layer === 1 ? BITRATES_V2_LAYER1 : BITRATES_V2_LAYERS23;
}
