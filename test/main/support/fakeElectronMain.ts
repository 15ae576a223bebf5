import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';
import type { FakeIpcMain } from './fakeIpcMain';

/**
 * The real index.ts and startApp.ts on fake services and a mocked Electron whose `app.quit()` runs Electron's quit
 * sequence: 'before-quit' (which may be prevented), every window's 'close', 'will-quit', exit.
 * What is on disk at each step is read synchronously, as an exiting process would leave it.
 */
export class FakeApp extends EventEmitter {
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

export function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

export class FakeWindow extends EventEmitter {
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  private destroyed = false;
  readonly webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: () => {},
    session: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} },
    sent: [] as Array<[string, unknown]>,
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    },
    postMessage: () => {},
  });
  hidden = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width, height } = options as Record<string, number>;
    this.bounds = { x, y, width, height };
  }
  loadURL = async () => {};
  show() {
    this.hidden = false;
  }
  maximize() {}
  isMaximized = () => false;
  isMinimized = () => false;
  focus() {}
  hide() {
    this.hidden = true;
  }
  isVisible = () => !this.hidden;
  isFocused = () => false;
  getNormalBounds = () => this.bounds;
  isDestroyed = () => this.destroyed;
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

export const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };

/** Electron's Tray: records its hover text, menu and clicks. */
export class FakeTray extends EventEmitter {
  tooltip = '';
  menu: MenuItemConstructorOptions[] = [];
  destroyed = false;
  constructor() {
    super();
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: MenuItemConstructorOptions[]) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** What the test sets and reads; made with vi.hoisted in the test so it outlives resetModules. */
export interface FakeMainState {
  trays: FakeTray[];
  blocker: { started: string[]; stopped: number[] };
  notifications: Array<{ title: string; body: string }>;
  settings: Record<string, unknown>;
  settingsListeners: Array<(settings: unknown) => void>;
  app: FakeApp;
  menu: MenuItemConstructorOptions[];
  ipcMain: FakeIpcMain;
  services: {
    dispose: () => Promise<void>;
    host: { start: (request: unknown) => Promise<unknown> };
  };
}

/** The `electron` module as main sees it, over `state`. */
export function fakeElectronMain(state: FakeMainState): Record<string, unknown> {
  return {
    get app() {
      return state.app;
    },
    BrowserWindow: class extends FakeWindow {
      constructor(options: Record<string, unknown>) {
        super(options);
        state.app.windows.push(this);
      }
    },
    Tray: class extends FakeTray {
      constructor() {
        super();
        state.trays.push(this);
      }
    },
    Menu: {
      // The tray's menus are built here too: only the application menu is kept in state.menu.
      buildFromTemplate: (template: MenuItemConstructorOptions[]) =>
        template.some((item) => item.label === '&File') ? (state.menu = template) : template,
      setApplicationMenu: () => {},
    },
    nativeImage: { createFromPath: () => ({ resize: () => ({}) }) },
    Notification: class {
      static isSupported = () => true;
      constructor(private readonly options: { title: string; body: string }) {}
      show() {
        state.notifications.push({ title: this.options.title, body: this.options.body });
      }
    },
    powerSaveBlocker: {
      start: (type: string) => state.blocker.started.push(type),
      stop: (id: number) => void state.blocker.stopped.push(id),
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
  };
}
