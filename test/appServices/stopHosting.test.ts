import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/appServices';
import { DEFAULT_BACKOFF } from '../../src/player';
import type { ConnectionStatus } from '../../src/shared/tidewaveApi';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import { freePort } from '../support/ports';

describe('stopping hosting while listening to the hosted library', () => {
  let userDataDir = '';
  let services: AppServices | null = null;
  afterEach(async () => {
    await services?.dispose();
    services = null;
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('ends the connection to it instead of trying to reconnect for minutes', async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-userdata-'));
    services = await createAppServices({
      userDataDir,
      bundledMusicDir: BUNDLED_MUSIC,
      defaultHostPort: await freePort(),
      playback: { reconnect: DEFAULT_BACKOFF }, // as the app makes it (startApp.ts)
    });
    await services.bootstrap(); // first run: hosts the bundled music and listens to it
    expect(services.playback.getConnection().status).toBe('connected');
    const seen: ConnectionStatus[] = [];
    services.playback.on('connection', (state) => seen.push(state.status));

    expect(await services.stopHosting()).toMatchObject({ running: false });
    // The server's close reaches the player after the stop; a reconnect would begin on it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(services.playback.getConnection().status).toBe('disconnected');
    expect(seen).not.toContain('reconnecting');
  });

  it('leaves a connection to another library alone', async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-userdata-'));
    const other = await createAppServices({
      userDataDir: join(userDataDir, 'other'),
      bundledMusicDir: BUNDLED_MUSIC,
      defaultHostPort: await freePort(),
    });
    try {
      await other.bootstrap();
      const otherPort = other.host.getState().port ?? 0;
      services = await createAppServices({
        userDataDir: join(userDataDir, 'mine'),
        bundledMusicDir: BUNDLED_MUSIC,
        defaultHostPort: await freePort(),
        playback: { reconnect: DEFAULT_BACKOFF },
      });
      await services.bootstrap();
      await services.playback.connect('127.0.0.1', otherPort);
      await services.stopHosting();
      expect(services.playback.getConnection()).toMatchObject({
        status: 'connected',
        port: otherPort,
      });
    } finally {
      await other.dispose();
    }
  });
});
