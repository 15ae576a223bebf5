import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSongFiles, isSongFileName } from './findSongFiles';
import {
  encodeSineMp3,
  makeTempDir,
  noiseBytes,
  removeDir,
  withId3Tag,
} from '../../test/support/mp3Fixtures';

describe('findSongFiles', () => {
  let base: string;
  const put = (name: string, bytes: Uint8Array) => writeFile(path.join(base, 'music', name), bytes);

  beforeAll(async () => {
    base = await makeTempDir();
    await mkdir(path.join(base, 'music'));
    const mp3 = encodeSineMp3({ seconds: 0.3 });
    const flacHead = new Uint8Array(100);
    flacHead.set([0x66, 0x4c, 0x61, 0x43]); // fLaC
    await put('a.mp3', withId3Tag(mp3, { title: 'A' }));
    await put('b flac named mp3.mp3', flacHead);
    await put('c.flac', flacHead);
    await put('d noise.ogg', noiseBytes(5000));
    await put('e noise.mp3', noiseBytes(5000));
    await put('f.m4a', Buffer.from('\0\0\0\x20ftypM4A \0\0\0\0'.padEnd(100, '\0')));
    await put('g.MP3', Buffer.from('\0\0\0\x20ftypM4A \0\0\0\0'.padEnd(100, '\0')));
    await put('notes.txt', noiseBytes(100));
  });
  afterAll(() => removeDir(base));

  it('lists songs with the format their bytes show, and skips the rest with a reason', async () => {
    const { files, warnings } = await findSongFiles(path.join(base, 'music'));
    expect(files.map((f) => [f.relativePath, f.format])).toEqual([
      ['a.mp3', 'mp3'],
      ['b flac named mp3.mp3', 'flac'],
      ['c.flac', 'flac'],
      // Named .mp3 and no other format: listed as MP3 as always (mpg123 looks past junk).
      ['e noise.mp3', 'mp3'],
    ]);
    expect(warnings).toEqual([
      'Skipped d noise.ogg: not MP3, FLAC, Ogg Vorbis, Opus or WAV',
      'Skipped f.m4a: MP4/AAC is not supported',
      'Skipped g.MP3: MP4/AAC is not supported',
    ]);
  });

  it('considers the names of the formats it plays (and of AAC, to say why not)', () => {
    for (const name of ['x.mp3', 'X.FLAC', 'x.ogg', 'x.oga', 'x.opus', 'x.wav', 'x.m4a']) {
      expect(isSongFileName(name), name).toBe(true);
    }
    for (const name of ['x.txt', 'cover.jpg', 'x.mp3.part', 'flac']) {
      expect(isSongFileName(name), name).toBe(false);
    }
  });
});
