import { open, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSineMp3, makeTempDir, removeDir } from '../../test/support/mp3Fixtures';
import { FrameIndexCache } from './frameIndexCache';
import { planFormatSeek } from './formatSeek';
import { planSongSeek } from './mp3FrameIndex';

describe('planFormatSeek for MP3', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeDir(dir));

  it('plans in the file the server opened, even once its path names another file', async () => {
    // Two songs whose frames sit at other offsets: 128 kbit/s against 64 kbit/s.
    const served = path.join(dir, 'song.mp3');
    const swapped = path.join(dir, 'other.mp3');
    const copy = path.join(dir, 'copy.mp3');
    const original = encodeSineMp3({ seconds: 4, kbps: 128 });
    await writeFile(served, original);
    await writeFile(copy, original);
    await writeFile(swapped, encodeSineMp3({ seconds: 4, kbps: 64 }));
    const file = await open(served, 'r');
    try {
      await rename(swapped, served); // the path now names the other song
      const plan = await planFormatSeek('mp3', served, file, 2);
      const expected = await planSongSeek(copy, 2, new FrameIndexCache());
      expect(plan.byteOffset).toBe(expected.byteOffset);
      expect(plan.firstSample).toBe(expected.firstSample);
      expect(plan.totalSamples).toBe(expected.totalSamples);
      expect(plan.prefix.length).toBe(0);
    } finally {
      await file.close();
    }
  });
});
