import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { useTestServers, waitFor } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';

const REQUESTS = 200_000;
const REPLY_BOUND = 128 * 1024;

describe('a client that pipelines requests and never reads the replies', () => {
  const servers = useTestServers();

  it('stops being read once its replies pass the bound; a listener still gets its song', async () => {
    const running = await servers.start({ pacing: false });
    const server = running.server;
    const biggestReply = server.library.songs.length > 0 ? await listReplyBytes(running.port) : 0;

    const flooder = await servers.raw();
    flooder.socket.pause(); // reads nothing at all
    // Plain and metadata lists alternately: 200,000 requests in one write.
    const pair = Buffer.concat([clientMessages.list(), clientMessages.list(true)]);
    flooder.send(Buffer.concat(Array<Buffer>(REQUESTS / 2).fill(pair)));

    let maxQueued = 0;
    let maxHeld = 0;
    const sample = () => {
      const stats = server.stats();
      maxQueued = Math.max(maxQueued, stats.queuedBytes);
      maxHeld = Math.max(maxHeld, stats.heldRequestBytes);
    };
    const sampler = setInterval(sample, 20);
    try {
      // Once the kernel's buffers are full, the server stops reading the flooder's requests
      // (a server without the bound would queue far past it instead).
      await waitFor(
        () => server.stats().readingPaused === 1 || maxQueued > 8 * REPLY_BOUND,
        10_000,
      );

      const listener = await servers.raw();
      const id = server.library.songs.length - 1;
      listener.send(clientMessages.play(id));
      const song = await listener.readSong(15_000);
      expect(song.equals(await readFile(server.library.songs[id].absolutePath))).toBe(true);

      await new Promise((resolve) => setTimeout(resolve, 300));
      sample();
    } finally {
      clearInterval(sampler);
    }
    console.log(
      `flooder: at most ${maxQueued} reply bytes queued, ${maxHeld} request bytes held; ` +
        `${flooder.socket.writableLength} request bytes still unsent by the client`,
    );
    // Replies: the bound plus the one reply that crossed it.
    expect(maxQueued).toBeLessThanOrEqual(REPLY_BOUND + biggestReply);
    // The flooder is still held, not read, while its replies wait.
    expect(server.stats().readingPaused).toBe(1);
    // Requests: one socket read (at most 64 KiB) waiting in the server, the rest in the client.
    expect(maxHeld).toBeLessThanOrEqual(64 * 1024);
    expect(flooder.socket.writableLength).toBeGreaterThan(0);

    // Once it goes, everything it held goes with it.
    flooder.destroy();
    await waitFor(() => server.connectionCount === 1);
    expect(server.stats().queuedBytes).toBe(0);
  });
});

/** The size of the larger (metadata) list reply, as a client receives it. */
async function listReplyBytes(port: number): Promise<number> {
  const client = await RawClient.connect(port);
  try {
    client.send(clientMessages.list(true));
    const packet = await client.nextPacket();
    return packet.body.length + 6;
  } finally {
    client.destroy();
  }
}
