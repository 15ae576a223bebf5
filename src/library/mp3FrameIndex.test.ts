import { existsSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameIndexCache } from './frameIndexCache';
import { findFrameOffset, nearestFrame } from './mp3FrameIndex';
import { parseFrameHeader } from './mp3FrameHeader';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../../test/support/mp3Fixtures';

const FRAME_SECONDS = 1152 / 44100;
const bundledMusic = fileURLToPath(new URL('../../music', import.meta.url));
const FRAME_BYTES = (128_000 * 1152) / 8 / 44100; // 417.96: CBR frames are 417 or 418 bytes

describe('findFrameOffset', () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;
  let tagLength: number;
  let frameCount: number;

  beforeAll(async () => {
    dir = await makeTempDir();
    const mp3 = encodeSineMp3({ seconds: 3 });
    const tagged = withId3Tag(mp3, { title: 'Seek me', artist: 'Sine' });
    tagLength = tagged.length - mp3.length;
    frameCount = Math.round(mp3.length / FRAME_BYTES);
    file = path.join(dir, 'seek.mp3');
    await writeFile(file, tagged);
    bytes = await readFile(file);
  });
  afterAll(() => removeDir(dir));

  it('gives the first frame, right after the ID3 tag, for zero, negative and NaN times', async () => {
    for (const seconds of [0, -5, Number.NaN]) {
      expect(await findFrameOffset(file, seconds)).toEqual({
        byteOffset: tagLength,
        startSeconds: 0,
      });
    }
    expect(parseFrameHeader(bytes, tagLength)).not.toBeNull();
  });

  it.each([0.5, 1.234, 2, 2.9])('lands on the frame nearest %s s', async (seconds) => {
    const { byteOffset, startSeconds } = await findFrameOffset(file, seconds);
    const frame = Math.round(startSeconds / FRAME_SECONDS);
    expect(Math.abs(frame - Math.round(seconds / FRAME_SECONDS))).toBeLessThanOrEqual(1);
    expect(Math.abs(startSeconds - seconds)).toBeLessThanOrEqual(FRAME_SECONDS / 2 + 1e-9);
    expect(Math.abs(byteOffset - (tagLength + frame * FRAME_BYTES))).toBeLessThanOrEqual(1);
    expect(parseFrameHeader(bytes, byteOffset)).not.toBeNull();
  });

  it('uses exact frame start times', async () => {
    expect((await findFrameOffset(file, 2)).startSeconds).toBe((77 * 1152) / 44100);
  });

  it('gives the last frame for times past the end', async () => {
    const { byteOffset, startSeconds } = await findFrameOffset(file, 1000);
    expect(startSeconds).toBeCloseTo((frameCount - 1) * FRAME_SECONDS, 9);
    const header = parseFrameHeader(bytes, byteOffset);
    expect(byteOffset + (header?.frameLength ?? 0)).toBe(bytes.length);
  });
});

describe('findFrameOffset on the bundled music', () => {
  it.skipIf(!existsSync(bundledMusic))('seeks to 10 s in every song', async () => {
    const names = (await readdir(bundledMusic)).filter((name) => name.endsWith('.mp3'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const file = path.join(bundledMusic, name);
      const { byteOffset, startSeconds } = await findFrameOffset(file, 10);
      const header = parseFrameHeader(await readFile(file), byteOffset);
      expect(header).not.toBeNull();
      const frameSeconds = (header?.samplesPerFrame ?? 0) / (header?.sampleRate ?? 1);
      expect(Math.abs(startSeconds - 10)).toBeLessThanOrEqual(frameSeconds / 2 + 1e-9);
    }
  });
});

describe('FrameIndexCache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeDir(dir));

  it('reuses an index until the file changes', async () => {
    const file = path.join(dir, 'cached.mp3');
    await writeFile(file, encodeSineMp3({ seconds: 1 }));
    const cache = new FrameIndexCache();
    const first = await cache.get(file);
    expect(await cache.get(file)).toBe(first);

    await writeFile(file, encodeSineMp3({ seconds: 2 }));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const rebuilt = await cache.get(file);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.offsets.length).toBeGreaterThan(first.offsets.length);
  });

  it('keeps only the most recently used files', async () => {
    const files = ['a', 'b', 'c'].map((name) => path.join(dir, `${name}.mp3`));
    const mp3 = encodeSineMp3({ seconds: 0.3 });
    await Promise.all(files.map((file) => writeFile(file, mp3)));
    const cache = new FrameIndexCache(2);
    const a = await cache.get(files[0]);
    await cache.get(files[1]);
    await cache.get(files[0]); // a is now fresher than b
    await cache.get(files[2]); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get(files[0])).toBe(a);
  });

  it('forgets a failed read so a later seek can retry', async () => {
    const cache = new FrameIndexCache();
    const file = path.join(dir, 'missing.mp3');
    await expect(cache.get(file)).rejects.toThrow();
    expect(cache.size).toBe(0);
  });
});

describe('nearestFrame', () => {
  const index = { offsets: [10, 20, 30], startSeconds: [0, 1, 2] };

  it('picks the nearest start, the earlier one on a tie', () => {
    expect(nearestFrame(index, 0.4).byteOffset).toBe(10);
    expect(nearestFrame(index, 0.5).byteOffset).toBe(10);
    expect(nearestFrame(index, 0.6).byteOffset).toBe(20);
    expect(nearestFrame(index, 2)).toEqual({ byteOffset: 30, startSeconds: 2 });
    expect(nearestFrame(index, 99).byteOffset).toBe(30);
  });
});
