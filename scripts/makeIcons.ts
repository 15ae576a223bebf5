/**
 * Draws the app icon and writes every file the installers need into resources/:
 * icon.png (512, also the window icon), icons/NxN.png (Linux), icon.ico (Windows), icon.icns
 * (macOS). Run with `npx tsx scripts/makeIcons.ts`; the outputs are committed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon } from './icons/drawIcon';
import { encodeIcns, ICNS_PNG_TYPES } from './icons/icnsFile';
import { encodeIco } from './icons/icoFile';
import { encodePng } from './icons/pngImage';

const RESOURCES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];

async function main(): Promise<void> {
  const sizes = new Set([...LINUX_SIZES, ...WINDOWS_SIZES, ...ICNS_PNG_TYPES.map((t) => t.pixels)]);
  const rgbaBySize = new Map<number, Buffer>();
  const pngBySize = new Map<number, Buffer>();
  for (const size of [...sizes].sort((a, b) => a - b)) {
    const rgba = drawIcon(size);
    rgbaBySize.set(size, rgba);
    pngBySize.set(size, encodePng(size, rgba));
  }
  const png = (size: number): Buffer => pngBySize.get(size) as Buffer;

  await mkdir(join(RESOURCES, 'icons'), { recursive: true });
  await writeFile(join(RESOURCES, 'icon.png'), png(512));
  for (const size of LINUX_SIZES) {
    await writeFile(join(RESOURCES, 'icons', `${size}x${size}.png`), png(size));
  }
  const icoImages = WINDOWS_SIZES.map((size) => ({
    size,
    rgba: rgbaBySize.get(size) as Buffer,
    png: png(size),
  }));
  await writeFile(join(RESOURCES, 'icon.ico'), encodeIco(icoImages));
  await writeFile(join(RESOURCES, 'icon.icns'), encodeIcns(pngBySize));
  console.log(`wrote icons for sizes ${[...sizes].join(', ')} to ${RESOURCES}`);
}

await main();
