/** One Ogg page as found in a file. */
export interface OggPage {
  offset: number;
  /** Header, lacing values and body. */
  length: number;
  /** The first packet continues one from the page before. */
  continued: boolean;
  /** The stream's last page (its granule may cut the last packet's audio short). */
  last: boolean;
  /** Samples up to the end of the last packet that ends on this page; -1 when none ends here. */
  granule: number;
  serial: number;
  sequence: number;
  /** The lacing values (last one below 255: the page's last packet ends here). */
  lacing: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 of a page whose checksum field is zero. */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]) >>> 0;
  return crc;
}

/**
 * The whole, checksum-valid Ogg page at `offset` of `bytes`, or null (no capture pattern,
 * cut short, or a bad CRC: audio data can hold `OggS`, but not with a valid checksum).
 */
export function parseOggPage(bytes: Buffer, offset: number, fileOffset = offset): OggPage | null {
  if (offset + 27 > bytes.length || bytes.toString('latin1', offset, offset + 4) !== 'OggS') {
    return null;
  }
  if (bytes[offset + 4] !== 0) return null;
  const segments = bytes[offset + 26];
  if (offset + 27 + segments > bytes.length) return null;
  const lacing = bytes.subarray(offset + 27, offset + 27 + segments);
  const length = 27 + segments + lacing.reduce((sum, value) => sum + value, 0);
  if (offset + length > bytes.length) return null;
  const page = Buffer.from(bytes.subarray(offset, offset + length));
  const crc = page.readUInt32LE(22);
  page.writeUInt32LE(0, 22);
  if (oggCrc(page) !== crc) return null;
  return {
    offset: fileOffset,
    length,
    continued: (bytes[offset + 5] & 1) === 1,
    last: (bytes[offset + 5] & 4) === 4,
    granule: Number(bytes.readBigInt64LE(offset + 6)),
    serial: bytes.readUInt32LE(offset + 14),
    sequence: bytes.readUInt32LE(offset + 18),
    lacing: Uint8Array.from(lacing),
  };
}

/** A page holding whole packets (under 64 KiB together), with its checksum. */
export function buildOggPage(
  packets: Uint8Array | readonly Uint8Array[],
  page: { serial: number; sequence: number; granule: number },
): Buffer {
  const list = packets instanceof Uint8Array ? [packets] : packets;
  const lacing: number[] = [];
  for (const packet of list) {
    for (let left = packet.length; ; left -= 255) {
      lacing.push(Math.min(255, left));
      if (left < 255) break;
    }
  }
  if (lacing.length > 255) throw new Error('Ogg packets too long for one page');
  const body = Buffer.concat(list);
  const out = Buffer.alloc(27 + lacing.length + body.length);
  out.write('OggS', 0, 'latin1');
  out.writeBigInt64LE(BigInt(page.granule), 6);
  out.writeUInt32LE(page.serial, 14);
  out.writeUInt32LE(page.sequence, 18);
  out[26] = lacing.length;
  out.set(lacing, 27);
  out.set(body, 27 + lacing.length);
  out.writeUInt32LE(oggCrc(out), 22);
  return out;
}

/** The packets of consecutive pages: each whole packet, and the bytes of one left open. */
export function pagePackets(bytes: Buffer, page: OggPage, at: number): Buffer[] {
  const packets: Buffer[] = [];
  let start = at + 27 + page.lacing.length;
  let length = 0;
  for (const value of page.lacing) {
    length += value;
    if (value < 255) {
      packets.push(bytes.subarray(start, start + length));
      start += length;
      length = 0;
    }
  }
  if (length > 0) packets.push(bytes.subarray(start, start + length));
  return packets;
}
