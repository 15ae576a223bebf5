import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InvokeChannel } from './invokeChannel';

let server: Server | null = null;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function serve(channel: InvokeChannel): Promise<number> {
  server = createServer((req, res) => channel.handle(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function post(port: number, body: unknown): Promise<{ status: number; reply: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/' }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString();
        resolve({ status: res.statusCode ?? 0, reply: text ? JSON.parse(text) : null });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the bridge invoke channel on a real socket', () => {
  it("starts calls in the page's order, whichever arrives first, with undefined kept", async () => {
    const seen: Array<[string, unknown[]]> = [];
    const port = await serve(
      new InvokeChannel(
        async (method, args) => {
          seen.push([method, args]);
          if (method === 'bad') throw new Error('no such song');
          return method === 'play' ? { streamId: 7 } : undefined;
        },
        (load) => load, // what the event channel says each load must have dispatched
      ),
    );
    const second = post(port, { load: 1, seq: 1, method: 'play', args: [{ v: { songId: 2 } }] });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([]); // held until the call made before it arrives
    const first = post(port, { load: 1, seq: 0, method: 'reportBuffer', args: [{ v: 1 }, {}] });
    expect(await first).toEqual({ status: 200, reply: { events: 1 } });
    expect(await second).toEqual({ status: 200, reply: { result: { streamId: 7 }, events: 1 } });
    expect(seen).toEqual([
      ['reportBuffer', [1, undefined]],
      ['play', [{ songId: 2 }]],
    ]);
    expect(seen[0][1]).toHaveLength(2);

    // A new load of the page counts from 0 again; its errors come back as messages.
    expect(await post(port, { load: 2, seq: 0, method: 'bad', args: [] })).toEqual({
      status: 200,
      reply: { error: 'no such song', events: 2 },
    });
    // A late call from the older load runs at once.
    expect(await post(port, { load: 1, seq: 5, method: 'stop', args: [] })).toEqual({
      status: 200,
      reply: { events: 1 },
    });
    expect(seen.map(([method]) => method)).toEqual(['reportBuffer', 'play', 'bad', 'stop']);
  });

  it('refuses what is not a JSON POST', async () => {
    const port = await serve(new InvokeChannel(async () => undefined));
    expect((await post(port, undefined)).status).toBe(400);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});
