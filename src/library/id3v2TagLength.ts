const HEADER_LENGTH = 10;
const FOOTER_FLAG = 0x10;

/** Bytes needed to tell whether an ID3v2 tag starts somewhere, and how long it is. */
export const ID3V2_HEADER_LENGTH = HEADER_LENGTH;

/**
 * Total length (header, body and optional footer) of the ID3v2 tag at `offset`,
 * or 0 if there is none.
 */
export function id3v2TagLength(bytes: Uint8Array, offset = 0): number {
  if (offset < 0 || offset + HEADER_LENGTH > bytes.length) return 0;
  const h = bytes.subarray(offset, offset + HEADER_LENGTH);
  const isId3 = h[0] === 0x49 && h[1] === 0x44 && h[2] === 0x33; // "ID3"
  if (!isId3 || h[3] === 0xff || h[4] === 0xff) return 0;
  // The size is "syncsafe": 4 bytes of 7 bits each, so no byte looks like an MPEG sync.
  if ((h[6] | h[7] | h[8] | h[9]) & 0x80) return 0;
  const bodyLength = (h[6] << 21) | (h[7] << 14) | (h[8] << 7) | h[9];
  const footerLength = h[5] & FOOTER_FLAG ? HEADER_LENGTH : 0;
  return HEADER_LENGTH + bodyLength + footerLength;
}
