/**
 * Libraries found on the network in the real renderer (issue 13): announced by tidewave-server
 * processes over real multicast, found by the app's main-side discovery, listed live in the
 * connection bar, connected in one click, asked for an access code, and reconnected to when a
 * library goes away and comes back. Multicast must stay off the machine's real network, so the
 * whole file runs again inside a private network namespace (`unshare -n`, loopback with
 * multicast); outside one, this file only starts that run and reports its result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LibraryBrowser } from '../../src/discovery';
import { AccessCodeBook, type CodeStore } from '../../src/main/accessCodeBook';
import { LibraryDiscovery } from '../../src/main/libraryDiscovery';
import { createLibrarySharing, type LibrarySharing } from '../../src/main/librarySharing';
import { useE2eApp, type OpenedApp } from './support/appHarness';
import { PROJECT_ROOT } from './support/cachedBuild';
import { MUSIC_DIR, RESULTS_DIR } from './support/e2eEnvironment';
import { startServerProcess, type ServerProcess } from './support/serverProcess';

const IN_NAMESPACE = process.env.TIDEWAVE_E2E_NETNS === '1';
const NAMESPACE_SETUP =
  'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo';
const MULTICAST = { interface: '127.0.0.1', bind: '0.0.0.0' };

/** The song table's rows (the host panel has a listeners table of its own). */
const songRows = (page: Page) => page.getByRole('grid', { name: 'Songs' }).locator('tbody tr');
const FAST_RETRY = { initialMs: 100, maxMs: 500, jitter: 0, maxAttempts: 200 };

function namespaceRefusal(): string | null {
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', NAMESPACE_SETUP], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  return probe.status === 0 ? null : `unshare -n refused: ${probe.stderr.trim()}`;
}

if (!IN_NAMESPACE) {
  const refusal = namespaceRefusal();
  if (refusal !== null) {
    console.warn(`SKIPPED discovery in the connection bar: ${refusal} (run as root on Linux)`);
  }
  describe.skipIf(refusal !== null)('discovery in the app, in a private network namespace', () => {
    it('passes inside `unshare -n`', () => {
      const run = spawnSync(
        'unshare',
        ['-n', 'sh', '-c', `${NAMESPACE_SETUP} && exec npx vitest run test/e2e/discovery.test.ts`],
        {
          cwd: PROJECT_ROOT,
          encoding: 'utf8',
          timeout: 360_000,
          env: { ...process.env, TIDEWAVE_E2E_NETNS: '1', CI: '1', NO_COLOR: '1' },
        },
      );
      const report = `${run.stdout}\n${run.stderr}`.slice(-6000);
      expect(run.status, report).toBe(0);
      expect(report).toMatch(/4 passed/);
    }, 370_000);
  });
} else {
  const e2e = useE2eApp({ startMs: 90_000 });
  let discovery: LibraryDiscovery | null = null;
  const servers: ServerProcess[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-e2e-discovery-'));
  });
  // Registered after useE2eApp, so it runs before the app closes, as before.
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await discovery?.dispose();
    discovery = null;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Codes kept in memory: the keychain is main's (tested in test/main). */
  function memoryStore(): CodeStore {
    const codes = new Map<string, string>();
    return {
      get: async (id) => codes.get(id) ?? null,
      getOrThrow: async (id) => codes.get(id) ?? null,
      remember: async (id, code) => void codes.set(id, code),
      forget: async (id) => void codes.delete(id),
    };
  }

  /** The app, with main's discovery and access-code glue as startApp wires them. */
  async function openWithDiscovery(hostFolder?: string): Promise<OpenedApp> {
    let sharing: LibrarySharing | null = null;
    const book = new AccessCodeBook(
      memoryStore(),
      (host, port) => discovery?.nameAt(host, port) ?? null,
    );
    const opened = await e2e.open({
      playback: { reconnect: FAST_RETRY, accessCodeFor: (host, port) => book.codeFor(host, port) },
      pickFolder: async () => hostFolder ?? null,
      host: {
        announce: { multicast: MULTICAST, name: () => 'My Shelf' },
        accessCode: () => book.hostCode(),
      },
      override: () => ({
        setHostAccessCode: (code) => {
          if (!sharing) throw new Error('not ready');
          return sharing.setHostAccessCode(code);
        },
        getFoundLibraries: async () => sharing?.foundLibraries() ?? [],
        connectWithCode: (host, port, code) => {
          if (!sharing) throw new Error('not ready');
          return sharing.connectWithCode(host, port, code);
        },
      }),
    });
    discovery = new LibraryDiscovery(new LibraryBrowser(MULTICAST), opened.services.playback);
    sharing = createLibrarySharing({
      book,
      discovery,
      playback: opened.services.playback,
      host: opened.services.host,
    });
    sharing.watchFound((libraries) => opened.bridge.librariesFound(libraries));
    return opened;
  }

  const announced = (name: string, ...more: string[]) =>
    startServerProcess(['0', '--host', '0.0.0.0', '--announce', '--name', name, ...more]);

  describe('libraries found on the network, in the connection bar', { timeout: 90_000 }, () => {
    it('a found library appears, one click connects, it goes away live', async () => {
      const app = await openWithDiscovery();
      const { page } = app;
      const server = announced('Lighthouse Shelf');
      servers.push(server);
      const found = page.getByRole('navigation', { name: 'Libraries on your network' });
      const button = found.getByRole('button', { name: /^Lighthouse Shelf/ });
      await button.waitFor({ timeout: 30_000 });
      expect(await button.innerText()).toContain('3 songs');
      await page.screenshot({ path: join(RESULTS_DIR, 'found-libraries.png') });

      await button.click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor();
      await expect.poll(() => songRows(page).count()).toBe(3);
      expect(await page.getByRole('textbox', { name: 'Server port' }).inputValue()).toBe(
        String(await server.port),
      );
      expect(await button.getAttribute('aria-current')).toBe('true');

      await server.stop(); // the goodbye: gone from the bar at once
      await found.waitFor({ state: 'detached', timeout: 10_000 });
    });

    it('a library that goes away and comes back is reconnected to', async () => {
      const app = await openWithDiscovery();
      const { page } = app;
      const first = announced('Tide Pool');
      servers.push(first);
      const port = await first.port;
      const button = page.getByRole('button', { name: /^Tide Pool/ });
      await button.click({ timeout: 30_000 });
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor();
      await first.stop();
      await button.waitFor({ state: 'detached', timeout: 10_000 });
      await page
        .getByRole('status')
        .filter({ hasText: /^Reconnecting/ })
        .waitFor();
      const again = startServerProcess([
        '--host',
        '0.0.0.0',
        '--announce',
        '--name',
        'Tide Pool',
        String(port),
      ]);
      servers.push(again);
      await button.waitFor({ timeout: 30_000 });
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor({ timeout: 30_000 });
      await expect.poll(() => songRows(page).count()).toBe(3);
    });

    it('a library with an access code asks for it, refuses a wrong one, and opens with the right one', async () => {
      const codeFile = join(dir, 'cellar.code');
      await writeFile(codeFile, 'cellar door 5\n');
      const app = await openWithDiscovery();
      const { page } = app;
      servers.push(announced('Locked Cellar', '--access-code-file', codeFile));
      const button = page.getByRole('button', { name: /^Locked Cellar/ });
      await button.waitFor({ timeout: 30_000 });
      expect(await button.innerText()).toContain('access code');
      await button.click();

      const prompt = page.getByRole('form', { name: 'Access code' });
      await expect
        .poll(() => prompt.innerText(), { timeout: 15_000 })
        .toContain('asks for an access code');
      await prompt.getByLabel('Access code').fill('cellar door 4');
      await prompt.getByRole('button', { name: 'Unlock' }).click();
      await expect
        .poll(() => prompt.innerText(), { timeout: 15_000 })
        .toContain('Wrong access code');
      await prompt.getByLabel('Access code').fill('cellar door 5');
      await prompt.getByRole('button', { name: 'Unlock' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor({ timeout: 15_000 });
      await expect.poll(() => songRows(page).count()).toBe(3);
      expect(await prompt.count()).toBe(0);
    });

    it('Share on my network announces this library; its access code is set in the host panel', async () => {
      const app = await openWithDiscovery(MUSIC_DIR);
      const { page } = app;
      await page.getByRole('button', { name: 'Host a library' }).click();
      const panel = page.getByRole('region', { name: 'Host a library' });
      await panel.getByRole('button', { name: 'Choose folder…' }).click();
      await panel.getByRole('textbox', { name: 'Port' }).fill('0');
      await panel.getByRole('checkbox', { name: 'Share on my network' }).check();
      await panel.getByRole('button', { name: 'Start hosting' }).click();
      await panel.getByRole('button', { name: 'Details' }).click(); // hosting: a summary till then
      await expect.poll(() => panel.innerText()).toContain('Announced on your network as My Shelf');
      expect(await panel.innerText()).toContain('Older (seed-era) players cannot connect');
      // Every player on the network lists it: this one too.
      const own = page.getByRole('button', { name: /^My Shelf/ });
      await own.waitFor({ timeout: 30_000 });
      expect(await own.innerText()).not.toContain('access code');

      await panel.getByLabel('Access code').fill('shelf key 3');
      await panel.getByRole('button', { name: 'Set code' }).click();
      await expect.poll(() => panel.innerText()).toContain('Listeners need the access code');
      await expect.poll(() => own.innerText(), { timeout: 15_000 }).toContain('access code');
      await page.screenshot({ path: join(RESULTS_DIR, 'share-on-network.png') });

      await own.click();
      const prompt = page.getByRole('form', { name: 'Access code' });
      await prompt.getByLabel('Access code').fill('shelf key 3', { timeout: 15_000 });
      await prompt.getByRole('button', { name: 'Unlock' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected/ })
        .waitFor({ timeout: 15_000 });
      await expect.poll(() => songRows(page).count()).toBe(3);

      await panel.getByRole('button', { name: 'Stop hosting' }).click();
      await own.waitFor({ state: 'detached', timeout: 10_000 }); // the goodbye
    });
  });
}
