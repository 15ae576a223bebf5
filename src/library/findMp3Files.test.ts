import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findMp3Files, walkSongFolder } from './findMp3Files';
import { makeTempDir, removeDir } from '../../test/support/mp3Fixtures';

describe('findMp3Files', () => {
  let base: string;
  let root: string;
  const touch = async (relativePath: string) => {
    const file = path.join(root, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'not really audio');
  };
  const relativePaths = async () => (await findMp3Files(root)).files.map((f) => f.relativePath);

  beforeEach(async () => {
    base = await makeTempDir();
    root = path.join(base, 'music');
    await mkdir(root);
  });
  afterEach(() => removeDir(base));

  it('finds .mp3 files recursively in code-unit order of their relative paths', async () => {
    for (const name of ['b.mp3', 'a/z/deep.mp3', 'a-c.mp3', 'A.MP3', 'a/b.mp3', 'É.mp3', 'e.mp3']) {
      await touch(name);
    }
    // Locale order would interleave case and accents, and put 'a/b' before 'a-c'.
    expect(await relativePaths()).toEqual([
      'A.MP3',
      'a-c.mp3',
      'a/b.mp3',
      'a/z/deep.mp3',
      'b.mp3',
      'e.mp3',
      'É.mp3',
    ]);
    const [first] = (await findMp3Files(root)).files;
    expect(first.absolutePath).toBe(path.join(root, 'A.MP3'));
  });

  it('skips hidden entries and files that are not .mp3', async () => {
    for (const name of ['song.mp3', '.hidden.mp3', '.cache/inner.mp3', 'notes.txt', 'x.mp3.bak']) {
      await touch(name);
    }
    await touch('album.mp3/inside.mp3'); // a folder named like a song is still walked, not listed
    expect(await relativePaths()).toEqual(['album.mp3/inside.mp3', 'song.mp3']);
  });

  it('follows links inside the folder once, ignores links out of it and dangling ones', async () => {
    await touch('real/song.mp3');
    await symlink(path.join(root, 'real', 'song.mp3'), path.join(root, 'linked.mp3'));
    await symlink(root, path.join(root, 'real', 'loop')); // a cycle back to the top
    await mkdir(path.join(base, 'outside'));
    await writeFile(path.join(base, 'outside', 'secret.mp3'), 'x');
    await symlink(path.join(base, 'outside'), path.join(root, 'outside'));
    await symlink(path.join(base, 'outside', 'secret.mp3'), path.join(root, 'secret.mp3'));
    await symlink(path.join(root, 'gone.mp3'), path.join(root, 'dangling.mp3'));
    expect(await relativePaths()).toEqual(['linked.mp3', 'real/song.mp3']);
  });

  it('finds nothing in a folder without songs', async () => {
    await touch('readme.txt');
    expect(await findMp3Files(root)).toEqual({ files: [], warnings: [] });
  });
});

describe('walkSongFolder', () => {
  it("gives each file its size and mtime, and each folder's kept names", async () => {
    const root = await makeTempDir();
    try {
      await mkdir(path.join(root, 'Album'));
      await writeFile(path.join(root, 'Album', '1.mp3'), 'abc');
      await writeFile(path.join(root, 'Album', 'Cover.JPG'), 'x');
      await writeFile(path.join(root, 'top.mp3'), 'abcdef');
      const walked = await walkSongFolder(root, (name) => name.endsWith('.mp3'), {
        keepName: (lower) => lower === 'cover.jpg',
      });
      const [song, top] = walked.files;
      expect(song).toMatchObject({ relativePath: 'Album/1.mp3', sizeBytes: 3 });
      expect(song.mtimeMs).toBe((await stat(path.join(root, 'Album', '1.mp3'))).mtimeMs);
      expect(song.dir).toBe(path.join(root, 'Album'));
      expect(top).toMatchObject({ relativePath: 'top.mp3', sizeBytes: 6, dir: root });
      expect([...walked.kept]).toEqual([[path.join(root, 'Album'), ['Cover.JPG']]]);
    } finally {
      await removeDir(root);
    }
  });
});
