import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openSongFile,
  songFileChange,
  songFileProblem,
  SongFileRefusedError,
} from './openSongFile';

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
