import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readIcnsChunks, readIcoEntries, readPngHeader } from './iconContainers';
import { loadBuilderConfig } from './builderConfig';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RESOURCES = join(REPO, 'resources');

describe('installer icons (scripts/makeIcons.ts output in resources/)', () => {
  it('icon.png is a 512x512 RGBA image, transparent at the corners and opaque in the middle', async () => {
    const bytes = await readFile(join(RESOURCES, 'icon.png'));
    expect(readPngHeader(bytes)).toMatchObject({ width: 512, height: 512, colorType: 6 });
    const { data, width } = PNG.sync.read(bytes);
    const alphaAt = (x: number, y: number) => data[(y * width + x) * 4 + 3];
    expect([alphaAt(0, 0), alphaAt(511, 0), alphaAt(0, 511), alphaAt(511, 511)]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(alphaAt(256, 256)).toBe(255);
  });

  it('the Linux set holds one square PNG per size from 16 to 512, named NxN.png', async () => {
    const names = (await readdir(join(RESOURCES, 'icons'))).filter((n) => n.endsWith('.png'));
    const sizes = names
      .map((name) => Number(/^(\d+)x\1\.png$/.exec(name)?.[1]))
      .sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const size of sizes) {
      const header = readPngHeader(await readFile(join(RESOURCES, 'icons', `${size}x${size}.png`)));
      expect(header, `${size}x${size}.png`).toMatchObject({
        width: size,
        height: size,
        colorType: 6,
      });
    }
  });

  it('icon.ico holds 16..256 at 32 bits, each image the size its directory entry claims', async () => {
    const entries = readIcoEntries(await readFile(join(RESOURCES, 'icon.ico')));
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ height: entry.width, bitCount: 32 });
      expect([entry.imageWidth, entry.imageHeight]).toEqual([entry.width, entry.width]);
    }
    // electron-builder refuses an .ico without a 256 image; 256 is stored PNG-compressed.
    expect(entries.at(-1)?.format).toBe('png');
  });

  it('icon.icns holds PNG chunks of the pixel size each type requires, up to 1024', async () => {
    const chunks = readIcnsChunks(await readFile(join(RESOURCES, 'icon.icns')));
    const required: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024 };
    const optional: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    expect(chunks.map((c) => c.type)).toEqual(expect.arrayContaining(Object.keys(required)));
    for (const chunk of chunks) {
      const size = required[chunk.type] ?? optional[chunk.type];
      expect(size, `unexpected chunk ${chunk.type}`).toBeDefined();
      expect(chunk.png, chunk.type).toMatchObject({ width: size, height: size });
    }
  });

  it('electron-builder.yml points each platform at these files', async () => {
    const config = await loadBuilderConfig(REPO);
    const buildResources = join(REPO, config.directories?.buildResources ?? 'build');
    expect(buildResources).toBe(RESOURCES);
    expect(config.linux?.icon).toBe('icons');
    expect(config.win?.icon).toBe('icon.ico');
    expect(config.mac?.icon).toBe('icon.icns');
  });
});
