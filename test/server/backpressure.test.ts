import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PLAY_PACKET_BYTES } from '../../src/protocol';
import { retainedBytes } from '../support/retainedMemory';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';
import { makeTempLibrary, type TempLibrary } from './tempLibrary';

const FILE_BYTES = 20 * 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

describe('a client that stops reading', () => {
  let library: TempLibrary;
  let running: RunningServer;

  beforeAll(async () => {
    library = await makeTempLibrary({});
    // Random bytes named .mp3: the library lists it with a warning, and the server streams it.
    const file = await open(path.join(library.folder, 'big.mp3'), 'w');
    for (let written = 0; written < FILE_BYTES; written += 1024 * 1024) {
      await file.write(randomBytes(1024 * 1024));
    }
    await file.close();
    running = await startTestServer({ folder: library.folder, pacing: false });
  });
  afterAll(async () => {
    await running.server.close();
    await library.remove();
  });

  it('keeps the server memory bounded while it waits, then resumes intact', async () => {
    const retainedBefore = await retainedBytes();
    const rssBefore = process.memoryUsage().rss;
    const client = await RawClient.connect(running.port);
    try {
      client.send('play<NEXT;>0<NEXT;><END;>');
      await client.nextPacket();
      client.socket.pause();
      // Let the kernel's socket buffers fill (on loopback they take megabytes), then watch.
      // On a busy machine that takes longer: wait until nothing more is sent (bounded).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      for (let tries = 0, sent = -1; tries < 30; tries++) {
        if (running.server.stats().bytesSent === sent) break;
        sent = running.server.stats().bytesSent;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const stalled = { rss: process.memoryUsage().rss, sent: running.server.stats().bytesSent };
      let maxQueued = 0;
      for (let waited = 0; waited < 2_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        maxQueued = Math.max(maxQueued, running.server.stats().queuedBytes);
      }
      const { rss } = process.memoryUsage();
      const retainedGrowth = (await retainedBytes()) - retainedBefore;
      const kernelHeld = stalled.sent - client.socket.bytesRead;
      console.log(
        `paused reader: ${mb(kernelHeld)} in kernel buffers, rss +${mb(rss - rssBefore)} ` +
          `(+${mb(rss - stalled.rss)} while stalled), retained +${mb(retainedGrowth)}`,
      );
      // The socket's userland queue stays within 64 KiB plus one packet, whatever the kernel holds.
      expect(running.server.stats().peakQueuedBytes).toBeLessThanOrEqual(
        64 * 1024 + MAX_PLAY_PACKET_BYTES,
      );
      expect(maxQueued).toBeLessThanOrEqual(64 * 1024 + MAX_PLAY_PACKET_BYTES);
      // Once the kernel is full the server sends nothing and its memory stays put.
      expect(running.server.stats().bytesSent).toBe(stalled.sent);
      expect(rss - stalled.rss).toBeLessThan(2 * 1024 * 1024);
      // What the process keeps referenced (after a collection) does not grow with the song.
      expect(retainedGrowth).toBeLessThan(2 * 1024 * 1024);
      expect(stalled.sent).toBeLessThan(FILE_BYTES);

      client.socket.resume();
      const rest = await client.readSong(20_000);
      const file = await readFile(path.join(library.folder, 'big.mp3'));
      // The first packet was taken before pausing; the rest must be the file after it.
      expect(rest.equals(file.subarray(file.length - rest.length))).toBe(true);
      expect(file.length - rest.length).toBeLessThanOrEqual(4072);
    } finally {
      client.destroy();
    }
  });
});
