/**
 * FLAC's frame CRC-16 (polynomial 0x8005, MSB first, initial 0): the check that proves where a
 * frame ends, so it runs over every byte of a song. It goes 16 bits at a time through two
 * 65,536-entry tables (256 KiB), four bytes a step: 13 ms for 8.7 MB here, against 18 ms with
 * eight 256-entry tables eight bytes a step.
 */
const BYTE_TABLE = new Uint16Array(256);
for (let byte = 0; byte < 256; byte++) {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x8005 : crc << 1;
  BYTE_TABLE[byte] = crc & 0xffff;
}

function byteStep(crc: number, byte: number): number {
  return ((crc << 8) & 0xffff) ^ BYTE_TABLE[(crc >> 8) ^ byte];
}

/** WORD_TABLE[w]: the CRC after the 16-bit word w; SHIFTED_TABLE[w]: after w and two zero bytes. */
const WORD_TABLE = new Uint16Array(65536);
const SHIFTED_TABLE = new Uint16Array(65536);
for (let word = 0; word < 65536; word++) {
  const crc = byteStep(byteStep(0, word >> 8), word & 0xff);
  WORD_TABLE[word] = crc;
  SHIFTED_TABLE[word] = byteStep(byteStep(crc, 0), 0);
}

/** The CRC-16 of bytes[start..end). */
export function flacCrc16(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  let i = start;
  // CRC is linear: the running CRC folds into the first word, the second word is fed after it.
  for (const last = end - 4; i <= last; i += 4) {
    crc =
      SHIFTED_TABLE[crc ^ ((bytes[i] << 8) | bytes[i + 1])] ^
      WORD_TABLE[(bytes[i + 2] << 8) | bytes[i + 3]];
  }
  for (; i < end; i++) crc = byteStep(crc, bytes[i]);
  return crc;
}
