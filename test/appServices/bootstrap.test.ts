import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/appServices';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import { freePort, occupyPort, portOf } from '../support/ports';

describe('createAppServices bootstrap', () => {
  let userDataDir: string;
  const opened: AppServices[] = [];

  async function open(defaultHostPort: number): Promise<AppServices> {
    const services = await createAppServices({
      userDataDir,
      bundledMusicDir: BUNDLED_MUSIC,
      defaultHostPort,
    });
    opened.push(services);
    return services;
  }

  beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-userdata-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((services) => services.dispose()));
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('on first run hosts the bundled music and connects to it', async () => {
    const port = await freePort();
    const services = await open(port);
    expect(await services.settings.isFirstRun()).toBe(true);
    await services.bootstrap();
    expect(services.host.getState()).toMatchObject({ running: true, port, songCount: 3 });
    expect(services.playback.getConnection()).toMatchObject({
      status: 'connected',
      host: '127.0.0.1',
      port,
    });
    expect(await services.playback.listSongs()).toHaveLength(3);
    expect(await services.settings.load()).toMatchObject({ host: '127.0.0.1', port });
    expect(await services.settings.isFirstRun()).toBe(false);
  });

  it('keeps the song ids and scan cache of the hosted folder in its user data folder', async () => {
    const services = await open(await freePort());
    await services.bootstrap();
    const saved = (await readdir(join(userDataDir, 'library'))).sort();
    // One state file (version 2): a row per song, its id second (src/library/scanCacheRow.ts).
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^library-[0-9a-f]{16}\.state\.json$/);
    const state = JSON.parse(await readFile(join(userDataDir, 'library', saved[0]), 'utf8'));
    expect(state.version).toBe(2);
    expect(state.rows.map((row: unknown[]) => row[1]).sort()).toEqual([0, 1, 2]);
  });

  it('uses a free port when the default one is taken', async () => {
    const busy = await occupyPort(0);
    try {
      const services = await open(portOf(busy));
      await services.bootstrap();
      const { port } = services.host.getState();
      expect(port).not.toBe(portOf(busy));
      expect(services.playback.getConnection()).toMatchObject({ status: 'connected', port });
      expect((await services.settings.load()).port).toBe(port);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('on the next launch hosts the same library again and reconnects', async () => {
    const port = await freePort();
    const first = await open(port);
    await first.bootstrap();
    await first.dispose();
    expect(first.host.getState().running).toBe(false);
    const hosting = JSON.parse(await readFile(join(userDataDir, 'hosting.json'), 'utf8'));
    expect(hosting).toEqual({ folder: BUNDLED_MUSIC, port, shareOnLan: false });

    const second = await open(port);
    expect(await second.settings.isFirstRun()).toBe(false);
    await second.bootstrap();
    expect(second.host.getState()).toMatchObject({ running: true, port });
    expect(second.playback.getConnection()).toMatchObject({ status: 'connected', port });
  });

  it('after hosting was stopped, only connects to the saved address (an error if none)', async () => {
    const port = await freePort();
    const first = await open(port);
    await first.bootstrap();
    await first.host.stop();
    await first.dispose();

    const second = await open(port);
    await second.bootstrap();
    expect(second.host.getState().running).toBe(false);
    expect(second.playback.getConnection()).toMatchObject({
      status: 'error',
      error: `Cannot connect to 127.0.0.1:${port}: connection refused`,
    });
  });
});
