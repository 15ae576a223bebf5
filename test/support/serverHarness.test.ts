import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import type { RawClient } from './rawClient';
import { useTestServers, type RunningServer } from './serverHarness';

// The second test checks what the fixture did after the first, so they run in this order.
describe('useTestServers', () => {
  const servers = useTestServers();
  let started: RunningServer[] = [];
  /** Whether the first test's client was gone when its earliest cleanup ran (they go newest first). */
  let clientGoneFirst: boolean | undefined;

  it('starts servers on 127.0.0.1 and hands out clients of the last one', async () => {
    expect(() => servers.running).toThrow('this test started no server');
    const first = await servers.start({ pacing: false });
    const second = await servers.start({ accessCode: 'open sesame' });
    started = [first, second];
    expect(servers.running).toBe(second);
    const clients: RawClient[] = [];
    servers.onCleanup(() => (clientGoneFirst = clients[0]?.socket.destroyed));
    const client = await servers.raw({ port: first.port });
    clients.push(client);
    client.send(clientMessages.list());
    expect((await client.nextPacket()).type).toBe('list');
    const session = await servers.session({ accessCode: 'open sesame' });
    expect((await session.list()).songs).toHaveLength(second.server.library.songs.length);
  });

  it("closed the last test's clients, cleanups and servers", async () => {
    expect(clientGoneFirst).toBe(true);
    for (const { port, server } of started) {
      expect(server.connectionCount).toBe(0);
      await expect(servers.raw({ port })).rejects.toThrow(/ECONNREFUSED/);
    }
    expect(() => servers.running).toThrow('this test started no server');
  });
});
