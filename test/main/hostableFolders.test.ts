import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HostableFolders,
  HostFolderRefusedError,
  previouslyHostedFolder,
} from '../../src/main/hostableFolders';
import { createAppServices } from '../../src/appServices';
import { BUNDLED_MUSIC } from '../support/serverHarness';

vi.mock('electron', () => ({}));

describe('HostableFolders', () => {
  it('knows the folders it was given, with . and .. and trailing slashes resolved', () => {
    const folders = new HostableFolders(['/srv/music/', null]);
    folders.allow('/home/me/a/../Music');
    folders.allow(null);
    expect(folders.has('/srv/music')).toBe(true);
    expect(folders.has('/srv/./music/')).toBe(true);
    expect(folders.has('/home/me/Music')).toBe(true);
    expect(folders.has('/srv')).toBe(false);
    expect(folders.has('/srv/music/sub')).toBe(false);
    expect(() => folders.check('/srv/music/..')).toThrow(HostFolderRefusedError);
    expect(() => folders.check('/srv/music/..')).toThrow(
      'Choose the folder with the folder picker first',
    );
  });
});

describe('previouslyHostedFolder', () => {
  let userDataDir: string;
  beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-hosted-'));
  });
  afterEach(() => rm(userDataDir, { recursive: true, force: true }));

  it('is the folder the services were hosting when the app quit', async () => {
    expect(await previouslyHostedFolder(userDataDir)).toBeNull();
    const services = await createAppServices({ userDataDir, bundledMusicDir: '/unused' });
    try {
      await services.host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    } finally {
      await services.dispose();
    }
    expect(await previouslyHostedFolder(userDataDir)).toBe(BUNDLED_MUSIC);
  });

  it('is null when nothing was hosted or the record is unreadable', async () => {
    await writeFile(join(userDataDir, 'hosting.json'), 'null\n');
    expect(await previouslyHostedFolder(userDataDir)).toBeNull();
    await writeFile(join(userDataDir, 'hosting.json'), '{ "folder": ');
    expect(await previouslyHostedFolder(userDataDir)).toBeNull();
  });
});
