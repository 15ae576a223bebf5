import { PNG } from 'pngjs';

/** Encodes square RGBA pixels as a PNG file. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}
