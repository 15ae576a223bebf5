/**
 * Writes a Windows .ico container. Sizes up to 128 are stored as 32-bit DIBs (BGRA + AND mask),
 * the 256 entry as PNG: the layout Windows' own icons use, which every reader — Explorer, rcedit,
 * NSIS's icon loader — accepts, whereas PNG-compressed small entries trip some older tools.
 */

export interface IcoImage {
  size: number;
  /** Straight RGBA, row-major from the top-left. */
  rgba: Buffer;
  png: Buffer;
}

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;
const PNG_FROM_SIZE = 256;

function dib(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // DIBs are stored bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  // The AND mask is ignored when an alpha channel is present, but must be there: all zero.
  const maskRowBytes = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRowBytes * size)]);
}

export function encodeIco(images: IcoImage[]): Buffer {
  const bodies = images.map((image) =>
    image.size >= PNG_FROM_SIZE ? image.png : dib(image.size, image.rgba),
  );
  const directory = Buffer.alloc(HEADER_BYTES + ENTRY_BYTES * images.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // 1 = icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach((image, i) => {
    const at = HEADER_BYTES + i * ENTRY_BYTES;
    const side = image.size >= 256 ? 0 : image.size; // 0 means 256
    directory.writeUInt8(side, at);
    directory.writeUInt8(side, at + 1);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(bodies[i].length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += bodies[i].length;
  });
  return Buffer.concat([directory, ...bodies]);
}
