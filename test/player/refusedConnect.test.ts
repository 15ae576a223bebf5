import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { PlaybackService } from '../../src/player';
import { useTestServers } from '../support/serverHarness';

// A friend's server that is full, or that needs an access code, is a Tidewave server saying
// why it refuses: the player says so, and does not call it "not a Tidewave server".
describe('a Tidewave server that refuses the connection', () => {
  const servers = useTestServers();

  async function connectFails(port: number): Promise<string> {
    const service = new PlaybackService();
    servers.onCleanup(() => service.dispose());
    const error = await service.connect('127.0.0.1', port).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect(service.getConnection()).toMatchObject({ status: 'error' });
    expect(service.getConnection().error).toBe((error as Error).message);
    return (error as Error).message;
  }

  it('at its connection cap: the server’s reason', async () => {
    const { port } = await servers.start({ pacing: false, limits: { maxConnections: 1 } });
    const holder = await servers.raw();
    holder.send(clientMessages.list());
    expect((await holder.nextPacket()).type).toBe('list'); // admitted: the one place is taken
    const message = await connectFails(port);
    expect(message).toBe('The server refused the connection: server busy: 1 connections open');
  });

  it('asking for an access code the player does not have: that reason', async () => {
    const { port } = await servers.start({ pacing: false, accessCode: 'cellar door 5' });
    const message = await connectFails(port);
    expect(message).toMatch(/^Access refused: access code required/);
    expect(message).not.toMatch(/not a Tidewave server/);
  });
});
