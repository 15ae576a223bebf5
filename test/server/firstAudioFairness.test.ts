import { randomBytes } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SongEntry } from '../../src/library';
import { FIRST_AUDIO_SECONDS, HOLD_HORIZON_MS, READ_AHEAD_MS } from '../../src/server/readOrder';
import { processReadGate, processSongHeads } from '../../src/server/songStreamer';
import { MAX_BATCH_BYTES, songBytesPerSecond } from '../../src/server/streamPacer';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import { BUNDLED_MUSIC, useTestServers, waitFor } from '../support/serverHarness';
import { slowDisk } from '../support/slowDisk';

const CLIENTS = 30;
/** Wire bytes per song byte: a 4,096-byte play packet carries 4,072 of the song. */
const FRAMING = 4096 / 4072;

/** Wire bytes of `seconds` of `song` (random bytes have no duration: the fallback rate). */
function wireBytes(song: SongEntry, seconds: number): number {
  return seconds * songBytesPerSecond(song.sizeBytes, song.durationSeconds) * FRAMING;
}

/**
 * Most a stream may hold while another still waits for its first audio: its first audio, the
 * read-ahead and the horizon, plus one batch under way, and one more: the last claim's release
 * starts the held reads at once, and one round of them can land before this test reads the last
 * first audio.
 */
function marginBytes(song: SongEntry): number {
  const seconds = FIRST_AUDIO_SECONDS + (READ_AHEAD_MS + HOLD_HORIZON_MS) / 1000;
  return wireBytes(song, seconds) + 2 * MAX_BATCH_BYTES + 4096;
}

const play = (songId: number) => `play<NEXT;>${songId}<NEXT;><END;>`;

interface Listener {
  socket: Socket;
  song: SongEntry;
  bytes: number;
  hasFirstAudio: boolean;
  onFirstAudio: () => void;
}

async function connectListeners(port: number, songs: readonly SongEntry[]): Promise<Listener[]> {
  const listeners: Listener[] = [];
  for (const song of songs) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => {});
    const listener: Listener = {
      socket,
      song,
      bytes: 0,
      hasFirstAudio: false,
      onFirstAudio: () => {},
    };
    // Play data a client holds once its player could start (framing included).
    const firstAudio = wireBytes(song, FIRST_AUDIO_SECONDS);
    socket.on('data', (chunk: Buffer) => {
      listener.bytes += chunk.length;
      if (listener.hasFirstAudio || listener.bytes < firstAudio) return;
      listener.hasFirstAudio = true;
      listener.onFirstAudio();
    });
    listeners.push(listener);
    await new Promise((resolve) => socket.once('connect', resolve));
  }
  return listeners;
}

/** Plays `song` until the server's cache holds its head: later listeners start from it. */
async function cacheHead(port: number, song: SongEntry): Promise<void> {
  const { dev, ino, size, mtimeNs, ctimeNs } = await stat(song.realPath, { bigint: true });
  const [listener] = await connectListeners(port, [song]);
  listener.socket.write(play(song.id));
  await waitFor(() => processSongHeads.get({ dev, ino, size, mtimeNs, ctimeNs }) !== null);
  listener.socket.destroy();
}

describe('many listeners asking at once (issue 12 item 4)', () => {
  let dir: string;
  const servers = useTestServers();
  // The server's clock stands still (the read gate, the pacers and the start claims all read
  // performance.now()): a start claim then never expires, so the order is promised for as long as
  // the test runs, and a playing stream's need does not grow with a busy machine's late timers.
  // What each stream may have is then the order's own margin, in bytes, with no time in it.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  beforeAll(async () => {
    dir = await makeTempDir();
    // At the fallback rate, 40 kB/s: two minutes.
    await writeFile(path.join(dir, '0 song.mp3'), randomBytes(4_800_000));
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  async function start(pacing: { burstSeconds: number; maxLeadSeconds: number }, count: number) {
    const server = await servers.start({ folder: dir, pacing });
    const song = server.server.library.songs[0];
    const group = await connectListeners(server.port, Array<SongEntry>(count).fill(song));
    servers.onCleanup(() => group.forEach((listener) => listener.socket.destroy()));
    await waitFor(() => server.server.stats().connectionCount === group.length);
    return group;
  }

  it('gives every stream its first audio before any gets much more than its own', async () => {
    // Thirty listeners in the same instant, of three songs: one whose head the cache holds (their
    // first audio needs no read), one read from the disk, and one listener whose disk answers
    // only when the test lets it. Until that last one has its first audio, nobody may read far
    // ahead: the order's margin, in bytes, on a clock that stands still.
    const { server, port } = await servers.start({
      folder: BUNDLED_MUSIC,
      pacing: { burstSeconds: 8, maxLeadSeconds: 10 },
    });
    const [cached, fromDisk, slow] = server.library.songs;
    await cacheHead(port, cached);
    const disk = await slowDisk(slow.realPath);
    servers.onCleanup(() => {
      disk.release(); // a read still held would keep its stream, and the server, from closing
      disk.restore();
    });
    const songs = Array.from({ length: CLIENTS - 1 }, (_, i) => (i % 3 === 2 ? fromDisk : cached));
    const group = await connectListeners(port, [slow, ...songs]);
    servers.onCleanup(() => group.forEach((listener) => listener.socket.destroy()));
    await waitFor(() => server.stats().connectionCount === group.length);
    const [waiting, ...others] = group;
    let atLastStart: number[] | null = null;
    waiting.onFirstAudio = () => (atLastStart = group.map((listener) => listener.bytes));
    for (const listener of group) listener.socket.write(play(listener.song.id));
    // The slow disk answers once every other stream has its first audio and is held at the
    // gate (or, when the order is broken, once one has gone past its margin): by bytes and
    // the gate's queue, not by time.
    const margin = (listener: Listener) => marginBytes(listener.song);
    await waitFor(
      () =>
        others.some((listener) => listener.bytes > margin(listener)) ||
        (others.every((listener) => listener.hasFirstAudio) &&
          disk.heldReads > 0 &&
          processReadGate.queued === others.length),
      20_000,
    );
    disk.release();
    await waitFor(() => atLastStart !== null, 20_000);
    const bytes = atLastStart as unknown as number[];
    const most = (song: SongEntry) =>
      Math.round(Math.max(...bytes.filter((_, i) => group[i].song === song)) / 1024);
    console.log(
      `at the last first audio, most held: ${most(cached)} KB (cached head), ${most(fromDisk)} KB (disk), ${most(slow)} KB (slow disk)`,
    );
    group.forEach((listener, i) => expect(bytes[i]).toBeLessThanOrEqual(margin(listener)));
  }, 30_000);

  it('does the same for thirty listeners of one song, each read in full 16 KiB batches', async () => {
    // A long burst, so that serving bursts first would show plainly. At 40 kB/s a batch is a
    // full 16 KiB (the bundled songs' are 8 KiB): larger batches would show here. Thirty of one
    // song alone do not show the order: their first reads all queue before any burst read, so
    // a plain queue passes this one too.
    const group = await start({ burstSeconds: 8, maxLeadSeconds: 10 }, CLIENTS);
    let atLastStart: number[] | null = null;
    for (const listener of group) {
      listener.onFirstAudio = () => {
        if (group.some((other) => !other.hasFirstAudio)) return;
        atLastStart = group.map((other) => other.bytes);
      };
      listener.socket.write(play(0));
    }
    await waitFor(() => atLastStart !== null, 20_000);
    // With bursts first, each would have had 8 s (330 KB) by now.
    const bytes = atLastStart as unknown as number[];
    group.forEach((listener, i) =>
      expect(bytes[i]).toBeLessThanOrEqual(marginBytes(listener.song)),
    );
  }, 30_000);

  it('holds the bursts of streams already playing while newcomers wait for their first audio', async () => {
    // A burst of a minute: the early streams are still in it when the newcomers ask.
    const all = await start({ burstSeconds: 60, maxLeadSeconds: 60 }, 10 + CLIENTS);
    const early = all.slice(0, 10);
    const late = all.slice(10);
    for (const listener of early) listener.socket.write(play(0));
    await waitFor(() => early.every((listener) => listener.bytes >= 4 * MAX_BATCH_BYTES), 10_000);
    const atAsk = early.map((listener) => listener.bytes);
    let atLastStart: number[] | null = null;
    for (const listener of late) {
      listener.onFirstAudio = () => {
        if (late.some((other) => !other.hasFirstAudio)) return;
        atLastStart = early.map((other) => other.bytes);
      };
      listener.socket.write(play(0));
    }
    await waitFor(() => atLastStart !== null, 20_000);
    const gained = (atLastStart as unknown as number[]).map((bytes, i) => bytes - atAsk[i]);
    console.log(`early streams gained ${gained.map((b) => Math.round(b / 1024)).join(' ')} KB`);
    // What was under way when the newcomers asked (a batch or two each), not their bursts.
    for (const bytes of gained) expect(bytes).toBeLessThanOrEqual(4 * MAX_BATCH_BYTES);
  }, 30_000);
});
