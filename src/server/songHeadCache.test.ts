import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingWritable } from '../../test/support/recordingWritable';
import { FrameParser } from '../protocol';
import { HEAD_WRITE_BYTES } from './headWrites';
import { openSongFile, type OpenedSongFile } from './openSongFile';
import { ReadGate } from './readGate';
import {
  FILL_TIMEOUT_MS,
  HeadKeeper,
  SETTLE_MS,
  SongHeadCache,
  versionSettled,
  type FileVersion,
} from './songHeadCache';
import { streamSong } from './songStreamer';

/** Counts the file reads a stream makes. */
class CountingGate extends ReadGate {
  runs = 0;
  override run<T>(read: (scratch: Buffer) => Promise<T>): Promise<T> {
    this.runs += 1;
    return super.run(read);
  }
}

const HEAD_BYTES = 20_000;
/** Longer than a file system's time tick: a write after it gets new file times. */
const TICK_MS = 30;

function songBytes(length: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7 + seed) % 251));
}

/** The file as if looked at well after its last change (so its head may be cached). */
function later(opened: OpenedSongFile): OpenedSongFile {
  return { ...opened, statAtMs: opened.statAtMs + 2 * SETTLE_MS };
}

/** Streams the whole file; returns each write and the song's data as the client decodes it. */
async function streamAll(
  file: string,
  cache: SongHeadCache,
  options: { settled?: boolean; gate?: ReadGate } = {},
): Promise<{ writes: Buffer[]; data: Buffer }> {
  const { output, writes } = recordingWritable();
  const opened = await openSongFile(file);
  try {
    const outcome = await streamSong({
      output,
      file: options.settled === false ? opened : later(opened),
      byteOffset: 0,
      pacer: null,
      packetsPerBatch: 2,
      signal: new AbortController().signal,
      headCache: cache,
      headBytes: HEAD_BYTES,
      readGate: options.gate,
    });
    expect(outcome).toBe('ended');
  } finally {
    await opened.handle.close();
  }
  const packets = new FrameParser(1 << 20).push(Buffer.concat(writes));
  const data = Buffer.concat(packets.flatMap((packet) => packet.fields.slice(1, 2)));
  return { writes, data };
}

async function versionOf(file: string): Promise<FileVersion> {
  const { dev, ino, size, mtimeNs, ctimeNs } = await stat(file, { bigint: true });
  return { dev, ino, size, mtimeNs, ctimeNs };
}

describe('song head cache', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });
  const tempFolder = async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-heads-'));
    return folder;
  };

  it('starts the next listener of a song from its cached head: same bytes on the wire, fewer reads', async () => {
    const file = path.join(await tempFolder(), 'song.mp3');
    const song = songBytes(100_000, 1);
    await writeFile(file, song);
    const cache = new SongHeadCache();
    const firstGate = new CountingGate(4);
    const first = await streamAll(file, cache, { gate: firstGate });
    expect(first.data.equals(song)).toBe(true);
    expect(cache.size).toBe(1);

    const nextGate = new CountingGate(4);
    const next = await streamAll(file, cache, { gate: nextGate });
    expect(Buffer.concat(next.writes).equals(Buffer.concat(first.writes))).toBe(true);
    // The head (at least HEAD_BYTES of the song) went out first, before any read, in fewer
    // writes than the first stream's batches (headWrites.ts): each within HEAD_WRITE_BYTES and
    // made of whole packets, as a seed-era client needs (PROTOCOL §13).
    const headWrites = cache.get(await versionOf(file))?.pieces ?? [];
    expect(headWrites.length).toBeGreaterThan(0);
    expect(next.writes.slice(0, headWrites.length)).toEqual(headWrites);
    const headLength = Buffer.concat(headWrites).length;
    let firstHeadWrites = 0;
    for (let sent = 0; sent < headLength; firstHeadWrites++)
      sent += first.writes[firstHeadWrites].length;
    expect(headWrites.length).toBeLessThan(firstHeadWrites);
    for (const write of headWrites) {
      expect(write.length).toBeLessThanOrEqual(HEAD_WRITE_BYTES);
      const parser = new FrameParser(1 << 20);
      expect(parser.push(write).length).toBeGreaterThan(0);
      expect(parser.bufferedBytes).toBe(0);
    }
    const headPackets = new FrameParser(1 << 20).push(Buffer.concat(headWrites)).length;
    expect(headPackets).toBeGreaterThan(HEAD_BYTES / 4072);
    expect(nextGate.runs).toBeLessThan(firstGate.runs);
  });

  it('reads a file again once it changed, even at the same size and modification time', async () => {
    const file = path.join(await tempFolder(), 'song.mp3');
    // A whole second, so that it can be put back exactly.
    const mtime = 1_700_000_000;
    await writeFile(file, songBytes(60_000, 1));
    await utimes(file, mtime, mtime);
    const cache = new SongHeadCache();
    await streamAll(file, cache);
    expect(cache.size).toBe(1);
    const before = await versionOf(file);
    await sleep(TICK_MS);
    // Rewritten in place, and its modification time put back: only the change time tells.
    const rewritten = songBytes(60_000, 2);
    await writeFile(file, rewritten);
    await utimes(file, mtime, mtime);
    const after = await versionOf(file);
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    const again = await streamAll(file, cache);
    expect(again.data.equals(rewritten)).toBe(true);
  });

  it('reads a file again once it grew', async () => {
    const file = path.join(await tempFolder(), 'song.mp3');
    await writeFile(file, songBytes(60_000, 1));
    const cache = new SongHeadCache();
    await streamAll(file, cache);
    const grown = songBytes(70_000, 3);
    await writeFile(file, grown);
    expect((await streamAll(file, cache)).data.equals(grown)).toBe(true);
  });

  it('keeps nothing of a file that changed just before it was looked at', async () => {
    const file = path.join(await tempFolder(), 'song.mp3');
    await writeFile(file, songBytes(60_000, 1));
    const cache = new SongHeadCache();
    const { data } = await streamAll(file, cache, { settled: false });
    expect(data.length).toBe(60_000);
    expect(cache.size).toBe(0);
    expect(versionSettled(await versionOf(file), Date.now())).toBe(false);
    expect(versionSettled(await versionOf(file), Date.now() + 2 * SETTLE_MS)).toBe(true);
  });

  it('stays within its bytes, dropping the least recently used song first', async () => {
    const dir = await tempFolder();
    const files = ['a', 'b', 'c'].map((name) => path.join(dir, `${name}.mp3`));
    for (const [i, file] of files.entries()) await writeFile(file, songBytes(1000, i));
    const versions = await Promise.all(files.map(versionOf));
    const head = { pieces: [Buffer.alloc(1000)], coveredBytes: 900 };
    const settledAt = Date.now() + 2 * SETTLE_MS;
    // Room for two heads and their bookkeeping, not three.
    const cache = new SongHeadCache(2600);
    expect(cache.put(versions[0], settledAt, head)).toBe(true);
    expect(cache.put(versions[1], settledAt, head)).toBe(true);
    expect(cache.get(versions[0])).not.toBeNull(); // a is now used more recently than b
    expect(cache.put(versions[2], settledAt, head)).toBe(true);
    expect(cache.heldBytes).toBeLessThanOrEqual(2600);
    expect(cache.get(versions[1])).toBeNull();
    expect(cache.get(versions[0])).not.toBeNull();
    expect(cache.get(versions[2])).not.toBeNull();
    // A head bigger than the whole cache is not kept, and takes nothing out.
    expect(
      cache.put(versions[1], settledAt, { pieces: [Buffer.alloc(5000)], coveredBytes: 1 }),
    ).toBe(false);
    expect(cache.size).toBe(2);
  });

  it('lets one stream at a time gather a head, until it is done, gives up or times out', async () => {
    const file = path.join(await tempFolder(), 'song.mp3');
    await writeFile(file, songBytes(1000, 1));
    const opened = { version: await versionOf(file), statAtMs: Date.now() + 2 * SETTLE_MS };
    const cache = new SongHeadCache();
    const packets = Buffer.alloc(600, 7);
    let clock = 0;
    const keeper = (at: number) => new HeadKeeper(cache, opened, 500, () => (clock = at));

    const first = keeper(0);
    const second = keeper(10);
    second.add(packets, 550); // not its to keep: the first holds the claim
    expect(cache.get(opened.version)).toBeNull();
    first.close(); // gave up (its stream was cancelled) before the head was complete
    const third = keeper(20);
    const fourth = keeper(20 + FILL_TIMEOUT_MS); // the third stalled: this one takes over
    expect(cache.fills).toBe(1);
    fourth.add(packets, 300); // not yet the whole head
    expect(cache.fills).toBe(1);
    fourth.add(packets, 600);
    // Kept as one write: both pieces fit HEAD_WRITE_BYTES (headWrites.ts).
    expect(cache.get(opened.version)?.pieces.map((piece) => piece.length)).toEqual([1200]);
    expect(cache.fills).toBe(0);
    third.close(); // its claim was taken over: nothing of the fourth's is undone
    expect(cache.get(opened.version)).not.toBeNull();
    expect(clock).toBe(20 + FILL_TIMEOUT_MS);
  });
});
