import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryServer } from '../../src/server';
import { GIVES_UP_AT_ONCE, useE2eApp } from './support/appHarness';
import { probeAudio, waitForAudio } from './support/audioProbe';
import {
  collectPageErrors,
  connectTo,
  RESULTS_DIR,
  startMusicServer,
} from './support/e2eEnvironment';

const e2e = useE2eApp();
/** The music server started last (a test may stop it itself). */
let latest: LibraryServer | undefined;

async function musicServer(port?: number): Promise<number> {
  const started = await startMusicServer({ pacing: false, port });
  e2e.onCleanup(() => started.server.close());
  latest = started.server;
  return started.port;
}

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('errors a person can read and recover from', { timeout: 60_000 }, () => {
  it('a server that goes away shows why, silences, and Retry reconnects', async () => {
    const port = await musicServer();
    const app = await e2e.open({ playback: { reconnect: GIVES_UP_AT_ONCE } });
    const { page } = app;
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);

    await latest?.close();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(`No connection to 127.0.0.1:${port}`);
    await expect.poll(async () => (await probeAudio(page)).liveSources).toBe(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'server-gone.png') });

    await musicServer(port);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
  });

  it('an unknown song is reported with a Retry, and the connection stays usable', async () => {
    const port = await musicServer();
    let askForMissingSong = true;
    const app = await e2e.open({
      // As if the list were stale: the server no longer has the song that was clicked.
      override: (base) => ({
        play: (request) => base.play(askForMissingSong ? { ...request, songId: 99 } : request),
      }),
    });
    const { page } = app;
    const errors = collectPageErrors(page);
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Unknown song 99');
    expect(await probeAudio(page)).toMatchObject({ liveSources: 0, queuedSeconds: 0 });

    // Retry asks again (and the server still says no); another song plays fine.
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => alert.innerText()).toContain('Unknown song 99');
    askForMissingSong = false;
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Night Ferry');
    expect(errors).toEqual([]);
  });

  it('Disconnect says goodbye, and the server acknowledges quit', async () => {
    const port = await musicServer();
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Not connected' });
    await expect.poll(() => status.innerText()).toContain('Server acknowledged quit');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(0);
  });
});
