import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openSongFile,
  songFileChange,
  songFileProblem,
  SongFileRefusedError,
} from './openSongFile';
import { PathLookups } from './pathLookups';

const regular = { dev: 1n, ino: 7n, isFile: () => true };

describe('songFileProblem', () => {
  it('accepts the regular file its path still names', () => {
    expect(songFileProblem('/m/a.mp3', regular, '/m/a.mp3', { dev: 1n, ino: 7n })).toBeNull();
  });

  it('refuses anything but a regular file', () => {
    const fifo = { ...regular, isFile: () => false };
    expect(songFileProblem('/m/a.mp3', fifo, '/m/a.mp3', regular)).toBe('not a regular file');
  });

  it('refuses a path that now leads elsewhere', () => {
    expect(songFileProblem('/m/a.mp3', regular, '/etc/passwd', null)).toMatch(/\/etc\/passwd/);
  });

  it('refuses a file swapped while it was opened', () => {
    expect(songFileProblem('/m/a.mp3', regular, '/m/a.mp3', { dev: 1n, ino: 8n })).toMatch(
      /replaced/,
    );
  });
});

describe('songFileChange', () => {
  const opened = { sizeBytes: 100, mtimeNs: 5n };
  it('sees no change when size and time are the same', () => {
    expect(songFileChange(opened, { size: 100n, mtimeNs: 5n })).toBeNull();
  });
  it('sees a new size or a new time', () => {
    expect(songFileChange(opened, { size: 60n, mtimeNs: 5n })).toMatch(/size/);
    expect(songFileChange(opened, { size: 100n, mtimeNs: 6n })).toMatch(/modified/);
  });
});

describe('openSongFile', () => {
  let base: string;
  let song: string;
  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'tidewave-open-')));
    await mkdir(path.join(base, 'music/album'), { recursive: true });
    await mkdir(path.join(base, 'outside'));
    await writeFile(path.join(base, 'outside/secret.mp3'), 'secret');
    song = path.join(base, 'music/album/song.mp3');
    await writeFile(song, 'song bytes');
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('opens a regular file with its size', async () => {
    const file = await openSongFile(song);
    try {
      expect(file.sizeBytes).toBe(10);
      const { bytesRead, buffer } = await file.handle.read(Buffer.alloc(10), 0, 10, 0);
      expect(buffer.subarray(0, bytesRead).toString()).toBe('song bytes');
    } finally {
      await file.handle.close();
    }
  });

  it('refuses a song replaced by a link to a file outside', async () => {
    await rm(song);
    await symlink(path.join(base, 'outside/secret.mp3'), song);
    await expect(openSongFile(song)).rejects.toBeInstanceOf(SongFileRefusedError);
  });

  it('refuses a song whose folder was replaced by a link to outside', async () => {
    await rename(path.join(base, 'music/album'), path.join(base, 'music/old'));
    await writeFile(path.join(base, 'outside/song.mp3'), 'secret');
    await symlink(path.join(base, 'outside'), path.join(base, 'music/album'));
    await expect(openSongFile(song)).rejects.toBeInstanceOf(SongFileRefusedError);
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO without waiting for a writer',
    async () => {
      await rm(song);
      execFileSync('mkfifo', [song]);
      await expect(openSongFile(song)).rejects.toThrow('not a regular file');
    },
  );
});

describe('openSongFile with path lookups shared between opens', () => {
  let base: string;
  let song: string;
  let lookedUp: string[];
  let lookups: PathLookups;
  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'tidewave-lookups-')));
    await mkdir(path.join(base, 'music/album'), { recursive: true });
    await mkdir(path.join(base, 'outside'));
    song = path.join(base, 'music/album/song.mp3');
    await writeFile(song, 'song bytes');
    lookedUp = [];
    // The real lookup, counted.
    const counting = new PathLookups();
    lookups = new PathLookups(16, (file) => {
      lookedUp.push(file);
      return counting.fresh(file);
    });
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  const openAndClose = async () => {
    const file = await openSongFile(song, lookups);
    await file.handle.close();
    return file;
  };

  it('looks a path up once for many opens of the same file, at once and after', async () => {
    const files = await Promise.all(Array.from({ length: 20 }, openAndClose));
    await openAndClose();
    expect(files.every((file) => file.sizeBytes === 10)).toBe(true);
    expect(lookedUp).toEqual([song]);
  });

  it('looks again once the file was rewritten, and serves the new version', async () => {
    await openAndClose();
    await writeFile(song, 'new song bytes, longer');
    expect((await openAndClose()).sizeBytes).toBe(22);
    expect(lookedUp).toEqual([song, song]);
  });

  it('refuses a remembered song replaced by a link to a file outside', async () => {
    await openAndClose();
    await writeFile(path.join(base, 'outside/secret.mp3'), 'secret');
    await rm(song);
    await symlink(path.join(base, 'outside/secret.mp3'), song);
    await expect(openSongFile(song, lookups)).rejects.toBeInstanceOf(SongFileRefusedError);
  });

  it('refuses a remembered song reached through a linked folder, even as the same file', async () => {
    await openAndClose();
    // The very file the lookup saw, now only reachable through a symlink to outside: linking it
    // changed its change time, so the remembered lookup does not count for it.
    await link(song, path.join(base, 'outside/song.mp3'));
    await rename(path.join(base, 'music/album'), path.join(base, 'music/old'));
    await symlink(path.join(base, 'outside'), path.join(base, 'music/album'));
    await expect(openSongFile(song, lookups)).rejects.toBeInstanceOf(SongFileRefusedError);
    expect(lookedUp).toEqual([song, song]);
  });

  it('looks again after a lookup that refused, once the path is right again', async () => {
    await rm(song);
    await symlink(path.join(base, 'outside/elsewhere.mp3'), song);
    await writeFile(path.join(base, 'outside/elsewhere.mp3'), 'x');
    await expect(openSongFile(song, lookups)).rejects.toBeInstanceOf(SongFileRefusedError);
    await rm(song);
    await writeFile(song, 'song bytes');
    expect((await openAndClose()).sizeBytes).toBe(10);
    expect(lookedUp).toEqual([song, song]);
  });
});
