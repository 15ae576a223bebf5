import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { useTestServers, waitFor } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';

describe('connection caps', () => {
  const servers = useTestServers();
  const connect = (localAddress?: string): Promise<RawClient> => servers.raw({ localAddress });

  async function expectServed(client: RawClient): Promise<void> {
    client.send(clientMessages.list());
    expect((await client.nextPacket()).type).toBe('list');
  }

  async function expectRefused(client: RawClient, reason: RegExp): Promise<void> {
    client.send(clientMessages.list()); // a refused client's request is not answered
    const packet = await client.nextPacket();
    expect(packet.type).toBe('error');
    expect(packet.fields[1].toString()).toMatch(reason);
    await client.closed;
  }

  it('refuses the connection over the cap with an error packet, and admits one again later', async () => {
    const running = await servers.start({ limits: { maxConnections: 3 } });
    const admitted = [await connect(), await connect(), await connect()];
    for (const client of admitted) await expectServed(client);
    await expectRefused(await connect(), /^server busy: 3 connections open$/);
    expect(running.server.connectionCount).toBe(3);
    expect(running.logLines.join('\n')).toMatch(/refused 127\.0\.0\.1:\d+: server busy/);

    admitted[0].destroy();
    await waitFor(() => running.server.connectionCount === 2);
    await expectServed(await connect());
    expect(running.server.stats().refused).toBe(1);
  });

  it('caps the connections from one address, not from another', async () => {
    await servers.start({ limits: { maxConnectionsPerAddress: 2 } });
    const first = await connect();
    await expectServed(first);
    await expectServed(await connect());
    await expectRefused(await connect(), /^too many connections from your address \(2\)$/);
    // 127.0.0.2 is this machine too, but another address to the server.
    await expectServed(await connect('127.0.0.2'));
    await expectServed(first); // the admitted ones are untouched
  });

  it('logs a flood of refused connections within the budget, and frees them all', async () => {
    const running = await servers.start({
      limits: { maxConnections: 1 },
      logBudget: { burstLines: 10, linesPerSecond: 1 },
    });
    const started = Date.now();
    const admitted = await connect();
    const refused = await Promise.all(Array.from({ length: 150 }, () => connect()));
    await Promise.all(refused.map((client) => client.closed));
    const seconds = (Date.now() - started) / 1000;
    await expectServed(admitted);
    expect(running.server.stats().refused).toBe(150);
    const refusalLines = running.logLines.filter((line) => !line.startsWith('client '));
    expect(refusalLines.length).toBeLessThanOrEqual(10 + 2 * Math.ceil(seconds));
  });
});
