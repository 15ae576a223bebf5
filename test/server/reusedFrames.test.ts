import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFramePool } from '../../src/server/songStreamer';
import { startTestServer, waitFor, type RunningServer } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';
import { bytesWithDelimiters, makeTempLibrary, type TempLibrary } from './tempLibrary';

const SONG_BYTES = 8 * 1024 * 1024;

// Frames are written from pooled buffers (framePool.ts): a buffer handed out again while a
// socket still needed it would show here as one song's bytes inside another's.
describe('streams sharing reused frame buffers', () => {
  let library: TempLibrary;
  let running: RunningServer;
  const songs = [0, 1, 2].map(() => bytesWithDelimiters(SONG_BYTES));

  beforeAll(async () => {
    library = await makeTempLibrary({ 'a.mp3': songs[0], 'b.mp3': songs[1], 'c.mp3': songs[2] });
    running = await startTestServer({ folder: library.folder, pacing: false });
  });
  afterAll(async () => {
    await running.server.close();
    await library.remove();
  });

  it('deliver every song byte for byte, with one reader stalling mid-song', async () => {
    const clients = await Promise.all(songs.map(() => RawClient.connect(running.port)));
    try {
      // The first reader takes nothing until the kernel's buffers are full and a frame waits in
      // the server's own queue; then the others stream, through the pool, while it waits.
      const stalled = clients[0].socket;
      stalled.pause();
      const first = clients[0].readSong(30_000);
      clients[0].send('play<NEXT;>0<NEXT;><END;>');
      await waitFor(() => running.server.stats().queuedBytes > 0, 20_000);
      const others = clients.slice(1).map((client, index) => {
        client.send(`play<NEXT;>${index + 1}<NEXT;><END;>`);
        return client.readSong(30_000);
      });
      const results = await Promise.all(others);
      stalled.resume();
      results.unshift(await first);
      results.forEach((bytes, id) => expect(bytes.equals(songs[id])).toBe(true));
      expect(processFramePool.spareCount).toBeGreaterThan(0);
    } finally {
      for (const client of clients) client.destroy();
    }
  });
});
