import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { LibraryServer } from '../../../src/server';
import { RawClient } from '../../support/rawClient';
import { useE2eApp, type OpenedApp } from './appHarness';
import { connectTo, startMusicServer, type E2eEnvironment } from './e2eEnvironment';

/** What the fixture handed out, looked at again after it tore things down. */
interface Seen {
  env: E2eEnvironment;
  musicPort: number;
  music: LibraryServer;
  apps: OpenedApp[];
}

// The tests run in this order: each checks what the fixture did after the one before, and the
// last what it did after its whole describe block (as after a whole file).
describe('useE2eApp', () => {
  let seen: Seen | undefined;
  /** The cleanups in the order they ran, each with whether every app was closed by then. */
  const cleanups: { name: string; appsClosed: boolean }[] = [];
  const opened = (): Seen => {
    if (!seen) throw new Error('the first test did not get far enough');
    return seen;
  };

  describe('in a file that uses it', () => {
    const e2e = useE2eApp({ music: true });

    it('opens apps in pages that reach their own services, beside a music server', async () => {
      expect(() => e2e.app).toThrow('this test opened no app');
      const first = await e2e.open();
      const second = await e2e.open();
      expect(e2e.app).toBe(second);
      expect(e2e.env.bridgeRoutes.size).toBe(2);
      await access(first.userDataDir);
      await access(second.userDataDir);
      // The page's bridge reaches the services: connecting in the page connects them.
      await connectTo(second.page, e2e.music.port);
      await expect.poll(() => e2e.music.server.connectionCount).toBe(1);
      seen = {
        env: e2e.env,
        music: e2e.music.server,
        musicPort: e2e.music.port,
        apps: [first, second],
      };
      const appsClosed = () => [first, second].every((app) => app.page.isClosed());
      e2e.onCleanup(() => cleanups.push({ name: 'older', appsClosed: appsClosed() }));
      e2e.onCleanup(() => cleanups.push({ name: 'newer', appsClosed: appsClosed() }));
    });

    it("closed the last test's apps, then ran its cleanups, newest first", async () => {
      const { env, music, apps } = opened();
      for (const app of apps) {
        expect(app.page.isClosed()).toBe(true);
        await expect(access(app.userDataDir)).rejects.toThrow(/ENOENT/);
      }
      expect(env.bridgeRoutes.size).toBe(0); // each bridge let go of its route
      // The services let go of the server they were connected to.
      await expect.poll(() => music.connectionCount).toBe(0);
      expect(cleanups).toEqual([
        { name: 'newer', appsClosed: true },
        { name: 'older', appsClosed: true },
      ]);
      expect(() => e2e.app).toThrow('this test opened no app');
      // What lasts for the whole file is still there for its next test.
      const page = await env.context.newPage();
      await page.close();
      const client = await RawClient.connect(opened().musicPort);
      client.destroy();
    });

    it('opens apps that reconnect to a server that went away, as the real app does', async () => {
      const gone = await startMusicServer({ pacing: false });
      const { page } = await e2e.open();
      await connectTo(page, gone.port);
      await gone.server.close();
      await page.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor();
      const back = await startMusicServer({ pacing: false, port: gone.port });
      e2e.onCleanup(() => back.server.close());
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor();
    });
  });

  it('closed the music server, Chromium and the renderer after the whole block', async () => {
    const { env, musicPort } = opened();
    await expect(RawClient.connect(musicPort)).rejects.toThrow(/ECONNREFUSED/);
    await expect(env.context.newPage()).rejects.toThrow(/closed/);
    await expect(fetch(env.appUrl)).rejects.toThrow();
  });
});
