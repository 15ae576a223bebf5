import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const created: unknown[] = [];
  class BrowserWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), {
      windowOpenHandler: null as null | ((details: { url: string }) => unknown),
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        this.windowOpenHandler = handler;
      },
      session: {
        requestHandler: null as unknown,
        checkHandler: null as unknown,
        setPermissionRequestHandler(handler: unknown) {
          this.requestHandler = handler;
        },
        setPermissionCheckHandler(handler: unknown) {
          this.checkHandler = handler;
        },
      },
    });
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      created.push(this);
    }
  }
  return { BrowserWindow, nativeTheme: { shouldUseDarkColors: true }, created };
});

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

/** A sample of what a page can ask Chromium for; the app uses none of them. */
const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'openExternal',
  'pointerLock',
  'idle-detection',
  'speaker-selection',
  'storage-access',
  'unknown',
];

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  webContents: EventEmitter & {
    windowOpenHandler: null | ((details: { url: string }) => unknown);
    session: {
      requestHandler: null | PermissionRequestHandler;
      checkHandler: null | ((webContents: unknown, permission: string) => boolean);
    };
  };
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  maximize: ReturnType<typeof vi.fn>;
}

const electron = (await import('electron')) as unknown as { created: FakeWindow[] };
const { createMainWindow } = await import('../../src/main/window');

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.created.length = 0;
  });

  function open(bounds: Parameters<typeof createMainWindow>[0]['bounds'] = null) {
    createMainWindow({
      preload: '/app/out/preload/index.cjs',
      url: 'app://renderer/index.html',
      icon: '/nonexistent/icon.png',
      bounds,
    });
    return electron.created[0];
  }

  it('isolates and sandboxes the page, with no Node integration', () => {
    const { options } = open();
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('has the planned size, title and a background that follows the theme', () => {
    const { options } = open();
    expect(options).toMatchObject({
      width: 1100,
      height: 720,
      minWidth: 760,
      minHeight: 520,
      title: 'Tidewave',
      show: false,
      backgroundColor: '#0f1319',
    });
    expect(options.icon).toBeUndefined(); // a missing icon file is not passed on
  });

  it('loads the app URL and shows the window once it is ready', () => {
    const window = open();
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('denies window.open and every navigation', () => {
    const { webContents } = open();
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      webContents.emit(event, { preventDefault }, 'https://example.com');
      expect(preventDefault, event).toHaveBeenCalled();
    }
  });

  it('refuses every permission request the app does not use', () => {
    const { requestHandler } = open().webContents.session;
    expect(requestHandler, 'a permission request handler').toBeTypeOf('function');
    for (const permission of PERMISSIONS) {
      const callback = vi.fn();
      requestHandler?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with "denied"', () => {
    const { checkHandler } = open().webContents.session;
    expect(checkHandler, 'a permission check handler').toBeTypeOf('function');
    for (const permission of PERMISSIONS)
      expect(checkHandler?.({}, permission), permission).toBe(false);
  });

  it('restores saved bounds', () => {
    const window = open({ x: 10, y: 20, width: 900, height: 600, maximized: true });
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 900, height: 600 });
    expect(window.maximize).toHaveBeenCalled();
  });
});
