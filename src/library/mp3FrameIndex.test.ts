import { existsSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameIndexCache } from './frameIndexCache';
import { planSongSeek } from './mp3FrameIndex';
import { parseFrameHeader } from './mp3FrameHeader';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../../test/support/mp3Fixtures';
import { PastEndError } from './seekPlan';

const bundledMusic = fileURLToPath(new URL('../../music', import.meta.url));

describe('planSongSeek', () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;
  let tagLength: number;

  beforeAll(async () => {
    dir = await makeTempDir();
    const mp3 = encodeSineMp3({ seconds: 3 });
    const tagged = withId3Tag(mp3, { title: 'Seek me', artist: 'Sine' });
    tagLength = tagged.length - mp3.length;
    file = path.join(dir, 'seek.mp3');
    await writeFile(file, tagged);
    bytes = await readFile(file);
  });
  afterAll(() => removeDir(dir));

  it('starts at the first frame, after the ID3 tag, near the start', async () => {
    const plan = await planSongSeek(file, 0.001);
    expect(plan).toMatchObject({ byteOffset: tagLength, firstSample: 0, targetSample: 44 });
  });

  it.each([0.5, 1.234, 2, 2.9])(
    'starts on a frame boundary a little before %s s, and says which sample',
    async (seconds) => {
      const plan = await planSongSeek(file, seconds);
      expect(parseFrameHeader(bytes, plan.byteOffset)).not.toBeNull();
      expect(plan.targetSample).toBe(Math.round(seconds * 44100));
      expect(plan.firstSample % 1152).toBe(0); // no Xing frame: frame k starts at k × 1152
      // Primed: at least the frame before the target's frame, at most a few more.
      expect(plan.targetSample - plan.firstSample).toBeGreaterThanOrEqual(1152);
      expect(plan.targetSample - plan.firstSample).toBeLessThan(6 * 1152);
    },
  );

  it('refuses a time at or past the end', async () => {
    const { totalSamples } = await planSongSeek(file, 1);
    await expect(planSongSeek(file, totalSamples / 44100)).rejects.toThrow(PastEndError);
    await expect(planSongSeek(file, 1000)).rejects.toThrow(PastEndError);
    expect((await planSongSeek(file, (totalSamples - 1) / 44100)).targetSample).toBe(
      totalSamples - 1,
    );
  });
});

describe('planSongSeek on the bundled music', () => {
  it.skipIf(!existsSync(bundledMusic))('plans 10 s into every song', async () => {
    const names = (await readdir(bundledMusic)).filter((name) => name.endsWith('.mp3'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const file = path.join(bundledMusic, name);
      const plan = await planSongSeek(file, 10);
      expect(parseFrameHeader(await readFile(file), plan.byteOffset)).not.toBeNull();
      expect(plan.targetSample).toBe(10 * plan.sampleRate);
      expect(plan.firstSample).toBeLessThan(plan.targetSample);
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
