import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientSession, PlayRefusedError } from '../../src/client';
import { createLibraryServer, type LibraryServer } from '../../src/server';
import { SongCollector } from './songCollector';

const MUSIC = path.resolve(import.meta.dirname, '../../music');

async function startServer(folder: string, pacing: false | object = false) {
  const server = await createLibraryServer({ folder, port: 0, pacing });
  const { port } = await server.listen();
  return { server, port };
}

describe('ClientSession against the library server', () => {
  let server: LibraryServer;
  let port: number;
  let songBytes: Buffer[];
  const sessions: ClientSession[] = [];

  const connect = async (options: { songHighWaterMark?: number } = {}) => {
    const session = await ClientSession.connect({ host: '127.0.0.1', port, ...options });
    sessions.push(session);
    return session;
  };
  /** Plays a song to its end marker and returns its bytes. */
  const playWhole = async (session: ClientSession, id: number) => {
    const song = new SongCollector(session.play(id));
    const outcome = await song.stream.outcome();
    expect(outcome.reason).toBe('complete');
    return song.bytes;
  };

  beforeAll(async () => {
    ({ server, port } = await startServer(MUSIC));
    songBytes = await Promise.all(server.library.songs.map((s) => readFile(s.absolutePath)));
  });

  afterEach(() => {
    for (const session of sessions.splice(0)) session.close();
  });

  afterAll(async () => {
    await server.close();
  });

  it('lists the songs with their metadata', async () => {
    const session = await connect();
    const list = await session.list();
    expect(list.hasMetadata).toBe(true);
    expect(session.hasMetadata).toBe(true);
    expect(list.songs).toEqual(
      server.library.songs.map((song) => ({
        id: song.id,
        title: song.title,
        artist: song.artist,
        album: song.album,
        durationSeconds: song.durationSeconds,
        hasCover: song.hasCover,
        // The newer members of PROTOCOL §5, under the app's names.
        format: song.format,
        bitrate: song.bitrate,
        sampleRate: song.extras?.sampleRate,
        channels: song.extras?.channels,
        track: song.extras?.trackNumber,
        disc: song.extras?.discNumber,
        year: song.extras?.year,
        genre: song.extras?.genre,
        albumArtist: song.extras?.albumArtist,
        coverHash: song.cover?.hash ?? null,
      })),
    );
    expect(list.songs.length).toBeGreaterThanOrEqual(3);
  });

  it('plays every bundled song byte for byte, one after another', async () => {
    const session = await connect();
    for (const [id, bytes] of songBytes.entries()) {
      expect((await playWhole(session, id)).equals(bytes)).toBe(true);
    }
  });

  it('starts a song part-way: the bytes are the end of the file', async () => {
    const session = await connect();
    const song = new SongCollector(session.play(1, { startSeconds: 10 }));
    expect((await song.stream.outcome()).reason).toBe('complete');
    const file = songBytes[1];
    expect(song.bytes.length).toBeGreaterThan(0);
    expect(song.bytes.length).toBeLessThan(file.length * 0.8);
    expect(file.subarray(file.length - song.bytes.length).equals(song.bytes)).toBe(true);
  });

  it('stops mid-song, then plays another exactly', async () => {
    const session = await connect();
    const first = new SongCollector(session.play(0));
    await first.reached(50_000);
    const stopped = new Promise((resolve) => first.stream.once('stopped', resolve));
    const stop = session.stop();
    const second = session.play(2); // no wait for the stop reply
    await stop;
    await stopped;
    expect(first.stream.endReason).toBe('stopped');
    const collected = new SongCollector(second);
    expect((await second.outcome()).reason).toBe('complete');
    expect(collected.bytes.equals(songBytes[2])).toBe(true);
  });

  it('switches songs while one plays: nothing of the first reaches the second', async () => {
    const session = await connect();
    const first = new SongCollector(session.play(0));
    await first.reached(50_000);
    const second = new SongCollector(session.play(1));
    expect(first.stream.endReason).toBe('stopped');
    expect((await second.stream.outcome()).reason).toBe('complete');
    expect(second.bytes.equals(songBytes[1])).toBe(true);
    // Rapid switching: only the last play delivers anything.
    const skipped = [session.play(0), session.play(1)].map((s) => new SongCollector(s));
    expect((await playWhole(session, 2)).equals(songBytes[2])).toBe(true);
    expect(skipped.map((s) => s.stream.endReason)).toEqual(['stopped', 'stopped']);
    expect(skipped.every((s) => s.bytes.length === 0)).toBe(true);
  });

  it('stops the song at the server when its reader destroys the stream', async () => {
    const session = await connect();
    const first = new SongCollector(session.play(0));
    await first.reached(20_000);
    const outcome = first.stream.outcome();
    first.stream.destroy(new Error('disk full'));
    expect(await outcome).toMatchObject({ reason: 'error', error: { message: 'disk full' } });
    // The stop already went out, so this play needs none and still gets only its own bytes.
    expect((await playWhole(session, 1)).equals(songBytes[1])).toBe(true);
  });

  it('reports an unknown song id, and the connection stays usable', async () => {
    const session = await connect();
    const outcome = await session.play(99).outcome();
    expect(outcome.reason).toBe('error');
    expect(outcome.error).toBeInstanceOf(PlayRefusedError);
    expect(outcome.error?.message).toBe('Server refused play 99: unknown song id 99');
    expect((await playWhole(session, 0)).equals(songBytes[0])).toBe(true);
  });

  it('answers list while a song waits for its reader', async () => {
    const session = await connect({ songHighWaterMark: 16 * 1024 });
    const stream = session.play(0); // nobody reads it yet
    await vi.waitFor(() => expect(session.readingPaused).toBe(true), { timeout: 5000 });
    expect((await session.list()).songs.length).toBe(songBytes.length);
    const song = new SongCollector(stream);
    expect((await stream.outcome()).reason).toBe('complete');
    expect(song.bytes.equals(songBytes[0])).toBe(true);
  });

  it('gets its quit acknowledged, even mid-song', async () => {
    const session = await connect();
    const closed = new Promise((resolve) => session.once('close', resolve));
    const song = new SongCollector(session.play(0));
    await song.reached(10_000);
    expect(await session.quit()).toEqual({ acknowledged: true });
    expect(await closed).toEqual({ reason: 'Quit acknowledged by the server', expected: true });
    expect(song.stream.endReason).toBe('stopped');
    await expect(session.list()).rejects.toThrow('Quit acknowledged by the server');
  });
});

describe('ClientSession flow control and failures', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-client-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('stops reading while its reader is full, so the server waits; the song stays exact', async () => {
    // A song larger than the kernel's socket buffers, so the server must feel the backpressure.
    const one = await readFile(path.join(MUSIC, '01 - Harbor Lights.mp3'));
    const big = Buffer.concat(Array.from({ length: 12 }, () => one));
    await writeFile(path.join(folder, 'big.mp3'), big);
    const { server, port } = await startServer(folder);
    const session = await ClientSession.connect({
      host: '127.0.0.1',
      port,
      songHighWaterMark: 64 * 1024,
    });
    try {
      const stream = session.play(0);
      await vi.waitFor(() => expect(server.stats().queuedBytes).toBeGreaterThan(0), {
        timeout: 10_000,
      });
      expect(session.readingPaused).toBe(true);
      // At most the high-water mark plus one socket read of 64 KiB arrived.
      expect(stream.bytesReceived).toBeLessThanOrEqual(64 * 1024 + 64 * 1024 + 4096);
      const song = new SongCollector(stream);
      expect((await stream.outcome()).reason).toBe('complete');
      expect(song.bytes.equals(big)).toBe(true);
    } finally {
      session.close();
      await server.close();
    }
  });

  it('reports a server gone mid-song on the stream and the session', async () => {
    const { server, port } = await startServer(MUSIC, {}); // paced, so the song is still going
    const session = await ClientSession.connect({ host: '127.0.0.1', port });
    const closed = new Promise((resolve) => session.once('close', resolve));
    const song = new SongCollector(session.play(0));
    await song.reached(20_000);
    // Ask for the outcome before the close: it handles the stream's 'error', which on a busy
    // machine can be emitted before server.close() resolves.
    const outcomePromise = song.stream.outcome();
    await server.close();
    const outcome = await outcomePromise;
    expect(outcome.reason).toBe('error');
    expect(outcome.error?.message).toMatch(
      /^(Server closed the connection|Connection reset by server)$/,
    );
    expect(await closed).toEqual({ reason: outcome.error?.message, expected: false });
  });
});
