/**
 * FLAC's frame CRC-16 (polynomial 0x8005, MSB first, initial 0): the check that proves where a
 * frame ends. Table-driven eight bytes at a time ("slicing by 8"): the frame search runs it over
 * every byte of a song, and a byte at a time it was a tenth of a 192 kHz FLAC song's decode.
 */
const TABLES = makeTables(8);

function makeTables(count: number): Uint16Array[] {
  const first = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x8005 : crc << 1;
    first[byte] = crc & 0xffff;
  }
  const tables = [first];
  for (let k = 1; k < count; k++) {
    const previous = tables[k - 1];
    const table = new Uint16Array(256);
    // The CRC of a byte followed by k zero bytes.
    for (let byte = 0; byte < 256; byte++) {
      table[byte] = ((previous[byte] << 8) & 0xffff) ^ first[previous[byte] >> 8];
    }
    tables.push(table);
  }
  return tables;
}

/** The CRC-16 of bytes[start..end). */
export function flacCrc16(bytes: Uint8Array, start: number, end: number): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let crc = 0;
  let i = start;
  for (const last = end - 8; i <= last; i += 8) {
    const high = (crc >> 8) ^ bytes[i];
    const low = (crc & 0xff) ^ bytes[i + 1];
    crc =
      t7[high] ^
      t6[low] ^
      t5[bytes[i + 2]] ^
      t4[bytes[i + 3]] ^
      t3[bytes[i + 4]] ^
      t2[bytes[i + 5]] ^
      t1[bytes[i + 6]] ^
      t0[bytes[i + 7]];
  }
  for (; i < end; i++) crc = ((crc << 8) & 0xffff) ^ t0[(crc >> 8) ^ bytes[i]];
  return crc;
}
