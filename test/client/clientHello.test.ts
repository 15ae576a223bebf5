import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { startSeedServer, type SeedServer } from '../support/seedServer';
import { startTestServer, waitFor, type RunningServer } from '../support/serverHarness';
import { SongCollector } from './songCollector';

describe('the client names itself with hello (PROTOCOL §18)', () => {
  let running: RunningServer | undefined;
  let seed: SeedServer | undefined;
  let session: ClientSession | undefined;
  afterEach(async () => {
    session?.close();
    await running?.server.close();
    await seed?.close();
    running = seed = session = undefined;
  });

  it('to a Tidewave server, which shows the name in its listeners', async () => {
    running = await startTestServer();
    const { server, port } = running;
    session = await ClientSession.connect({ host: '127.0.0.1', port, clientName: 'Living room' });
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
    seed = await startSeedServer([{ title: 'one.mp3', bytes: song }]);
    session = await ClientSession.connect({
      host: '127.0.0.1',
      port: seed.port,
      requestTimeoutMs: 1_000,
      clientName: 'Living room',
    });
    await session.list();
    const collector = new SongCollector(session.play(0));
    await collector.reached(song.length);
    expect(collector.bytes.equals(song)).toBe(true);
    expect(seed.requests).toEqual(['list', 'play 0']);
  });
});
