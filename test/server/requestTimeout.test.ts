import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { useTestServers, waitFor } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';
import { makeTempLibrary } from './tempLibrary';

const TIMEOUT_MS = 400;
const TIMED_OUT = 'sent no complete request within 0.4 s; closing';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the request timeout', () => {
  const servers = useTestServers();
  const connect = (): Promise<RawClient> => servers.raw();
  /** The server's line for a connection it timed out, named by the peer's port (while open). */
  function timedOutLine(client: RawClient): string {
    const port = client.socket.localPort;
    if (port === undefined) throw new Error('ask for the line while the connection is open');
    return `client 127.0.0.1:${port} ${TIMED_OUT}`;
  }

  async function expectTimedOut(client: RawClient): Promise<void> {
    // Ten timeouts: only a guard, for a test that would otherwise hang. Timers run late on a
    // busy machine, never early; what is claimed is that the deadline fires, and the order.
    const packet = await client.nextPacket(TIMEOUT_MS * 10);
    expect(packet.type).toBe('error');
    expect(packet.fields[1].toString()).toMatch(/^timed out: no complete request within/);
    await Promise.race([client.closed, sleep(TIMEOUT_MS * 10)]);
    expect(client.isClosed).toBe(true);
  }

  /**
   * One timeout on the server's own clock: a silent connection opened now is timed out. Every
   * deadline that began before it was due first (timers fire in the order they are due), so
   * once it is closed they have fired, however late the timers ran.
   */
  async function oneTimeout(): Promise<void> {
    await expectTimedOut(await connect());
  }

  it('closes a connection that sends nothing, and one that sends only empty packets', async () => {
    const running = await servers.start({ limits: { requestTimeoutMs: TIMEOUT_MS } });
    const silent = await connect();
    const junk = await connect();
    const [silentLine, junkLine] = [timedOutLine(silent), timedOutLine(junk)];
    const junkTimer = setInterval(() => junk.send('<END;>nonsense<NEXT;><END;>'), TIMEOUT_MS / 4);
    try {
      await oneTimeout();
      // Both began their wait before the witness did: both were timed out first.
      expect(running.logLines).toContain(silentLine);
      expect(running.logLines).toContain(junkLine);
      await expectTimedOut(silent);
      await expectTimedOut(junk);
    } finally {
      clearInterval(junkTimer);
    }
    await waitFor(() => running.server.connectionCount === 0);
  });

  it('closes a connection that trickles a request a byte at a time, however active', async () => {
    const running = await servers.start({ limits: { requestTimeoutMs: TIMEOUT_MS } });
    const client = await connect();
    const clientLine = timedOutLine(client);
    client.send(clientMessages.list());
    expect((await client.nextPacket()).type).toBe('list');
    // Well after its first request (a whole timeout, with no deadline for it), it starts another
    // and never ends it.
    await oneTimeout();
    expect(client.isClosed).toBe(false);
    const trickle = setInterval(() => client.send('l'), TIMEOUT_MS / 8);
    try {
      await waitFor(() => running.server.stats().heldRequestBytes > 0);
      // Its deadline began with that request's first byte, before the witness's: the bytes
      // that trickle in since do not push it back, so it was timed out first.
      await oneTimeout();
      expect(running.logLines).toContain(clientLine);
      await expectTimedOut(client);
    } finally {
      clearInterval(trickle);
    }
  });

  it('keeps a paused player: silent after its request, not reading, for many timeouts', async () => {
    // A song far larger than the kernel's socket buffers, sent unpaced: the stream stalls.
    const library = await makeTempLibrary({ 'big.mp3': randomBytes(10 * 1024 * 1024) });
    servers.onCleanup(() => library.remove());
    const running = await servers.start({
      folder: library.folder,
      limits: { requestTimeoutMs: TIMEOUT_MS },
      pacing: false,
    });
    const idle = await connect();
    idle.send(clientMessages.list());
    expect((await idle.nextPacket()).type).toBe('list');

    const player = await connect();
    const id = 0;
    player.send(clientMessages.play(id));
    const first = await player.nextPacket();
    player.socket.pause(); // paused mid-song: reads nothing, says nothing
    const playerPort = player.socket.localPort;
    /** What the server has handed the kernel for the player (its row names it by port). */
    const playerBytesSent = (): number => {
      const row = running.server.listeners.list().find((listener) => listener.port === playerPort);
      if (!row) throw new Error('the player is no longer listed');
      return row.bytesSent;
    };
    await oneTimeout();
    await oneTimeout();
    const stalledAt = playerBytesSent();
    for (let i = 0; i < 3; i++) await oneTimeout();
    expect(playerBytesSent()).toBe(stalledAt);
    expect(stalledAt).toBeLessThan(10 * 1024 * 1024); // really stalled, not finished
    expect(idle.isClosed).toBe(false);
    expect(player.isClosed).toBe(false);
    await waitFor(() => running.server.connectionCount === 2); // the witnesses are gone
    // The five witnesses were timed out, and no one else.
    expect(running.logLines.filter((line) => line.endsWith(TIMED_OUT))).toHaveLength(5);
    expect(running.logLines).not.toContain(timedOutLine(idle));
    expect(running.logLines).not.toContain(timedOutLine(player));

    player.socket.resume();
    const rest = await player.readSong(30_000);
    const file = await readFile(path.join(library.folder, 'big.mp3'));
    expect(Buffer.concat([first.fields[1], rest]).equals(file)).toBe(true);
    idle.send(clientMessages.stop());
    expect((await idle.nextPacket()).type).toBe('stop');
  });

  it('runs no deadline while the server itself has stopped reading the client', async () => {
    const running = await servers.start({
      limits: { requestTimeoutMs: TIMEOUT_MS },
      // Every line kept: the flood's own lines would otherwise use up its connection's budget,
      // and a timeout line after them would be dropped unseen.
      logBudget: { burstLines: Number.MAX_SAFE_INTEGER, linesPerSecond: 0 },
    });
    const flooder = await connect();
    flooder.socket.pause();
    // Far more replies than the kernel's buffers and the reply bound hold, and half a request.
    flooder.send(Buffer.concat([...Array<Buffer>(100_000).fill(clientMessages.list(true))]));
    flooder.send('pla');
    await waitFor(() => running.server.stats().readingPaused === 1, 10_000);
    for (let i = 0; i < 3; i++) await oneTimeout();
    await waitFor(() => running.server.connectionCount === 1); // the witnesses are gone
    expect(flooder.isClosed).toBe(false);
    expect(running.logLines.filter((line) => line.endsWith(TIMED_OUT))).toHaveLength(3);
    expect(running.logLines).not.toContain(timedOutLine(flooder));
  });
});
