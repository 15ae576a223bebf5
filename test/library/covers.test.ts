import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryCatalog, type SongEntry } from '../../src/library';
import { readSongMetadata } from '../../src/library/readSongMetadata';
import { makeFlac, makeImage, makeMp3, makeVorbis } from '../support/coverFixtures';
import { downgradeStateToV1 } from '../support/libraryStateV1';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('covers found at scan time', { timeout: 60_000 }, () => {
  let base: string;
  let music: string;
  let state: string;
  let jpeg: Buffer;
  let png: Buffer;
  let otherJpeg: Buffer;
  const at = (...parts: string[]) => path.join(music, ...parts);

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'tidewave-covers-'));
    music = path.join(base, 'music');
    state = path.join(base, 'state');
    for (const dir of ['Embedded', 'Beside', 'Order', 'Both', 'None', 'Fake'])
      await mkdir(at(dir), { recursive: true });
    jpeg = await makeImage(path.join(base, 'cover.jpg'), 'noise-jpeg', 120);
    png = await makeImage(path.join(base, 'front.png'), 'png', 48);
    otherJpeg = await makeImage(path.join(base, 'other.jpg'), 'noise-jpeg', 80);
    const picture = path.join(base, 'cover.jpg');
    await Promise.all([
      makeFlac(at('Embedded', '1 flac.flac'), picture),
      makeMp3(at('Embedded', '2 mp3.mp3'), picture),
      makeVorbis(at('Embedded', '3 vorbis.ogg'), jpeg),
      makeFlac(at('Beside', 'song.flac')),
      makeVorbis(at('Order', 'song.ogg')),
      makeMp3(at('Both', 'song.mp3'), path.join(base, 'other.jpg')),
      makeFlac(at('None', 'song.flac')),
      makeFlac(at('Fake', 'song.flac')),
    ]);
    await writeFile(at('Beside', 'Folder.JPG'), jpeg);
    await writeFile(at('Order', 'front.png'), png);
    await writeFile(at('Order', 'folder.jpg'), jpeg); // folder.jpg comes before front.png
    await writeFile(at('Both', 'cover.jpg'), jpeg); // the embedded picture wins
    await writeFile(at('Fake', 'cover.jpg'), 'not an image'); // skipped: front.png is next
    await writeFile(at('Fake', 'front.png'), png);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const scan = async () => {
    const reads: string[] = [];
    const catalog = await LibraryCatalog.open({
      folder: music,
      stateDir: state,
      readMetadata: (file) => (reads.push(file.relativePath), readSongMetadata(file)),
    });
    const library = await catalog.scan();
    const byPath = new Map<string, SongEntry>(library.songs.map((s) => [s.relativePath, s]));
    return { byPath, reads };
  };

  it('finds embedded pictures in FLAC, ID3 and Vorbis, and images beside the files', async () => {
    const { byPath } = await scan();
    for (const name of ['1 flac.flac', '2 mp3.mp3', '3 vorbis.ogg']) {
      const song = byPath.get(`Embedded/${name}`)!;
      expect(song.cover, name).toEqual({
        source: 'embedded',
        hash: sha256(jpeg),
        mime: 'image/jpeg',
        sizeBytes: jpeg.length,
      });
      expect(song.hasCover).toBe(true);
    }
    expect(byPath.get('Beside/song.flac')!.cover).toMatchObject({
      source: 'sidecar',
      relativePath: 'Beside/Folder.JPG',
      hash: sha256(jpeg),
    });
    expect(byPath.get('Order/song.ogg')!.cover).toMatchObject({ relativePath: 'Order/folder.jpg' });
    expect(byPath.get('Both/song.mp3')!.cover).toMatchObject({
      source: 'embedded',
      hash: sha256(otherJpeg),
    });
    expect(byPath.get('Fake/song.flac')!.cover).toMatchObject({
      relativePath: 'Fake/front.png',
      mime: 'image/png',
      hash: sha256(png),
    });
    expect(byPath.get('None/song.flac')!.cover).toBeNull();
    expect(byPath.get('None/song.flac')!.hasCover).toBe(false);
  });

  it('keeps covers in the scan cache, follows a changed sidecar, and rereads old caches', async () => {
    await scan();
    const warm = await scan();
    expect(warm.reads).toEqual([]);
    expect(warm.byPath.get('Beside/song.flac')!.cover?.hash).toBe(sha256(jpeg));

    // A new image beside the file: the song file is unchanged, the cover is not.
    await writeFile(at('Beside', 'Folder.JPG'), png);
    const changed = await scan();
    expect(changed.reads).toEqual([]);
    expect(changed.byPath.get('Beside/song.flac')!.cover).toMatchObject({
      mime: 'image/png',
      hash: sha256(png),
    });

    // A cache written before covers were located has no `cover`: those entries are read again.
    const { ids } = await downgradeStateToV1(state, path.resolve(music), { covers: false });
    const again = await scan();
    expect(again.reads.length).toBe(Object.keys(ids).length);
    expect(again.byPath.get('Embedded/1 flac.flac')!.cover?.hash).toBe(sha256(jpeg));
  });
});
