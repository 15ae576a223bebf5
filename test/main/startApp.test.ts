import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcInvoke } from '../../src/shared/ipcChannels';
import { FakeIpcMain } from './support/fakeIpcMain';

/**
 * The real index.ts and startApp.ts on fake services and a mocked Electron whose `app.quit()` runs Electron's quit
 * sequence: 'before-quit' (which may be prevented), every window's 'close', 'will-quit', exit.
 * What is on disk at each step is read synchronously, as an exiting process would leave it.
 */
class FakeApp extends EventEmitter {
  userDataDir = '';
  readonly windows: FakeWindow[] = [];
  /** window-state.json as the windows start closing, and as the process exits. */
  readonly onDisk: { windowsClosing?: unknown; exit?: unknown } = {};
  exited = false;
  readonly isPackaged = false;
  readonly exit = vi.fn();
  requestSingleInstanceLock = () => true;
  whenReady = () => Promise.resolve();
  getAppPath = () => '/app';
  getPath = () => this.userDataDir;

  readonly quit = vi.fn(() => {
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.onDisk.windowsClosing = this.readWindowState();
    for (const window of this.windows.filter((w) => !w.isDestroyed())) {
      window.emit('close', preventable());
      window.destroy();
    }
    this.emit('will-quit', preventable());
    this.onDisk.exit = this.readWindowState();
    this.exited = true;
  });

  private readWindowState(): unknown {
    const path = join(this.userDataDir, 'window-state.json');
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  }
}

function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

class FakeWindow extends EventEmitter {
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  private destroyed = false;
  readonly webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: () => {},
    session: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} },
    send: () => {},
    postMessage: () => {},
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width, height } = options as Record<string, number>;
    this.bounds = { x, y, width, height };
    state.app.windows.push(this);
  }
  loadURL = async () => {};
  show() {}
  maximize() {}
  isMaximized = () => false;
  isMinimized = () => false;
  focus() {}
  getNormalBounds = () => this.bounds;
  isDestroyed = () => this.destroyed;
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };

const state = vi.hoisted(() => ({
  app: null as unknown as FakeApp,
  menu: [] as MenuItemConstructorOptions[],
  ipcMain: null as unknown as FakeIpcMain,
  services: null as unknown as {
    dispose: () => Promise<void>;
    host: { start: (request: unknown) => Promise<unknown> };
  },
}));

vi.mock('electron', () => ({
  get app() {
    return state.app;
  },
  BrowserWindow: FakeWindow,
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => (state.menu = template),
    setApplicationMenu: () => {},
  },
  globalShortcut: { register: () => true, unregister: () => {}, unregisterAll: () => {} },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
  get ipcMain() {
    return state.ipcMain;
  },
  net: { fetch: async () => new Response('') },
  powerMonitor: { on: () => {}, off: () => {} },
  screen: {
    getAllDisplays: () => [{ workArea: LAPTOP }],
    getPrimaryDisplay: () => ({ workArea: LAPTOP }),
  },
  nativeTheme: { shouldUseDarkColors: false },
  dialog: {},
  MessageChannelMain: class {},
  safeStorage: { isEncryptionAvailable: () => false },
}));
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
        settings: {},
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
