import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { MAX_DATA_BYTES } from '../../src/protocol';
import { startSeedServer, type SeedServer } from '../support/seedServer';
import { SongCollector } from './songCollector';

/** Song bytes holding delimiters inside chunks, across chunk boundaries and at a chunk start. */
function songFullOfDelimiters(): Buffer {
  const song = randomBytes(4 * MAX_DATA_BYTES + 777);
  const put = (text: string, at: number) => song.write(text, at, 'latin1');
  put('<NEXT;>', 10);
  put('<END;>', 500);
  put('<END;><END;>x<NEXT;>', 900);
  put('<END;>', MAX_DATA_BYTES - 3);
  put('<END;>', 2 * MAX_DATA_BYTES);
  put('<NEXT;>', 3 * MAX_DATA_BYTES - 7);
  put('<END;>', 4 * MAX_DATA_BYTES - 6);
  return song;
}

const songs = [
  { title: 'delimiters.mp3', bytes: songFullOfDelimiters() },
  { title: 'plain one.mp3', bytes: randomBytes(50_000) },
  { title: 'long.mp3', bytes: randomBytes(3_000_000) },
];

describe('ClientSession against a seed-era server', () => {
  let server: SeedServer;
  let session: ClientSession;

  beforeEach(async () => {
    server = await startSeedServer(songs);
    session = await ClientSession.connect({
      host: '127.0.0.1',
      port: server.port,
      requestTimeoutMs: 1000,
    });
  });

  afterEach(async () => {
    session.close();
    await server.close();
  });

  it('falls back to the plain list', async () => {
    const list = await session.list();
    expect(list.hasMetadata).toBe(false);
    expect(list.songs).toEqual(
      songs.map((song, id) => ({
        id,
        title: song.title,
        artist: null,
        album: null,
        durationSeconds: null,
        hasCover: false,
      })),
    );
  });

  it('recovers a song whose bytes hold delimiters exactly, then stops it', async () => {
    await session.list(); // tells the session the server is seed-era
    const song = new SongCollector(session.play(0, { startSeconds: 12 }));
    await song.reached(songs[0].bytes.length);
    await session.stop();
    expect(song.bytes.equals(songs[0].bytes)).toBe(true);
    expect(song.stream.endReason).toBe('stopped');
  });

  it('switches songs: nothing of the first reaches the second', async () => {
    await session.list();
    const first = new SongCollector(session.play(2));
    await first.reached(100_000);
    const second = new SongCollector(session.play(1));
    expect(first.stream.endReason).toBe('stopped');
    await second.reached(songs[1].bytes.length);
    expect(second.bytes.equals(songs[1].bytes)).toBe(true);
    // The seed acts on one request per read: the play went out on its own, after the stop reply.
    expect(server.requests).toEqual(['list', 'play 2', 'stop', 'play 1']);
    await session.stop();
  });

  it('switches the same way before it knows what the server is', async () => {
    const first = new SongCollector(session.play(2));
    await first.reached(10_000);
    // Song 1: until a list reply shows seed framing, a chunk starting with <END;> reads as an end.
    const second = new SongCollector(session.play(1));
    await second.reached(songs[1].bytes.length);
    expect(second.bytes.equals(songs[1].bytes)).toBe(true);
    expect(server.requests).toEqual(['play 2', 'stop', 'play 1']);
  });

  it('plays a song asked for right after a stop, without waiting for its reply', async () => {
    await session.list();
    const first = new SongCollector(session.play(2));
    await first.reached(10_000);
    const stopped = session.stop();
    const second = new SongCollector(session.play(1));
    await stopped;
    await second.reached(songs[1].bytes.length);
    expect(second.bytes.equals(songs[1].bytes)).toBe(true);
    expect(server.requests).toEqual(['list', 'play 2', 'stop', 'play 1']);
  });

  it('stops during a switch with the switch’s own stop, then plays on', async () => {
    await session.list();
    const first = new SongCollector(session.play(2));
    await first.reached(10_000);
    const switched = session.play(1);
    await session.stop(); // a second stop would share the first one's read and go unanswered
    expect((await switched.outcome()).reason).toBe('stopped');
    const next = new SongCollector(session.play(1));
    await next.reached(songs[1].bytes.length);
    expect(next.bytes.equals(songs[1].bytes)).toBe(true);
    expect(server.requests).toEqual(['list', 'play 2', 'stop', 'play 1']);
  });

  it('times out a play the seed server does not answer, and stays usable', async () => {
    const stream = session.play(99);
    const outcome = await stream.outcome();
    expect(outcome.reason).toBe('error');
    expect(outcome.error?.message).toBe('No reply to play 99 within 1000 ms');
    const next = new SongCollector(session.play(1));
    await next.reached(songs[1].bytes.length);
    expect(next.bytes.equals(songs[1].bytes)).toBe(true);
  });

  it('reports a server killed mid-song on the stream and the session', async () => {
    const song = new SongCollector(session.play(2));
    const closed = new Promise((resolve) => session.once('close', resolve));
    await song.reached(10_000);
    await server.kill();
    const outcome = await song.stream.outcome();
    expect(outcome.reason).toBe('error');
    expect(await closed).toEqual({ reason: 'Connection reset by server', expected: false });
    expect(outcome.error?.message).toBe('Connection reset by server');
  });

  it('gets its quit acknowledged', async () => {
    const song = new SongCollector(session.play(2));
    // Sent with the play, quit would share its read and be lost: the seed acts on the first only.
    await song.reached(1);
    expect(await session.quit()).toEqual({ acknowledged: true });
    expect(session.closed).toBe(true);
  });
});
