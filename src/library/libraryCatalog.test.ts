import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LibraryCatalog, type LibraryCatalogOptions } from './libraryCatalog';
import type { Library } from './libraryTypes';
import { readSongMetadata } from './readSongMetadata';
import { downgradeStateToV1 } from '../../test/support/libraryStateV1';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../../test/support/mp3Fixtures';

const bundledMusic = fileURLToPath(new URL('../../music', import.meta.url));

const idsByPath = (library: Library) =>
  Object.fromEntries(library.songs.map((song) => [song.relativePath, song.id]));

describe('LibraryCatalog', () => {
  let mp3: Buffer;
  let base: string;
  let music: string;
  let state: string;
  let reads: string[];
  let logLines: string[];
  const put = async (relativePath: string, title = relativePath) => {
    const file = path.join(music, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, withId3Tag(mp3, { title }));
  };
  const open = (options: Partial<LibraryCatalogOptions> = {}) =>
    LibraryCatalog.open({
      folder: music,
      stateDir: state,
      log: (line) => logLines.push(line),
      readMetadata: (file) => {
        reads.push(file.relativePath);
        return readSongMetadata(file);
      },
      ...options,
    });

  beforeAll(() => {
    mp3 = encodeSineMp3({ seconds: 0.2 });
  });
  beforeEach(async () => {
    base = await makeTempDir();
    music = path.join(base, 'music');
    state = path.join(base, 'state');
    reads = [];
    logLines = [];
    for (const name of ['a.mp3', 'b.mp3', 'c/d.mp3', 'e.mp3']) await put(name);
  });
  afterEach(() => removeDir(base));

  it('keeps ids across rescans with files added, removed and renamed in the middle', async () => {
    const catalog = await open({ stateDir: undefined });
    expect(idsByPath(await catalog.scan())).toEqual({
      'a.mp3': 0,
      'b.mp3': 1,
      'c/d.mp3': 2,
      'e.mp3': 3,
    });
    await put('bb.mp3');
    await rm(path.join(music, 'b.mp3'));
    await rename(path.join(music, 'c/d.mp3'), path.join(music, 'c/dd.mp3'));
    const second = await catalog.scan();
    expect(idsByPath(second)).toEqual({ 'a.mp3': 0, 'bb.mp3': 4, 'c/dd.mp3': 5, 'e.mp3': 3 });
    expect(second.songs.map((song) => song.id)).toEqual([0, 3, 4, 5]); // in id order
    expect(second.songs.find((song) => song.id === 4)?.title).toBe('bb.mp3');
    await put('b.mp3'); // the removed path comes back: a new id, never 1 again
    expect(idsByPath(await catalog.scan())['b.mp3']).toBe(6);
  });

  it('restarts from the saved ids and re-reads only files whose size or mtime changed', async () => {
    const first = await (await open()).scan();
    expect(reads).toHaveLength(4);
    reads = [];
    await put('b.mp3', 'A new title, so a new size');
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(music, 'e.mp3'), later, later); // same size, new mtime
    await put('f.mp3');
    const restarted = await (await open()).scan();
    expect(reads.sort()).toEqual(['b.mp3', 'e.mp3', 'f.mp3']);
    expect(idsByPath(restarted)).toEqual({ ...idsByPath(first), 'f.mp3': 4 });
    expect(restarted.songs.find((song) => song.id === 1)?.title).toBe('A new title, so a new size');
    // What came from the cache is what a fresh read gives.
    const fresh = await (await open({ stateDir: undefined })).scan();
    expect(restarted.songs.map(({ id: _id, ...song }) => song)).toEqual(
      fresh.songs.map(({ id: _id, ...song }) => song),
    );
    expect(await readdir(state)).toHaveLength(1); // one state file, no temp file left behind
    expect(logLines).toEqual([]);
  });

  it('reads nothing and rewrites no state file when nothing changed', async () => {
    await (await open()).scan();
    const saved = async () =>
      Promise.all(
        (await readdir(state)).map((f) => stat(path.join(state, f)).then((s) => s.mtimeMs)),
      );
    const before = await saved();
    reads = [];
    const catalog = await open();
    await catalog.scan();
    await catalog.scan();
    expect(reads).toEqual([]);
    expect(await saved()).toEqual(before);
  });

  it('ignores corrupt state files with a log line and starts afresh', async () => {
    await (await open()).scan();
    for (const file of await readdir(state)) await writeFile(path.join(state, file), '{"nextId":');
    reads = [];
    const library = await (await open()).scan();
    expect(idsByPath(library)).toEqual({ 'a.mp3': 0, 'b.mp3': 1, 'c/d.mp3': 2, 'e.mp3': 3 });
    expect(reads).toHaveLength(4);
    expect(logLines.filter((line) => line.includes('corrupt'))).toHaveLength(1);
  });

  it('migrates a first-format state: ids kept, nothing read again, the old files removed', async () => {
    const first = await (await open()).scan();
    await put('b.mp3', 'Changed while the old version ran');
    const old = await downgradeStateToV1(state, music, { covers: true });
    expect(Object.keys(old.ids)).toHaveLength(4);
    await rm(path.join(music, 'e.mp3')); // its id (3) must stay given
    reads = [];
    const migrated = await (await open()).scan();
    expect(reads).toEqual(['b.mp3']);
    expect(idsByPath(migrated)).toEqual({ 'a.mp3': 0, 'b.mp3': 1, 'c/d.mp3': 2 });
    expect(await readdir(state)).toEqual([expect.stringMatching(/\.state\.json$/)]);
    await put('e2.mp3');
    const after = await (await open()).scan();
    expect(reads).toEqual(['b.mp3', 'e2.mp3']);
    expect(idsByPath(after)['e2.mp3']).toBe(4);
    expect(after.songs.find((s) => s.id === 0)).toEqual(first.songs.find((s) => s.id === 0));
    expect(logLines).toEqual([]);
  });

  it('keeps the id of a row whose cached reading is malformed, and reads that file again', async () => {
    await (await open()).scan();
    const [file] = await readdir(state);
    const saved = JSON.parse(await readFile(path.join(state, file), 'utf8')) as {
      rows: unknown[][];
    };
    saved.rows[1][6] = 42; // the title of b.mp3 is no longer text
    saved.rows[2] = saved.rows[2].slice(0, 2); // c/d.mp3: an id alone
    await writeFile(path.join(state, file), JSON.stringify(saved));
    reads = [];
    const library = await (await open()).scan();
    expect(reads.sort()).toEqual(['b.mp3', 'c/d.mp3']);
    expect(idsByPath(library)).toEqual({ 'a.mp3': 0, 'b.mp3': 1, 'c/d.mp3': 2, 'e.mp3': 3 });
  });

  it('keeps separate tables per folder, and the bundled songs keep ids 0, 1, 2', async () => {
    const bundled = await (await open({ folder: bundledMusic })).scan();
    expect(bundled.songs.map((song) => song.id)).toEqual([0, 1, 2]);
    expect(idsByPath(await (await open()).scan())['e.mp3']).toBe(3);
    expect((await (await open({ folder: bundledMusic })).scan()).songs).toEqual(bundled.songs);
  });
});
