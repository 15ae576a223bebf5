import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { useTestServers, waitFor } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';
import { makeTempLibrary } from './tempLibrary';

const TIMEOUT_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the request timeout', () => {
  const servers = useTestServers();
  const connect = (): Promise<RawClient> => servers.raw();

  async function expectTimedOut(client: RawClient): Promise<void> {
    const packet = await client.nextPacket(TIMEOUT_MS * 10);
    expect(packet.type).toBe('error');
    expect(packet.fields[1].toString()).toMatch(/^timed out: no complete request within/);
    await Promise.race([client.closed, sleep(TIMEOUT_MS * 10)]);
    expect(client.isClosed).toBe(true);
  }

  it('closes a connection that sends nothing, and one that sends only empty packets', async () => {
    const running = await servers.start({ limits: { requestTimeoutMs: TIMEOUT_MS } });
    const silent = await connect();
    const junk = await connect();
    const junkTimer = setInterval(() => junk.send('<END;>nonsense<NEXT;><END;>'), TIMEOUT_MS / 4);
    try {
      await expectTimedOut(silent);
      await expectTimedOut(junk);
    } finally {
      clearInterval(junkTimer);
    }
    await waitFor(() => running.server.connectionCount === 0);
    expect(running.logLines.join('\n')).toMatch(/sent no complete request within 0\.4 s; closing/);
  });

  it('closes a connection that trickles a request a byte at a time, however active', async () => {
    await servers.start({ limits: { requestTimeoutMs: TIMEOUT_MS } });
    const client = await connect();
    client.send(clientMessages.list());
    expect((await client.nextPacket()).type).toBe('list');
    // Well after its first request, it starts another and never ends it.
    await sleep(TIMEOUT_MS * 2);
    const trickle = setInterval(() => client.send('l'), TIMEOUT_MS / 8);
    try {
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
    await sleep(TIMEOUT_MS * 2);
    const stalledAt = running.server.stats().bytesSent;
    await sleep(TIMEOUT_MS * 3);
    expect(running.server.stats().bytesSent).toBe(stalledAt);
    expect(stalledAt).toBeLessThan(10 * 1024 * 1024); // really stalled, not finished
    expect(idle.isClosed).toBe(false);
    expect(player.isClosed).toBe(false);
    expect(running.server.connectionCount).toBe(2);

    player.socket.resume();
    const rest = await player.readSong(30_000);
    const file = await readFile(path.join(library.folder, 'big.mp3'));
    expect(Buffer.concat([first.fields[1], rest]).equals(file)).toBe(true);
    idle.send(clientMessages.stop());
    expect((await idle.nextPacket()).type).toBe('stop');
  });

  it('runs no deadline while the server itself has stopped reading the client', async () => {
    const running = await servers.start({ limits: { requestTimeoutMs: TIMEOUT_MS } });
    const flooder = await connect();
    flooder.socket.pause();
    // Far more replies than the kernel's buffers and the reply bound hold, and half a request.
    flooder.send(Buffer.concat([...Array<Buffer>(100_000).fill(clientMessages.list(true))]));
    flooder.send('pla');
    await waitFor(() => running.server.stats().readingPaused === 1, 10_000);
    await sleep(TIMEOUT_MS * 3);
    expect(running.server.connectionCount).toBe(1);
    expect(running.logLines.join('\n')).not.toMatch(/sent no complete request/);
  });
});
