import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { startSeedServer } from '../support/seedServer';
import { useTestServers, waitFor } from '../support/serverHarness';
import { SongCollector } from './songCollector';

describe('the client names itself with hello (PROTOCOL §18)', () => {
  const servers = useTestServers();

  it('to a Tidewave server, which shows the name in its listeners', async () => {
    const running = await servers.start();
    const { server } = running;
    const session = await servers.session({ clientName: 'Living room' });
    await waitFor(() => server.listeners.size === 1);
    expect(server.listeners.list()[0].name).toBeNull(); // nothing before the list reply
    await session.list();
    await waitFor(() => server.listeners.list()[0].name === 'Living room');
    expect(running.logLines.filter((line) => line.endsWith('hello "Living room"'))).toHaveLength(1);
    await session.list(); // once per connection
    await session.stop();
    expect(running.logLines.filter((line) => line.includes(' hello '))).toHaveLength(1);
  });

  it('never to a seed-era server, which plays as before', async () => {
    const song = randomBytes(20_000);
    const seed = await startSeedServer([{ title: 'one.mp3', bytes: song }]);
    servers.onCleanup(() => seed.close());
    const session = await ClientSession.connect({
      host: '127.0.0.1',
      port: seed.port,
      requestTimeoutMs: 1_000,
      clientName: 'Living room',
    });
    servers.onCleanup(() => session.close());
    await session.list();
    const collector = new SongCollector(session.play(0));
    await collector.reached(song.length);
    expect(collector.bytes.equals(song)).toBe(true);
    expect(seed.requests).toEqual(['list', 'play 0']);
  });
});
