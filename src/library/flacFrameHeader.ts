/** What a FLAC frame search needs from STREAMINFO. */
export interface FlacStreamInfo {
  minBlockSize: number;
  maxBlockSize: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 0 when the encoder did not know it. */
  totalSamples: number;
}

export interface FlacFrameHeader {
  /** The song sample of the frame's first sample. */
  firstSample: number;
  blockSize: number;
  /** Header bytes, CRC-8 included. */
  length: number;
}

/** STREAMINFO's 34-byte body. */
export function parseStreamInfo(body: Uint8Array): FlacStreamInfo {
  if (body.length < 34) throw new Error('FLAC STREAMINFO is too short');
  const b = body;
  return {
    minBlockSize: (b[0] << 8) | b[1],
    maxBlockSize: (b[2] << 8) | b[3],
    sampleRate: (b[10] << 12) | (b[11] << 4) | (b[12] >> 4),
    channels: ((b[12] >> 1) & 7) + 1,
    bitsPerSample: (((b[12] & 1) << 4) | (b[13] >> 4)) + 1,
    totalSamples:
      (b[13] & 0x0f) * 2 ** 32 + (((b[14] << 24) | (b[15] << 16) | (b[16] << 8) | b[17]) >>> 0),
  };
}

function crc8(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i];
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

const SAMPLE_SIZES = [0, 8, 12, -1, 16, 20, 24, 32];

/**
 * The FLAC frame header at `offset`, or null when the bytes there are not one of this stream
 * (wrong sync, reserved values, a channel count or sample size other than STREAMINFO's, or a
 * bad CRC-8). Audio data can hold a false sync; these checks make one very unlikely.
 */
export function parseFlacFrameHeader(
  bytes: Uint8Array,
  offset: number,
  info: FlacStreamInfo,
): FlacFrameHeader | null {
  const b = bytes;
  if (offset + 6 > b.length || b[offset] !== 0xff || (b[offset + 1] & 0xfe) !== 0xf8) return null;
  const variable = (b[offset + 1] & 1) === 1;
  const sizeCode = b[offset + 2] >> 4;
  const rateCode = b[offset + 2] & 0x0f;
  const channelCode = b[offset + 3] >> 4;
  const sampleSize = SAMPLE_SIZES[(b[offset + 3] >> 1) & 7];
  if (sizeCode === 0 || rateCode === 15 || channelCode > 10 || b[offset + 3] & 1) return null;
  if ((channelCode < 8 ? channelCode + 1 : 2) !== info.channels) return null;
  if (sampleSize !== 0 && sampleSize !== info.bitsPerSample) return null;

  // The frame (fixed block size) or sample (variable) number, UTF-8 style: 1 to 7 bytes.
  let at = offset + 4;
  const lead = b[at++];
  let extra = 0;
  while (extra < 8 && lead & (0x80 >> extra)) extra++;
  if (extra === 1 || extra === 8) return null;
  const continuation = extra === 0 ? 0 : extra - 1;
  let number = extra === 0 ? lead : lead & (0x7f >> extra);
  if (at + continuation > b.length) return null;
  for (let i = 0; i < continuation; i++) {
    const next = b[at++];
    if ((next & 0xc0) !== 0x80) return null;
    number = number * 64 + (next & 0x3f);
  }

  let blockSize: number;
  if (sizeCode === 1) blockSize = 192;
  else if (sizeCode <= 5) blockSize = 576 << (sizeCode - 2);
  else if (sizeCode >= 8) blockSize = 256 << (sizeCode - 8);
  else if (sizeCode === 6) blockSize = (b[at++] ?? 0) + 1;
  else blockSize = (((b[at++] ?? 0) << 8) | (b[at++] ?? 0)) + 1;
  if (rateCode === 12) at += 1;
  else if (rateCode === 13 || rateCode === 14) at += 2;
  if (at >= b.length || crc8(b, offset, at) !== b[at]) return null;
  return {
    // Fixed block size: the frame number times the stream's block size (a smaller last frame
    // does not change where it starts).
    firstSample: variable
      ? number
      : number * (info.minBlockSize === info.maxBlockSize ? info.maxBlockSize : blockSize),
    blockSize,
    length: at + 1 - offset,
  };
}
