/**
 * An Ogg page with these lacing values and a body to match, filled with 7s and no CRC: enough
 * for code that only walks page headers (OggPageWalker, VorbisHeadGate).
 */
export function oggTestPage(lacing: number[]): Uint8Array {
  const body = lacing.reduce((sum, value) => sum + value, 0);
  const bytes = new Uint8Array(27 + lacing.length + body).fill(7);
  bytes.set([0x4f, 0x67, 0x67, 0x53], 0); // OggS
  bytes[26] = lacing.length;
  bytes.set(lacing, 27);
  return bytes;
}
