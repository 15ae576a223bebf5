import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/appServices';
import { PlaybackService } from '../../src/player';
import { RawClient } from '../support/rawClient';
import { BUNDLED_MUSIC, waitFor } from '../support/serverHarness';

describe("the hosted library's listeners and limits", () => {
  let userDataDir: string;
  let services: AppServices | undefined;
  const players: PlaybackService[] = [];
  const raws: RawClient[] = [];
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.destroy();
    await Promise.all(players.splice(0).map((player) => player.dispose()));
    await services?.dispose();
    services = undefined;
    await rm(userDataDir, { recursive: true, force: true });
  });

  async function hosting(): Promise<{ services: AppServices; port: number }> {
    userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-userdata-'));
    services = await createAppServices({ userDataDir, bundledMusicDir: BUNDLED_MUSIC });
    await services.settings.update({
      onboarded: true,
      hostLimits: { maxConnections: 10, maxConnectionsPerAddress: 2, requestTimeoutSeconds: 30 },
    });
    const state = await services.host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    return { services, port: state.port ?? 0 };
  }

  it("starts the server with the settings' caps", async () => {
    const { port } = await hosting();
    for (let i = 0; i < 3; i++) raws.push(await RawClient.connect(port));
    const refusal = await raws[2].nextPacket();
    expect(refusal.fields.map(String)).toEqual([
      'error',
      'too many connections from your address (2)',
    ]);
  });

  it('lists a player by its name, and a disconnected player does not reconnect', async () => {
    const { services, port } = await hosting();
    const player = new PlaybackService({
      clientName: 'Den',
      reconnect: { initialMs: 50, maxMs: 100, jitter: 0, maxAttempts: 5 },
    });
    players.push(player);
    await player.connect('127.0.0.1', port);
    await waitFor(() => services.host.getActivity().listeners[0]?.name === 'Den');
    const [row] = services.host.getActivity().listeners;
    expect(row).toMatchObject({ address: '127.0.0.1', songId: null });

    expect(services.host.disconnectListener(row.id)).toBe(true);
    await waitFor(() => player.getConnection().status === 'error');
    expect(player.getConnection().error).toMatch(/host disconnected/i);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(player.getConnection().status).toBe('error');
    expect(services.host.getActivity().listeners).toEqual([]);
    expect(services.host.disconnectAllListeners()).toBe(0);
  });
});
