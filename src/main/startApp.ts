import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  screen,
  Tray,
} from 'electron';
import { createAppServices } from '../appServices';
import { DEFAULT_BACKOFF } from '../player';
import { APP_ENTRY_URL, handleAppProtocol } from './appProtocol';
import { createAppTray } from './appTray';
import { AudioPortForwarder } from './audioPortForwarder';
import { hideOnClose } from './closeToTray';
import { startDesktopPresence } from './desktopPresence';
import decoderWorkerPath from './decoderWorkerPath';
import { fitToDisplays, type ScreenLayout } from './displayFit';
import { pickMusicFolder } from './folderPicker';
import { previouslyHostedFolder } from './hostableFolders';
import { registerIpcHandlers } from './ipcHandlers';
import { registerMediaKeys } from './mediaKeys';
import { createSharingSetup } from './sharingSetup';
import { buildMenuTemplate } from './menu';
import { builtPaths, bundledMusicDir, windowIconPath, type AppLayout } from './resourcePaths';
import { createMainWindow } from './window';
import { reconnectOnWake } from './wakeReconnect';
import { WindowStateFile } from './windowState';

export interface RunningApp {
  /** Focuses the window, opening a new one if there is none (second instance, macOS dock). */
  showWindow(): Promise<void>;
  /** Says goodbye to the server, stops hosting, ends the decoder, releases the media keys. */
  dispose(): Promise<void>;
  /** The app is quitting: a window closed now really closes (not to the tray). */
  quitting(): void;
}

/** Everything after `app.whenReady()`: services, protocol, window, IPC, menu, media keys. */
export async function startApp(): Promise<RunningApp> {
  const mainDir = dirname(fileURLToPath(import.meta.url));
  const paths = builtPaths(mainDir);
  const layout: AppLayout = {
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  };
  const isDev = !app.isPackaged;
  handleAppProtocol(protocol, (url) => net.fetch(url), paths.rendererDir);

  const userDataDir = app.getPath('userData');
  const hostedBefore = await previouslyHostedFolder(userDataDir); // before bootstrap rewrites it
  const sharingSetup = createSharingSetup((message) => console.warn(`[sharing] ${message}`));
  const services = await createAppServices({
    userDataDir,
    bundledMusicDir: bundledMusicDir(layout),
    decoderWorkerPath,
    playback: {
      log: (message) => console.log(`[client] ${message}`),
      reconnect: DEFAULT_BACKOFF, // a lost server is retried and the song resumed (issue 10)
      clientName: hostname(), // the host's listeners table shows it (PROTOCOL §18)
      ...sharingSetup.playback,
    },
    host: { log: (line) => console.log(`[server] ${line}`), ...sharingSetup.host },
  });
  const sharing = sharingSetup.start(services); // discovery and access codes (issue 13)
  const windowState = new WindowStateFile(join(userDataDir, 'window-state.json'), (message) =>
    console.warn(`[window] ${message}`),
  );
  const audio = new AudioPortForwarder(services.playback);
  let window: BrowserWindow | null = null;
  let showWindow: () => Promise<void> = async () => {};
  const trayIcon = nativeImage.createFromPath(windowIconPath(layout)).resize({ width: 22 });
  const desktop = startDesktopPresence({
    tray: createAppTray(
      { Tray, Menu },
      trayIcon,
      {
        mediaKey: (key) => ipc.sendMediaKey(key),
        showWindow: () => void showWindow(),
        quit: () => app.quit(),
      },
      (m) => console.warn(`[tray] ${m}`),
    ),
    powerSaveBlocker,
    Notification,
    settings: services.settings,
    isWindowFocused: () => window?.isFocused() === true,
    log: (m) => console.warn(`[desktop] ${m}`),
  });
  const ipc = registerIpcHandlers(ipcMain, services, () => window, {
    pickFolder: pickMusicFolder,
    hostableFolders: [bundledMusicDir(layout), hostedBefore],
    log: (message) => console.warn(`[ipc] ${message}`),
    onPlaying: (report) => desktop.report(report),
    sharing,
  });

  const openWindow = async () => {
    const devUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
    const saved = await windowState.load();
    const created = createMainWindow({
      preload: paths.preload,
      url: devUrl ?? APP_ENTRY_URL,
      icon: windowIconPath(layout),
      bounds: saved && fitToDisplays(saved, currentScreens()),
    });
    windowState.track(created);
    hideOnClose(created, () => desktop.closeAction()); // keep playing in the tray (a setting)
    audio.attach(created.webContents);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  };

  const hostLibrary = async () => {
    const folder = await pickMusicFolder(window);
    if (!folder) return;
    ipc.allowHostFolder(folder); // the page may retry it if this start fails
    const { port, shareOnLan } = services.host.getState();
    const request = { folder, port: port ?? (await services.settings.load()).port, shareOnLan };
    await services.host.start(request).catch(() => undefined); // shown in the host state
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        { hostLibrary: () => void hostLibrary(), mediaKey: (key) => ipc.sendMediaKey(key) },
        { isDev, isMac: process.platform === 'darwin' },
      ),
    ),
  );
  const releaseMediaKeys = registerMediaKeys(
    globalShortcut,
    (key) => ipc.sendMediaKey(key),
    (m) => console.warn(m),
  );

  const releaseWake = reconnectOnWake(powerMonitor, services.playback, (m) => console.log(m));

  await openWindow();
  void services.bootstrap();

  showWindow = async () => {
    if (!window) await openWindow();
    if (window?.isMinimized()) window.restore();
    if (window && !window.isVisible()) window.show(); // hidden in the tray
    window?.focus();
  };

  return {
    showWindow: () => showWindow(),
    quitting: () => desktop.quitting(),
    async dispose() {
      windowState.save(); // now, while the window still exists: the process exits soon after
      releaseMediaKeys();
      releaseWake();
      desktop.dispose();
      ipc.dispose();
      audio.dispose();
      await sharingSetup.dispose();
      await services.dispose();
    },
  };
}

function currentScreens(): ScreenLayout {
  return {
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    primary: screen.getPrimaryDisplay().workArea,
  };
}
