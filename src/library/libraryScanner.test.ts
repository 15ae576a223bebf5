import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryError, toLibraryError } from './libraryError';
import { scanLibrary } from './libraryScanner';
import {
  encodeSineMp3,
  makeTempDir,
  noiseBytes,
  removeDir,
  withId3Tag,
} from '../../test/support/mp3Fixtures';

const isRoot = process.getuid?.() === 0; // root reads anything, so permission tests cannot fail
const bundledMusic = fileURLToPath(new URL('../../music', import.meta.url));

describe('scanLibrary', () => {
  let base: string;
  let root: string;
  let mp3: Buffer;
  const put = async (relativePath: string, bytes: Uint8Array) => {
    const file = path.join(root, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  };

  beforeAll(async () => {
    base = await makeTempDir();
    root = path.join(base, 'music');
    mp3 = encodeSineMp3({ seconds: 1 });
    const tags = { title: 'Bee Song', artist: 'The Bees', album: 'Hive', withCover: true };
    await put('b.mp3', withId3Tag(mp3, tags));
    await put('a/Untagged Tune.MP3', mp3);
    await put('a/deep/x.mp3', withId3Tag(mp3, { title: 'Deep' }));
    await put('c broken.mp3', noiseBytes(30_000));
    await put('d empty.mp3', new Uint8Array(0));
    await put('.hidden.mp3', mp3);
    await put('cover.jpg', noiseBytes(100));
  });
  afterAll(() => removeDir(base));

  it('lists songs recursively in a stable order with 0-based ids', async () => {
    const library = await scanLibrary(root);
    expect(library.folder).toBe(root);
    expect(library.songs.map((s) => [s.id, s.relativePath])).toEqual([
      [0, 'a/Untagged Tune.MP3'],
      [1, 'a/deep/x.mp3'],
      [2, 'b.mp3'],
      [3, 'c broken.mp3'],
      [4, 'd empty.mp3'],
    ]);
    expect((await scanLibrary(root)).songs).toEqual(library.songs);
  });

  it('reads tags, duration, bitrate and cover', async () => {
    const { songs } = await scanLibrary(root);
    const bee = songs[2];
    expect(bee).toMatchObject({
      absolutePath: path.join(root, 'b.mp3'),
      title: 'Bee Song',
      artist: 'The Bees',
      album: 'Hive',
      hasCover: true,
      bitrate: 128_000,
    });
    expect(bee.sizeBytes).toBeGreaterThan(mp3.length);
    expect(bee.durationSeconds).toBeGreaterThan(1);
    expect(bee.durationSeconds).toBeLessThan(1.2); // plus the encoder's priming and padding
    expect(songs[1]).toMatchObject({ title: 'Deep', artist: null, album: null, hasCover: false });
  });

  it('falls back to the file name when there is no title tag', async () => {
    const { songs } = await scanLibrary(root);
    expect(songs[0]).toMatchObject({ title: 'Untagged Tune', artist: null, hasCover: false });
    expect(songs[0].sizeBytes).toBe(mp3.length);
    expect(songs[0].durationSeconds).toBeGreaterThan(1);
  });

  it('still lists unreadable files, with a warning each', async () => {
    const { songs, warnings } = await scanLibrary(root);
    for (const [song, name] of [
      [songs[3], 'c broken'],
      [songs[4], 'd empty'],
    ] as const) {
      expect(song).toMatchObject({
        title: name,
        durationSeconds: null,
        bitrate: null,
        artist: null,
      });
    }
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^c broken\.mp3: /);
    expect(warnings[1]).toMatch(/^d empty\.mp3: /);
  });

  it('rejects a missing folder, a file and a folder without songs', async () => {
    const missing = path.join(base, 'nope');
    await expect(scanLibrary(missing)).rejects.toEqual(new LibraryError('ENOENT', missing));
    await expect(scanLibrary(missing)).rejects.toThrow(`Music folder not found: ${missing}`);

    const file = path.join(root, 'b.mp3');
    await expect(scanLibrary(file)).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(scanLibrary(file)).rejects.toThrow(`Not a folder: ${file}`);

    const empty = path.join(base, 'empty');
    await mkdir(path.join(empty, '.hidden'), { recursive: true });
    await writeFile(path.join(empty, '.hidden', 'song.mp3'), mp3);
    await expect(scanLibrary(empty)).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(scanLibrary(empty)).rejects.toThrow(
      `No songs (MP3, FLAC, Ogg Vorbis, Opus or WAV files) in folder: ${empty}`,
    );
  });

  it('maps permission errors to EACCES', () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    expect(toLibraryError(denied, '/m')).toMatchObject({ code: 'EACCES', folder: '/m' });
    expect(toLibraryError({ code: 'EPERM' }, '/m')).toBeInstanceOf(LibraryError);
    const other = new Error('other');
    expect(toLibraryError(other, '/m')).toBe(other);
  });

  it.skipIf(isRoot)(
    'rejects an unreadable folder and warns about unreadable subfolders',
    async () => {
      const locked = path.join(base, 'locked');
      await mkdir(locked);
      await chmod(locked, 0o000);
      await expect(scanLibrary(locked)).rejects.toMatchObject({ code: 'EACCES' });
      const sub = path.join(root, 'private');
      await mkdir(sub);
      await chmod(sub, 0o000);
      try {
        expect((await scanLibrary(root)).warnings).toContain(
          'Skipped unreadable folder private (EACCES)',
        );
      } finally {
        await chmod(sub, 0o755);
        await chmod(locked, 0o755);
      }
    },
  );

  // The bundled songs are generated by scripts/makeMusic.ts; skip until they exist.
  it.skipIf(!existsSync(bundledMusic))('reads the bundled music', async () => {
    const { songs, warnings } = await scanLibrary(bundledMusic);
    expect(warnings).toEqual([]);
    expect(songs).toHaveLength(3);
    for (const song of songs) {
      expect(song.title).not.toBe('');
      expect(song.artist).toEqual(expect.any(String));
      expect(song.durationSeconds).toBeGreaterThanOrEqual(20);
      expect(song.durationSeconds).toBeLessThanOrEqual(45);
      expect(song.hasCover).toBe(true);
    }
  });
});
