import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AccessRefusedError, ClientSession } from '../../src/client';
import { accessMessages } from '../../src/protocol';
import { waitFor } from '../support/serverHarness';
import { CODE, askChallenge, respond, text, useAccessServers } from './accessServer';
import { RawClient } from '../support/rawClient';

const servers = useAccessServers();
const { start, raw, seedListRefused, onCleanup } = servers;

async function answerChallenge(client: RawClient, code: string): Promise<Buffer> {
  return respond(client, await askChallenge(client), code);
}

/** A relay on 127.0.0.1 that keeps every byte passed either way. */
async function recordingRelay(targetPort: number): Promise<{ port: number; bytes: Buffer[] }> {
  const bytes: Buffer[] = [];
  const sockets = new Set<Socket>();
  const relay: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        bytes.push(chunk);
        to.write(chunk);
      });
      from.on('close', () => to.destroy());
      from.on('error', () => {});
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => relay.close(resolve));
  });
  return { port: (relay.address() as AddressInfo).port, bytes };
}

describe('access code (PROTOCOL §15)', () => {
  it('serves a client that proves the right code, and logs the acceptance', async () => {
    const { port, logLines } = await start();
    const session = await ClientSession.connect({ host: '127.0.0.1', port, accessCode: CODE });
    onCleanup(() => session.close());
    const list = await session.list();
    expect(list.songs.length).toBe(servers.running.server.library.songs.length);
    expect(list.hasMetadata).toBe(true);
    expect(logLines.some((line) => line.endsWith('access code accepted'))).toBe(true);
  });

  it('refuses a wrong code with an error, serves nothing, and logs the refusal', async () => {
    const { port, logLines } = await start({ baseDelayMs: 50 });
    const attempt = ClientSession.connect({ host: '127.0.0.1', port, accessCode: 'guess' });
    await expect(attempt).rejects.toThrow(AccessRefusedError);
    await expect(attempt).rejects.toThrow('wrong access code');
    expect(logLines.some((line) => line.includes('refused: a wrong access code (1 from'))).toBe(
      true,
    );
  });

  it('reads and drops what a refused peer sends while it waits, over 64 KiB too, then says why', async () => {
    // Found by test/server/hostilePeerProperty.test.ts (seeds 4 and 5): the bytes were still
    // parsed, so a long line during the delay closed the connection without the error.
    const { port } = await start({ baseDelayMs: 100 });
    const client = await raw(port, '127.0.0.3');
    respond(client, await askChallenge(client), 'guess');
    client.send(Buffer.alloc(100_000, 'a'));
    expect(text(await client.nextPacket())).toEqual(['error', 'wrong access code']);
    await client.closed;
  });

  it('gives a seed-era client one error and nothing else', async () => {
    const { port, logLines } = await start();
    const seed = await seedListRefused(port);
    expect(seed.printed).toEqual([]);
    expect(seed.reads[0]).toMatchObject({ type: 'error' });
    expect(seed.reads.filter((read) => read.bytes > 0).map((read) => read.type)).toEqual(['error']);
    expect(logLines.some((line) => line.includes('refused: list before the access code'))).toBe(
      true,
    );
  });

  it('answers a play before the code with an error and no song byte', async () => {
    const { port } = await start();
    const client = await raw(port);
    client.send('play<NEXT;>0<NEXT;><END;>');
    const packet = await client.nextPacket();
    expect(text(packet)[0]).toBe('error');
    expect(text(packet)[1]).toMatch(/^access code required/);
    await client.closed;
    expect(client.playBytes).toBe(0);
  });

  it('tells a Tidewave client without a code why it was refused', async () => {
    const { port } = await start();
    const session = await ClientSession.connect({ host: '127.0.0.1', port });
    onCleanup(() => session.close());
    await expect(session.list()).rejects.toThrow(/access code required/);
  });

  it('refuses a response replayed on another connection, whose nonce differs', async () => {
    const { port } = await start({ baseDelayMs: 20 });
    const first = await raw(port);
    const recorded = await answerChallenge(first, CODE);
    expect(text(await first.nextPacket())).toEqual(['auth', 'ok']);

    const replayer = await raw(port);
    replayer.send(accessMessages.request());
    expect(text(await replayer.nextPacket())[1]).toBe('challenge');
    replayer.send(recorded);
    replayer.send('list<NEXT;><END;>');
    expect(text(await replayer.nextPacket())).toEqual(['error', 'wrong access code']);
    await replayer.closed;

    const blind = await raw(port); // the response without asking for a challenge at all
    blind.send(recorded);
    expect(text(await blind.nextPacket())).toEqual(['error', 'wrong access code']);
    await blind.closed;
  });

  it('delays wrong codes more each time and caps them per address, even in parallel', async () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 300, maxFailuresPerWindow: 3 };
    const { port, logLines } = await start(policy);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const client = await raw(port);
      await answerChallenge(client, `wrong-${attempt}`);
      const sent = performance.now();
      expect(text(await client.nextPacket())).toEqual(['error', 'wrong access code']);
      waits.push(performance.now() - sent);
      await client.closed;
    }
    expect(waits[0]).toBeGreaterThanOrEqual(95);
    expect(waits[1]).toBeGreaterThanOrEqual(195);
    // Two connections answer at once: only one more check is left in the window.
    const parallel = await Promise.all([raw(port), raw(port)]);
    const nonces = await Promise.all(parallel.map(askChallenge));
    parallel.forEach((client, index) => respond(client, nonces[index], 'wrong-again'));
    const errors = await Promise.all(parallel.map(async (c) => text(await c.nextPacket())[1]));
    expect(errors.sort()).toEqual([
      expect.stringMatching(/^too many wrong access codes from your address; try again in \d+ s$/),
      'wrong access code',
    ]);
    // Locked out: even the right code is not checked, and no challenge is given.
    const locked = await raw(port);
    locked.send(accessMessages.request());
    expect(text(await locked.nextPacket())[1]).toMatch(/^too many wrong access codes/);
    await locked.closed;
    await expect(
      ClientSession.connect({ host: '127.0.0.1', port, accessCode: CODE }),
    ).rejects.toThrow(/too many wrong access codes/);
    // Another address keeps its own budget.
    const other = await raw(port, '127.0.0.2');
    await answerChallenge(other, CODE);
    expect(text(await other.nextPacket())).toEqual(['auth', 'ok']);
    other.send('list<NEXT;><END;>');
    expect(text(await other.nextPacket())[0]).toBe('list');
    expect(logLines.filter((line) => line.includes('refused: too many wrong')).length).toBe(3);
  });

  it('never puts the code on the wire or in the log', async () => {
    const { port, logLines } = await start({ baseDelayMs: 10 });
    const relay = await recordingRelay(port);
    const session = await ClientSession.connect({
      host: '127.0.0.1',
      port: relay.port,
      accessCode: CODE,
    });
    await session.list();
    await session.quit();
    await expect(
      ClientSession.connect({ host: '127.0.0.1', port: relay.port, accessCode: `${CODE}x` }),
    ).rejects.toThrow('wrong access code');
    await waitFor(() => logLines.filter((line) => line.endsWith('disconnected')).length === 2);
    const wire = Buffer.concat(relay.bytes);
    expect(wire.includes('auth<NEXT;>response<NEXT;>')).toBe(true); // the relay saw the proofs
    for (const form of [
      CODE,
      Buffer.from(CODE).toString('hex'),
      Buffer.from(CODE).toString('base64'),
    ]) {
      expect(wire.includes(form)).toBe(false);
      expect(logLines.join('\n')).not.toContain(form);
    }
  });
});

describe('access code extension with servers that need no code', () => {
  it('passes through a server without a code, which answers auth with ok', async () => {
    const { port } = await servers.startWith();
    const session = await ClientSession.connect({
      host: '127.0.0.1',
      port,
      accessCode: CODE,
    });
    onCleanup(() => session.close());
    expect((await session.list()).songs.length).toBeGreaterThan(0);
  });
});
