import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOST_LIMITS, DEFAULT_SETTINGS } from '../shared/defaults';
import { AppSettings } from './appSettings';

describe('AppSettings', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-settings-'));
    path = join(dir, 'nested', 'settings.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts with the defaults on first run', async () => {
    const store = new AppSettings(path);
    expect(await store.isFirstRun()).toBe(true);
    expect(await store.load()).toEqual({
      host: '127.0.0.1',
      port: 8080,
      volume: 0.8,
      onboarded: false,
      resume: null,
      keepPlayingInTray: false,
      notifyOnNewSong: false,
      hostLimits: DEFAULT_HOST_LIMITS,
    });
  });

  it('persists updates across instances', async () => {
    const store = new AppSettings(path);
    expect(await store.update({ volume: 0.3, host: '10.0.0.2' })).toMatchObject({ volume: 0.3 });
    await store.update({ onboarded: true });
    const reopened = new AppSettings(path);
    expect(await reopened.isFirstRun()).toBe(false);
    expect(await reopened.load()).toEqual({
      ...DEFAULT_SETTINGS,
      host: '10.0.0.2',
      port: 8080,
      volume: 0.3,
      onboarded: true,
      hostLimits: DEFAULT_HOST_LIMITS,
    });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(await reopened.load());
  });

  it('keeps the level before a mute across instances; a muted or wrong one is none', async () => {
    const store = new AppSettings(path);
    await store.update({ volume: 0, unmutedVolume: 0.6 });
    expect(await new AppSettings(path).load()).toMatchObject({ volume: 0, unmutedVolume: 0.6 });
    for (const unmutedVolume of [0, 1.5, 'loud']) {
      await writeFile(path, JSON.stringify({ volume: 0, unmutedVolume }));
      expect(await new AppSettings(path).load()).not.toHaveProperty('unmutedVolume');
    }
  });

  it('keeps the last of several quick updates', async () => {
    const store = new AppSettings(path);
    await Promise.all([0.1, 0.2, 0.3, 0.4].map((volume) => store.update({ volume })));
    expect((await new AppSettings(path).load()).volume).toBe(0.4);
  });

  it('recovers from a corrupt file with the defaults, and rewrites it on the next update', async () => {
    await writeFile(join(dir, 'settings.json'), '{"host": "10.0.0.2", "port": 80');
    const logged: string[] = [];
    const store = new AppSettings(join(dir, 'settings.json'), (line) => logged.push(line));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    expect(logged).toEqual([expect.stringMatching(/^Ignoring .*settings\.json/)]);
    expect(await store.isFirstRun()).toBe(true);
    await store.update({ onboarded: true });
    expect(await new AppSettings(join(dir, 'settings.json')).load()).toEqual({
      ...DEFAULT_SETTINGS,
      onboarded: true,
    });
  });

  it('keeps valid fields and replaces wrongly typed ones', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ host: 'box', port: 99999, volume: 'loud', extra: 1 }));
    expect(await new AppSettings(file).load()).toEqual({ ...DEFAULT_SETTINGS, host: 'box' });
  });

  it('remembers a resume point and the desktop toggles; a malformed point is dropped', async () => {
    const store = new AppSettings(path);
    const resume = { host: '127.0.0.1', port: 8080, songId: 2, seconds: 12.5 };
    await store.update({ resume, keepPlayingInTray: true, notifyOnNewSong: true });
    expect(await new AppSettings(path).load()).toMatchObject({
      resume,
      keepPlayingInTray: true,
      notifyOnNewSong: true,
    });
    const file = join(dir, 'settings.json');
    for (const bad of [{ ...resume, seconds: -1 }, { ...resume, songId: 1.5 }, { resume }, 7]) {
      await writeFile(file, JSON.stringify({ resume: bad, keepPlayingInTray: 'yes' }));
      expect(await new AppSettings(file, () => undefined).load()).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps each host limit in its range and defaults the others', async () => {
    const file = join(dir, 'settings.json');
    const hostLimits = {
      maxConnections: 200,
      maxConnectionsPerAddress: 0,
      requestTimeoutSeconds: 1.5,
    };
    await writeFile(file, JSON.stringify({ hostLimits }));
    expect((await new AppSettings(file).load()).hostLimits).toEqual({
      ...DEFAULT_HOST_LIMITS,
      maxConnections: 200,
    });
    const store = new AppSettings(file);
    const chosen = { maxConnections: 5, maxConnectionsPerAddress: 2, requestTimeoutSeconds: 30 };
    await store.update({ hostLimits: chosen });
    expect((await new AppSettings(file).load()).hostLimits).toEqual(chosen);
  });

  it('flush waits for every update asked for so far, so a shutdown leaves no write behind', async () => {
    const store = new AppSettings(path);
    void store.update({ volume: 0.1 });
    void store.update({ volume: 0.2 });
    await store.flush();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ volume: 0.2 });
    expect((await readdir(join(dir, 'nested'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
