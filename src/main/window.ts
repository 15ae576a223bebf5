import { existsSync } from 'node:fs';
import { BrowserWindow, nativeTheme } from 'electron';
import { denyUnusedPermissions } from './permissions';
import type { WindowBounds } from './windowState';

export interface MainWindowOptions {
  /** The built preload (out/preload/index.cjs). */
  preload: string;
  /** app://renderer/index.html, or the electron-vite dev server in development. */
  url: string;
  icon?: string;
  bounds?: WindowBounds | null;
}

/** The renderer's own page background (styles.css --bg), so no white flash before it paints. */
const BACKGROUND = { dark: '#0f1319', light: '#f4f6f9' };

/**
 * The one app window: isolated, sandboxed, no Node in the page, and it never navigates away or
 * opens other windows; every permission it does not use is denied. Shown once its first frame
 * is ready.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { bounds } = options;
  const window = new BrowserWindow({
    width: bounds?.width ?? 1100,
    height: bounds?.height ?? 720,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 760,
    minHeight: 520,
    title: 'Tidewave',
    icon: options.icon && existsSync(options.icon) ? options.icon : undefined,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (bounds?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const { webContents } = window;
  denyUnusedPermissions(webContents.session);
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (event) => event.preventDefault());
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(options.url);
  return window;
}
