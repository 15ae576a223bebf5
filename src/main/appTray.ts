import type { Menu, NativeImage, Tray } from 'electron';
import type { PlayingReport } from '../shared/tidewaveApi';
import { trayMenuTemplate, trayTooltip, type TrayActions } from './trayMenu';

/** What this needs of Electron: the Tray class and Menu.buildFromTemplate. */
export interface TrayElectron {
  Tray: new (image: NativeImage) => Pick<Tray, 'on' | 'setToolTip' | 'setContextMenu' | 'destroy'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
}

export interface AppTray {
  /** Shows what plays: the hover text and the menu's play/pause item. */
  update(report: PlayingReport): void;
  destroy(): void;
}

/**
 * The tray icon: a click shows the window, its menu plays/pauses, skips and quits. Null when
 * the desktop has no tray (some Linux desktops): everything else works without it.
 */
export function createAppTray(
  electron: TrayElectron,
  icon: NativeImage,
  actions: TrayActions,
  log: (message: string) => void = () => {},
): AppTray | null {
  let tray: ReturnType<typeof createTray>;
  const createTray = () => new electron.Tray(icon);
  try {
    tray = createTray();
  } catch (error) {
    log(`No tray icon: ${String(error)}`);
    return null;
  }
  tray.on('click', () => actions.showWindow());
  const update = (report: PlayingReport) => {
    tray.setToolTip(trayTooltip(report));
    tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenuTemplate(report, actions)));
  };
  update({ status: 'idle', songId: null, title: null, artist: null });
  return { update, destroy: () => tray.destroy() };
}
