import {
  link,
  mkdir,
  mkdtemp,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingWritable } from '../../test/support/recordingWritable';
import { openSongFile, type OpenedSongFile } from './openSongFile';
import { PathLookups } from './pathLookups';
import { headProvenNow } from './provenHead';
import { SETTLE_MS, SongHeadCache, type FileVersion, type SongHead } from './songHeadCache';
import { SongChangedError, streamSong } from './songStreamer';

const HEAD_BYTES = 20_000;
const HEAD: SongHead = { pieces: [Buffer.from('<framed head>')], coveredBytes: 10 };

function songBytes(length: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7 + seed) % 251));
}

async function versionOf(file: string): Promise<FileVersion> {
  const { dev, ino, size, mtimeNs, ctimeNs } = await stat(file, { bigint: true });
  return { dev, ino, size, mtimeNs, ctimeNs };
}

/** The real lookups, their file system counted as local whatever this machine's is. */
function localLookups(): PathLookups {
  const real = new PathLookups();
  return new PathLookups(16, async (file) => ({ ...(await real.fresh(file)), local: true }));
}

describe('headProvenNow', () => {
  let base: string;
  let song: string;
  let lookups: PathLookups;
  let heads: SongHeadCache;
  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'tidewave-proven-')));
    await mkdir(path.join(base, 'music/album'), { recursive: true });
    await mkdir(path.join(base, 'outside'));
    song = path.join(base, 'music/album/song.mp3');
    await writeFile(song, songBytes(1000, 1));
    lookups = localLookups();
    heads = new SongHeadCache();
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  /** Looks the song up, as its first open did, and caches a head for the version it saw. */
  async function lookUpAndCache(): Promise<FileVersion> {
    await lookups.fresh(song);
    const version = await versionOf(song);
    expect(heads.put(version, Date.now() + 2 * SETTLE_MS, HEAD)).toBe(true);
    return version;
  }

  it('gives the cached head of the very file a finished lookup saw the path name', async () => {
    heads.put(await versionOf(song), Date.now() + 2 * SETTLE_MS, HEAD);
    const looking = lookups.fresh(song);
    expect(headProvenNow(song, lookups, heads)).toBeNull(); // the lookup is under way
    await looking;
    const version = await lookUpAndCache();
    expect(headProvenNow(song, lookups, heads)).toEqual({ version, head: HEAD });
  });

  it('gives nothing for a path on a file system not known to be local', async () => {
    const real = new PathLookups();
    lookups = new PathLookups(16, async (file) => ({ ...(await real.fresh(file)), local: false }));
    await lookUpAndCache();
    expect(headProvenNow(song, lookups, heads)).toBeNull();
  });

  it('gives nothing for a song replaced by a link to a file outside', async () => {
    await lookUpAndCache();
    await writeFile(path.join(base, 'outside/secret.mp3'), songBytes(1000, 1));
    await rm(song);
    await symlink(path.join(base, 'outside/secret.mp3'), song);
    expect(headProvenNow(song, lookups, heads)).toBeNull();
  });

  it('gives nothing for a song replaced by a link to another song whose head is cached', async () => {
    await lookUpAndCache();
    const other = path.join(base, 'music/other.mp3');
    await writeFile(other, songBytes(1000, 3));
    heads.put(await versionOf(other), Date.now() + 2 * SETTLE_MS, HEAD);
    await rm(song);
    await symlink(other, song);
    // The path's own lookup saw another file: the other song's cached head proves nothing.
    expect(headProvenNow(song, lookups, heads)).toBeNull();
  });

  it('gives nothing for a song reached through a linked folder, even as the same file', async () => {
    await lookUpAndCache();
    // The very file the lookup saw, now only reachable through a symlink to outside: linking it
    // changed its change time, so the remembered lookup does not prove it.
    await link(song, path.join(base, 'outside/song.mp3'));
    await rename(path.join(base, 'music/album'), path.join(base, 'music/old'));
    await symlink(path.join(base, 'outside'), path.join(base, 'music/album'));
    expect(headProvenNow(song, lookups, heads)).toBeNull();
  });

  it('gives nothing for a song moved out of the folder, or rewritten', async () => {
    await lookUpAndCache();
    await rename(song, path.join(base, 'outside/song.mp3'));
    expect(headProvenNow(song, lookups, heads)).toBeNull();
    await rename(path.join(base, 'outside/song.mp3'), song); // back, but moved: a new ctime
    expect(headProvenNow(song, lookups, heads)).toBeNull();
    await lookUpAndCache();
    await writeFile(song, songBytes(1000, 2));
    expect(headProvenNow(song, lookups, heads)).toBeNull();
  });
});

describe('streamSong with a proven head', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-proven-stream-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  /** Streams the file, its head cached by a stream before; `file` as the stream is given it. */
  async function stream(
    cache: SongHeadCache,
    file: OpenedSongFile | Promise<OpenedSongFile>,
    provenHead: { version: FileVersion; head: SongHead } | null,
  ) {
    const { output, writes } = recordingWritable();
    const outcome = streamSong({
      output,
      file,
      byteOffset: 0,
      pacer: null,
      packetsPerBatch: 2,
      signal: new AbortController().signal,
      headCache: cache,
      headBytes: HEAD_BYTES,
      provenHead,
    });
    return { outcome, writes };
  }

  /** Opened as if looked at well after its last change (so its head may be cached). */
  async function openSettled(file: string): Promise<OpenedSongFile> {
    const opened = await openSongFile(file);
    return { ...opened, statAtMs: opened.statAtMs + 2 * SETTLE_MS };
  }

  it('writes the head before the open is done, then the same bytes as without it', async () => {
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, songBytes(100_000, 1));
    const cache = new SongHeadCache();
    const first = await openSettled(file);
    const plain = await stream(cache, first, null);
    expect(await plain.outcome).toBe('ended');
    await first.handle.close();
    const version = await versionOf(file);
    const head = cache.get(version);
    expect(head).not.toBeNull();

    let opened: (file: OpenedSongFile) => void = () => {};
    const opening = new Promise<OpenedSongFile>((resolve) => (opened = resolve));
    const early = await stream(cache, opening, { version, head: head as SongHead });
    // Written at once, with the open still under way.
    expect(early.writes).toEqual(head?.pieces);
    const second = await openSettled(file);
    opened(second);
    expect(await early.outcome).toBe('ended');
    await second.handle.close();
    expect(Buffer.concat(early.writes).equals(Buffer.concat(plain.writes))).toBe(true);
  });

  it('fails, sending nothing more, when the open finds another version than the one proven', async () => {
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, songBytes(100_000, 1));
    const proven = { version: await versionOf(file), head: HEAD };
    await writeFile(file, songBytes(100_000, 2)); // rewritten between the proof and the open
    const opened = await openSettled(file);
    try {
      const early = await stream(new SongHeadCache(), Promise.resolve(opened), proven);
      await expect(early.outcome).rejects.toBeInstanceOf(SongChangedError);
      expect(early.writes).toEqual(HEAD.pieces);
    } finally {
      await opened.handle.close();
    }
  });
});
