/**
 * Readers for the icon containers the installers use, enough to list what each holds: PNG
 * headers, ICO directory entries (PNG or DIB images) and ICNS chunks.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA (truecolour with alpha). */
  colorType: number;
}

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

export function readPngHeader(bytes: Buffer): PngHeader {
  if (!isPng(bytes) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colorType: bytes[25],
  };
}

export interface IcoEntry {
  /** Size the directory claims (0 in the file means 256). */
  width: number;
  height: number;
  bitCount: number;
  format: 'png' | 'dib';
  /** Size of the image data itself, read from its own header. */
  imageWidth: number;
  imageHeight: number;
}

export function readIcoEntries(bytes: Buffer): IcoEntry[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1)
    throw new Error('not an ICO file');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 16;
    const length = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    if (offset + length > bytes.length) throw new Error(`ICO entry ${i} runs past the file`);
    const image = bytes.subarray(offset, offset + length);
    const png = isPng(image);
    const header = png ? readPngHeader(image) : null;
    return {
      width: bytes[at] || 256,
      height: bytes[at + 1] || 256,
      bitCount: bytes.readUInt16LE(at + 6),
      format: png ? 'png' : 'dib',
      imageWidth: header ? header.width : image.readInt32LE(4),
      // A DIB in an icon stores twice its height: the colour rows, then the AND mask.
      imageHeight: header ? header.height : image.readInt32LE(8) / 2,
    };
  });
}

export interface IcnsChunk {
  type: string;
  /** The chunk's PNG header, when the chunk holds a PNG. */
  png: PngHeader | null;
}

export function readIcnsChunks(bytes: Buffer): IcnsChunk[] {
  if (bytes.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (bytes.readUInt32BE(4) !== bytes.length)
    throw new Error('ICNS length does not match the file');
  const chunks: IcnsChunk[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > bytes.length) throw new Error(`bad ICNS chunk at ${at}`);
    const data = bytes.subarray(at + 8, at + length);
    chunks.push({
      type: bytes.toString('latin1', at, at + 4),
      png: isPng(data) ? readPngHeader(data) : null,
    });
    at += length;
  }
  return chunks;
}
