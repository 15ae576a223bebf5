import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DISCONNECTED_BY_HOST } from '../../src/server';
import { encodeProxyV2 } from '../../src/server/proxyProtocolV2';
import { useTestServers, waitFor } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';

// Fast enough that a bundled song streams in a few seconds, slow enough to be caught mid-song.
const QUICK_PACING = { burstSeconds: 1, rateFactor: 20, maxLeadSeconds: 1_000 };

describe("the server's listeners", () => {
  const servers = useTestServers();
  const connect = (host = '127.0.0.1', localAddress?: string): Promise<RawClient> =>
    servers.raw({ host, localAddress });

  it('lists each connection with its name, song, start and bytes; disconnecting one spares the other', async () => {
    const running = await servers.start({ pacing: QUICK_PACING });
    const { server } = running;
    const before = Date.now();
    const ana = await connect();
    const ben = await connect();
    await waitFor(() => server.listeners.size === 2);
    const after = Date.now();

    ana.send('list<NEXT;>meta<NEXT;><END;>');
    const reply = await ana.nextPacket();
    expect(reply.fields[3].toString().split(' ')).toContain('hello');
    // A name with an escape sequence, a bell and a delimiter look-alike: cleaned, never refused.
    ana.send('hello<NEXT;>Ana\u001b[31m  laptop\u0007<NEXT;><END;>play<NEXT;>1<NEXT;><END;>');
    ben.send('play<NEXT;>2<NEXT;><END;>');
    await ana.playBytesAtLeast(20_000);
    await ben.playBytesAtLeast(20_000);

    const table = server.listeners.list();
    expect(table.map((row) => row.name)).toEqual(['Ana [31m laptop', null]);
    expect(table.map((row) => [row.songId, row.songTitle])).toEqual([
      [1, server.library.songs[1].title],
      [2, server.library.songs[2].title],
    ]);
    for (const row of table) {
      expect(row.address).toBe('127.0.0.1');
      expect(row.since).toBeGreaterThanOrEqual(before);
      expect(row.since).toBeLessThanOrEqual(after);
    }
    expect(table[0].port).toBe(ana.socket.localPort);
    // What the server counts as sent covers what the client has read, and no more than was written.
    expect(table[0].bytesSent).toBeGreaterThanOrEqual(ana.socket.bytesRead);
    expect(table[1].bytesSent).toBeGreaterThanOrEqual(ben.socket.bytesRead);

    expect(server.listeners.disconnect(table[0].id)).toBe(true);
    expect(server.listeners.list().map((row) => row.id)).toEqual([table[1].id]);
    const [last] = (await ana.readUntil('error')).slice(-1);
    expect(last.fields[1].toString()).toBe(DISCONNECTED_BY_HOST);
    await ana.closed;
    expect(server.listeners.disconnect(table[0].id)).toBe(false);

    // The other listener keeps every byte of its song, and the count matches what it read.
    const rest = await ben.readSong(20_000);
    const song = await readFile(server.library.songs[2].realPath);
    expect(ben.playBytes).toBe(song.length);
    expect(rest.equals(song.subarray(song.length - rest.length))).toBe(true);
    await waitFor(() => server.listeners.list()[0].bytesSent === ben.socket.bytesRead);
    ben.send('stop<NEXT;><END;>');
    await ben.readUntil('stop');
    expect(server.listeners.list()[0].songId).toBeNull();
  });

  it('disconnects everyone, each with the error first', async () => {
    const running = await servers.start({ pacing: QUICK_PACING });
    const { server } = running;
    const peers = [await connect(), await connect(), await connect()];
    await waitFor(() => server.listeners.size === 3);
    peers[0].send('play<NEXT;>0<NEXT;><END;>');
    await peers[0].playBytesAtLeast(10_000);
    expect(server.listeners.disconnectAll()).toBe(3);
    expect(server.listeners.size).toBe(0);
    for (const peer of peers) {
      const [last] = (await peer.readUntil('error')).slice(-1);
      expect(last.fields[1].toString()).toBe(DISCONNECTED_BY_HOST);
      await peer.closed;
    }
    await waitFor(() => server.connectionCount === 0);
  });

  it('shows the address a PROXY v2 header names, not the balancer', async () => {
    const running = await servers.start({ proxyFrom: ['127.0.0.2'] });
    const { server } = running;
    const viaBalancer = await connect('127.0.0.1', '127.0.0.2');
    viaBalancer.send(
      encodeProxyV2({
        command: 'proxy',
        source: { address: '203.0.113.9', port: 40123 },
        destination: { address: '192.0.2.1', port: 7000 },
      }),
    );
    viaBalancer.send('hello<NEXT;>Kitchen<NEXT;><END;>');
    await waitFor(() => server.listeners.list()[0]?.name === 'Kitchen');
    const [row] = server.listeners.list();
    expect([row.address, row.port]).toEqual(['203.0.113.9', 40123]);
    // A health check (LOCAL) is no listener.
    const check = await connect('127.0.0.1', '127.0.0.2');
    check.send(encodeProxyV2({ command: 'local' }));
    check.send('list<NEXT;><END;>');
    await check.nextPacket();
    expect(server.listeners.size).toBe(1);
  });

  it('with an access code, takes the name only from an admitted client', async () => {
    const running = await servers.start({ accessCode: 'open sesame' });
    const { server } = running;
    const stranger = await connect();
    stranger.send('hello<NEXT;>Intruder<NEXT;><END;>stop<NEXT;><END;>');
    await stranger.readUntil('stop');
    const session = await servers.session({ accessCode: 'open sesame', clientName: 'Friend' });
    await session.list();
    await waitFor(() => server.listeners.list().some((row) => row.name === 'Friend'));
    expect(server.listeners.list().map((row) => row.name)).toEqual([null, 'Friend']);
  });
});
