import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppServices, type AppServices } from '../../src/appServices';
import { BUNDLED_MUSIC, waitFor } from '../support/serverHarness';

/** getPath('userData') answers this: each "app" below has its own, like two computers. */
const state = vi.hoisted(() => ({ userData: '', available: true, decrypts: true }));

// The shared stand-in keychain (test/main/support/fakeKeychain.ts).
vi.mock('electron', async () => (await import('./support/fakeKeychain')).fakeElectron(state));

const { createAccessCodes } = await import('../../src/main/accessCodeKeychain');
const { AccessCodeBook } = await import('../../src/main/accessCodeBook');
const { createLibrarySharing } = await import('../../src/main/librarySharing');

const CODE = 'harbour seal 9';
const FAST_RETRY = { initialMs: 50, maxMs: 200, jitter: 0, maxAttempts: 40 };

/** The app's main side as startApp wires it: codes through safeStorage, asked at each connect. */
async function startMain(userDataDir: string) {
  state.userData = userDataDir;
  const book = new AccessCodeBook(createAccessCodes(), () => null);
  const services = await createAppServices({
    userDataDir,
    bundledMusicDir: BUNDLED_MUSIC,
    playback: { reconnect: FAST_RETRY, accessCodeFor: (host, port) => book.codeFor(host, port) },
    host: { pacing: false, watch: false, accessCode: () => book.hostCode() },
  });
  const sharing = createLibrarySharing({
    book,
    discovery: null,
    playback: services.playback,
    host: services.host,
  });
  return { services, sharing };
}

/** Every file main wrote in user data, as text. */
async function everythingOnDisk(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile());
  const texts = await Promise.all(
    files.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'latin1')),
  );
  return texts.join('\n');
}

describe('access codes in the app (issue 13 item 2)', () => {
  const running: AppServices[] = [];
  let hostDir = '';
  let playerDir = '';
  beforeEach(async () => {
    hostDir = await mkdtemp(path.join(tmpdir(), 'tidewave-codeflow-host-'));
    playerDir = await mkdtemp(path.join(tmpdir(), 'tidewave-codeflow-player-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((services) => services.dispose()));
    await rm(hostDir, { recursive: true, force: true });
    await rm(playerDir, { recursive: true, force: true });
  });

  it('host sets a code; a player is asked for it, refused a wrong one, remembers the right one (encrypted) and proves it on reconnect', async () => {
    const host = await startMain(hostDir);
    running.push(host.services);
    const hosted = await host.services.host.start({
      folder: BUNDLED_MUSIC,
      port: 0,
      shareOnLan: false,
    });
    expect(hosted.accessCode).toBe(false);
    const locked = await host.sharing.setHostAccessCode(CODE);
    expect(locked).toMatchObject({ running: true, accessCode: true, port: hosted.port });
    const port = hosted.port ?? 0;

    const player = await startMain(playerDir);
    running.push(player.services);
    const { playback } = player.services;
    const asked: string[] = [];
    const record = (s: { status: string }) => asked.push(s.status);
    playback.on('connection', record);
    await expect(playback.connect('127.0.0.1', port)).rejects.toThrow(/access code required/);
    // A refusal while connecting is shown, not retried: no reconnect loop hides the question.
    await new Promise((resolve) => setTimeout(resolve, 400));
    playback.off('connection', record);
    expect(asked[0]).toBe('connecting');
    expect(asked.slice(1)).toEqual(asked.slice(1).map(() => 'error'));
    expect(playback.getConnection().error).toMatch(/access code required/);
    await expect(
      player.sharing.connectWithCode('127.0.0.1', port, 'harbour seal 8'),
    ).rejects.toThrow(/wrong access code/);
    expect(
      await player.services.playback.connect('127.0.0.1', port).catch((e: Error) => e.message),
    ).toMatch(
      /access code required/, // the wrong code was not kept
    );
    const connected = await player.sharing.connectWithCode('127.0.0.1', port, CODE);
    expect(connected.status).toBe('connected');
    expect((await playback.listSongs()).length).toBeGreaterThan(0);

    // The server restarts (the host changed something): the player reconnects with the code.
    const statuses: string[] = [];
    playback.on('connection', (s) => statuses.push(s.status));
    await host.services.host.restart();
    await waitFor(
      () => statuses.includes('reconnecting') && statuses.at(-1) === 'connected',
      10_000,
    );

    // The code never reaches a file in plain text: not the host's, not the player's.
    for (const dir of [hostDir, playerDir]) {
      const disk = await everythingOnDisk(dir);
      expect(disk).toContain('"codes"'); // the remembered code is there, sealed
      expect(disk).not.toContain(CODE);
    }

    // A later run of the player connects with the remembered code alone.
    await playback.disconnect();
    const later = await startMain(playerDir);
    running.push(later.services);
    expect((await later.services.playback.connect('127.0.0.1', port)).status).toBe('connected');

    // The host changes the code: the player's remembered one is refused on reconnect, and it
    // stops there to ask (no retry loop spending guesses against its address).
    const seen: Array<{ status: string; error: string | null }> = [];
    later.services.playback.on('connection', (s) =>
      seen.push({ status: s.status, error: s.error }),
    );
    await host.sharing.setHostAccessCode('new stairs 2');
    await waitFor(() => seen.at(-1)?.status === 'error', 10_000);
    expect(seen.at(-1)?.error).toMatch(/wrong access code/);
    const attempts = seen.filter((s) => s.status === 'reconnecting').length;
    await new Promise((resolve) => setTimeout(resolve, 600)); // 3+ retry intervals
    expect(seen.filter((s) => s.status === 'reconnecting')).toHaveLength(attempts);
    expect(seen.at(-1)?.status).toBe('error');

    // And without a code the library is open again.
    const open = await host.sharing.setHostAccessCode('');
    expect(open).toMatchObject({ running: true, accessCode: false });
  }, 30_000);
});
