import { join } from 'node:path';

/** Where the app runs from: Electron's `app.isPackaged`, `app.getAppPath()`, `process.resourcesPath`. */
export interface AppLayout {
  isPackaged: boolean;
  /** The project folder in development; resources/app.asar when packaged. */
  appPath: string;
  resourcesPath: string;
}

/**
 * The bundled music library: `<repo>/music` in development, `resources/music` beside app.asar
 * when packaged (electron-builder's extraResources copies it there).
 */
export function bundledMusicDir(layout: AppLayout): string {
  return layout.isPackaged ? join(layout.resourcesPath, 'music') : join(layout.appPath, 'music');
}

/** The window icon: the repo's resources/icon.png, or a copy beside app.asar when packaged. */
export function windowIconPath(layout: AppLayout): string {
  return layout.isPackaged
    ? join(layout.resourcesPath, 'icon.png')
    : join(layout.appPath, 'resources', 'icon.png');
}

/** Built files sit side by side: out/main (this code), out/preload, out/renderer. */
export function builtPaths(mainDir: string): { preload: string; rendererDir: string } {
  return {
    // A sandboxed preload must be CommonJS, hence .cjs (see electron.vite.config.ts).
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
  };
}
