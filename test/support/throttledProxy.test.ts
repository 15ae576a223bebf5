import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startThrottledProxy, type ThrottledProxy } from './throttledProxy';
import { waitFor } from './serverHarness';

/** A target that sends `payload` to each client, then ends; and collects what clients send. */
async function startTarget(payload: Buffer) {
  const received: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => {});
    socket.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    sockets,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readAll(socket: Socket): Promise<Buffer> {
  const parts: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => parts.push(chunk));
  await once(socket, 'end');
  return Buffer.concat(parts);
}

describe('throttled proxy', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(payload: Buffer, bitsPerSecond = 2_000_000, delayMs = 50) {
    const target = await startTarget(payload);
    cleanups.push(target.close);
    const proxy: ThrottledProxy = await startThrottledProxy({
      targetPort: target.port,
      bitsPerSecond,
      delayMs,
    });
    cleanups.push(proxy.close);
    return { target, proxy };
  }

  it('delivers the bytes intact and no faster than the bandwidth', async () => {
    const payload = randomBytes(250_000);
    const { proxy } = await setUp(payload);
    const started = performance.now();
    const client = connect(proxy.port, '127.0.0.1');
    const received = await readAll(client);
    const elapsed = performance.now() - started;
    client.destroy();
    expect(received.equals(payload)).toBe(true);
    // 250 kB at 2 Mbit/s is 1 s of serialization, plus the delay: a check of the limiter.
    expect(elapsed).toBeGreaterThanOrEqual(800);
  });

  it('carries the client-to-target direction too, delayed', async () => {
    const { target, proxy } = await setUp(Buffer.alloc(0));
    const client = connect(proxy.port, '127.0.0.1');
    client.on('data', () => {});
    const started = performance.now();
    client.write('hello');
    await waitFor(() => Buffer.concat(target.received).toString() === 'hello');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    client.destroy();
  });

  it('loses nothing when the receiver pauses a while', async () => {
    const payload = randomBytes(2_000_000);
    const { proxy } = await setUp(payload, 64_000_000, 20);
    const client = connect(proxy.port, '127.0.0.1');
    client.pause();
    await once(client, 'connect');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const received = readAll(client);
    client.resume();
    expect((await received).equals(payload)).toBe(true);
    client.destroy();
  });

  it('close() drops open connections', async () => {
    const { proxy } = await setUp(randomBytes(1_000_000), 100_000);
    const client = connect(proxy.port, '127.0.0.1');
    client.on('error', () => {});
    await once(client, 'connect');
    const closed = once(client, 'close');
    await proxy.close();
    cleanups.pop();
    await closed;
  });
});
