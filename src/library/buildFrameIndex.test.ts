import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrameIndex } from './buildFrameIndex';
import { parseFrameHeader } from './mp3FrameHeader';
import {
  encodeSineMp3,
  makeTempDir,
  noiseBytes,
  removeDir,
  withId3Tag,
} from '../../test/support/mp3Fixtures';

/** Frame offsets of a stream known to be clean: each header says where the next one is. */
function cleanFrameOffsets(bytes: Uint8Array, start: number): number[] {
  const offsets: number[] = [];
  for (let offset = start; ;) {
    const header = parseFrameHeader(bytes, offset);
    if (header === null) return offsets;
    offsets.push(offset);
    offset += header.frameLength;
  }
}

describe('buildFrameIndex', () => {
  let dir: string;
  // 6 s at 128 kbps is ~96 KB: two 64 KiB chunks, so frames straddle a chunk end.
  let mp3: Buffer;
  let expectedOffsets: number[];
  const write = async (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return file;
  };

  beforeAll(async () => {
    dir = await makeTempDir();
    mp3 = encodeSineMp3({ seconds: 6 });
    expectedOffsets = cleanFrameOffsets(mp3, 0);
  });
  afterAll(() => removeDir(dir));

  it('lists every frame of a stream across chunk boundaries, with its timeline', async () => {
    const index = await buildFrameIndex(await write('plain.mp3', mp3));
    expect(mp3.length).toBeGreaterThan(64 * 1024);
    expect(index.offsets).toEqual(expectedOffsets);
    expect(index.mainDataBegin).toHaveLength(expectedOffsets.length);
    expect(index.payloadBytes).toHaveLength(expectedOffsets.length);
    // No Xing frame: every frame plays whole.
    expect(index.timeline).toEqual({
      sampleRate: 44100,
      samplesPerFrame: 1152,
      skipSamples: 0,
      totalSamples: expectedOffsets.length * 1152,
    });
  });

  it('starts right after an ID3v2 tag', async () => {
    const tagged = withId3Tag(mp3, { title: 'Tagged', withCover: true });
    const tagLength = tagged.length - mp3.length;
    const index = await buildFrameIndex(await write('tagged.mp3', tagged));
    expect(index.offsets).toEqual(expectedOffsets.map((offset) => offset + tagLength));
  });

  it('resyncs after garbage in the middle and keeps the last frame before an ID3v1 tag', async () => {
    const cut = expectedOffsets[50];
    const garbage = noiseBytes(3000, 7);
    // Headers that look right but whose "next frame" is more garbage: they must not be taken.
    for (const at of [100, 1000, 2000]) garbage.set([0xff, 0xfb, 0x90, 0x64], at);
    const id3v1 = Buffer.concat([Buffer.from('TAG'), Buffer.alloc(125, 0x20)]);
    const damaged = Buffer.concat([mp3.subarray(0, cut), garbage, mp3.subarray(cut), id3v1]);
    const index = await buildFrameIndex(await write('damaged.mp3', damaged));
    const shifted = expectedOffsets.map((o) => (o < cut ? o : o + garbage.length));
    expect(index.offsets).toEqual(shifted);
  });

  it('times MPEG-2 frames at 576 samples each', async () => {
    const index = await buildFrameIndex(
      await write('mpeg2.mp3', encodeSineMp3({ seconds: 2, sampleRate: 22050, kbps: 64 })),
    );
    expect(index.timeline.samplesPerFrame).toBe(576);
    expect(index.timeline.totalSamples).toBe(index.offsets.length * 576);
  });

  it('fails clearly on a file without MPEG audio', async () => {
    const file = await write('noise.mp3', noiseBytes(20_000));
    await expect(buildFrameIndex(file)).rejects.toThrow(/No MP3 audio frames found/);
  });
});
