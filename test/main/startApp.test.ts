import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcEvent, IpcInvoke, IpcSend } from '../../src/shared/ipcChannels';
import {
  FakeApp,
  preventable,
  type FakeMainState,
  type FakeWindow,
} from './support/fakeElectronMain';
import { FakeIpcMain } from './support/fakeIpcMain';

const state = vi.hoisted(
  () =>
    ({
      trays: [],
      blocker: { started: [], stopped: [] },
      notifications: [],
      settings: { keepPlayingInTray: false, notifyOnNewSong: false },
      settingsListeners: [],
      app: null,
      menu: [],
      ipcMain: null,
      services: null,
    }) as unknown as FakeMainState,
);

// A mocked Electron whose app.quit() runs Electron's quit sequence (support/fakeElectronMain.ts).
vi.mock('electron', async () =>
  (await import('./support/fakeElectronMain')).fakeElectronMain(state),
);
// The app's discovery browser, without a multicast socket on the test machine's network.
vi.mock('../../src/discovery', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class LibraryBrowser extends Emitter {
    readonly libraries = [];
    start() {}
    refresh() {}
    stop = async () => {};
  }
  return { LibraryBrowser };
});
vi.mock('../../src/main/decoderWorkerPath', () => ({ default: '/app/out/main/decoderWorker.js' }));
vi.mock('../../src/appServices', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    createAppServices: async () => {
      state.services = {
        playback: new Emitter(),
        host: Object.assign(new Emitter(), {
          getState: () => ({ running: false, folder: null }),
          start: vi.fn(async () => ({ running: true })),
        }),
        settings: {
          load: async () => state.settings,
          onChange: (listener: (settings: unknown) => void) => {
            state.settingsListeners.push(listener);
            return () => {};
          },
        },
        bootstrap: async () => {},
        dispose: vi.fn(async () => {}),
      } as unknown as typeof state.services;
      return state.services;
    },
  };
});

/** Loads the main process entry and waits until its window is open. */
async function startMain(): Promise<FakeWindow> {
  vi.resetModules();
  await import('../../src/main/index');
  await vi.waitFor(() => expect(state.app.windows).toHaveLength(1));
  await vi.waitFor(() => expect(state.menu.length).toBeGreaterThan(0));
  return state.app.windows[0];
}

/** What the File ▸ Quit item does: its role calls app.quit(). */
function chooseQuitFromMenu(): void {
  const file = state.menu.find((item) => item.label === '&File')?.submenu;
  const quit = (file as MenuItemConstructorOptions[]).find((item) => item.role === 'quit');
  expect(quit).toBeDefined();
  state.app.quit();
}

describe('quitting saves the window state', () => {
  beforeEach(async () => {
    state.app = new FakeApp();
    state.app.userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-quit-'));
    state.menu = [];
    state.ipcMain = new FakeIpcMain();
  });
  afterEach(() => rm(state.app.userDataDir, { recursive: true, force: true }));

  it('writes the latest bounds before any window closes when Quit is chosen from the menu', async () => {
    const window = await startMain();
    window.bounds = { x: 120, y: 80, width: 1200, height: 760 }; // moved and resized
    chooseQuitFromMenu();
    await vi.waitFor(() => expect(state.app.exited).toBe(true));
    const latest = { x: 120, y: 80, width: 1200, height: 760, maximized: false };
    expect(state.app.onDisk.windowsClosing).toEqual(latest); // saved in the before-quit path
    expect(state.app.onDisk.exit).toEqual(latest);
    expect(state.services.dispose).toHaveBeenCalledTimes(1);
  });

  it('restores saved bounds, without a place on a screen that is gone', async () => {
    await writeFile(
      join(state.app.userDataDir, 'window-state.json'),
      JSON.stringify({ x: 3000, y: 100, width: 1800, height: 700, maximized: false }),
    );
    const window = await startMain();
    expect(window.options).toMatchObject({ width: 1440, height: 700 });
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
    state.app.quit();
    await vi.waitFor(() => expect(state.app.exited).toBe(true));
  });
});

describe('hosting from the page', () => {
  beforeEach(async () => {
    state.app = new FakeApp();
    state.app.userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-start-'));
    state.menu = [];
    state.ipcMain = new FakeIpcMain();
  });
  afterEach(() => rm(state.app.userDataDir, { recursive: true, force: true }));

  it('may host the bundled music and what was hosted when the app last ran, nothing else', async () => {
    await writeFile(
      join(state.app.userDataDir, 'hosting.json'),
      JSON.stringify({ folder: '/srv/last time', port: 8080, shareOnLan: true }),
    );
    const window = await startMain();
    const startHost = (folder: string) =>
      state.ipcMain.invoke(window.webContents, IpcInvoke.startHost, {
        folder,
        port: 0,
        shareOnLan: true,
      });
    await startHost('/srv/last time');
    await startHost(join('/app', 'music'));
    await expect(startHost('/etc')).rejects.toThrow(
      'Choose the folder with the folder picker first',
    );
    expect(state.services.host.start).toHaveBeenCalledTimes(2);
    state.app.quit();
    await vi.waitFor(() => expect(state.app.exited).toBe(true));
  });
});

describe('the tray, keep playing in the tray, notifications, no sleep while playing', () => {
  beforeEach(async () => {
    state.app = new FakeApp();
    state.app.userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-tray-'));
    state.menu = [];
    state.ipcMain = new FakeIpcMain();
    state.trays = [];
    state.blocker = { started: [], stopped: [] };
    state.notifications = [];
    state.settings = { keepPlayingInTray: false, notifyOnNewSong: false };
    state.settingsListeners = [];
  });
  afterEach(() => rm(state.app.userDataDir, { recursive: true, force: true }));

  const playing = { status: 'playing', songId: 2, title: 'Night Ferry', artist: 'Band' };
  const click = (label: string) =>
    (state.trays[0].menu.find((item) => item.label === label)?.click as () => void)();

  it('follows what plays: tray text and menu, sleep blocked while playing, media keys', async () => {
    const window = await startMain();
    expect(state.trays).toHaveLength(1);
    expect(state.trays[0].tooltip).toBe('Tidewave');
    state.ipcMain.send(window.webContents, IpcSend.reportPlaying, playing);
    expect(state.trays[0].tooltip).toBe('Tidewave: Night Ferry — Band');
    expect(state.blocker.started).toEqual(['prevent-app-suspension']);
    click('Pause');
    click('Next');
    expect(window.webContents.sent).toEqual([
      [IpcEvent.onMediaKey, 'play-pause'],
      [IpcEvent.onMediaKey, 'next'],
    ]);
    state.ipcMain.send(window.webContents, IpcSend.reportPlaying, { ...playing, status: 'paused' });
    expect(state.blocker.stopped).toEqual([1]);
    expect(state.trays[0].menu.some((item) => item.label === 'Play')).toBe(true);
    // Not the app window, or not a valid report: nothing changes.
    state.ipcMain.send(new EventEmitter(), IpcSend.reportPlaying, playing);
    state.ipcMain.send(window.webContents, IpcSend.reportPlaying, { ...playing, status: 'loud' });
    expect(state.blocker.started).toHaveLength(1);
    // Off by default: no notification.
    expect(state.notifications).toEqual([]);

    state.ipcMain.send(window.webContents, IpcSend.reportPlaying, playing);
    click('Quit Tidewave');
    await vi.waitFor(() => expect(state.app.exited).toBe(true));
    expect(state.blocker.stopped).toEqual([1, 2]); // released on quit
    expect(state.trays[0].destroyed).toBe(true);
  });

  it('with the settings on: the window closes to the tray, a new song is notified', async () => {
    const window = await startMain();
    const closing = () => {
      const event = preventable();
      window.emit('close', event);
      return event.defaultPrevented;
    };
    expect(closing()).toBe(false); // off by default: the window closes
    for (const listener of state.settingsListeners) {
      listener({ keepPlayingInTray: true, notifyOnNewSong: true });
    }
    state.ipcMain.send(window.webContents, IpcSend.reportPlaying, playing);
    expect(state.notifications).toEqual([{ title: 'Night Ferry', body: 'Band' }]);
    state.ipcMain.send(window.webContents, IpcSend.reportPlaying, playing);
    expect(state.notifications).toHaveLength(1); // the same song: once
    expect(closing()).toBe(true);
    expect(window.hidden).toBe(true);
    state.trays[0].emit('click'); // the tray brings the window back
    await vi.waitFor(() => expect(window.hidden).toBe(false));
    // Quit really closes it: the quit sequence's 'close' is not prevented.
    state.app.quit();
    await vi.waitFor(() => expect(state.app.exited).toBe(true));
  });
});
