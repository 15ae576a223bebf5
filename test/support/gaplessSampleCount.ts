/**
 * Test support: the exact number of samples per channel a gapless decoder (mpg123, ffmpeg) gives
 * for an MP3 with a Xing/Info frame and a LAME tag: frames × samples-per-frame − encoder delay −
 * padding. Returns null when the file carries no such tag.
 */
export function gaplessSampleCount(bytes: Uint8Array): number | null {
  const frame = id3v2Length(bytes);
  if (bytes[frame] !== 0xff || (bytes[frame + 1] & 0xe0) !== 0xe0) return null;
  const isMpeg1 = (bytes[frame + 1] & 0x18) === 0x18;
  const isMono = (bytes[frame + 3] & 0xc0) === 0xc0;
  const sideInfo = isMpeg1 ? (isMono ? 17 : 32) : isMono ? 9 : 17;
  let p = frame + 4 + sideInfo;
  const tag = String.fromCharCode(...bytes.subarray(p, p + 4));
  if (tag !== 'Xing' && tag !== 'Info') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = view.getUint32(p + 4);
  p += 8;
  if (!(flags & 1)) return null;
  const frames = view.getUint32(p);
  p += 4;
  if (flags & 2) p += 4; // byte count
  if (flags & 4) p += 100; // seek table
  if (flags & 8) p += 4; // quality
  const delayAndPadding = p + 21; // encoder string 9, revision 1, lowpass 1, replay gain 8, flags 1, bitrate 1
  const delay = (bytes[delayAndPadding] << 4) | (bytes[delayAndPadding + 1] >> 4);
  const padding = ((bytes[delayAndPadding + 1] & 0x0f) << 8) | bytes[delayAndPadding + 2];
  return frames * (isMpeg1 ? 1152 : 576) - delay - padding;
}

function id3v2Length(bytes: Uint8Array): number {
  if (bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9];
  const hasFooter = (bytes[5] & 0x10) !== 0;
  return 10 + size + (hasFooter ? 10 : 0);
}
