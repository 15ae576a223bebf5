import type { MenuItemConstructorOptions } from 'electron';
import type { MediaKey, PlayingReport } from '../shared/tidewaveApi';

export interface TrayActions {
  mediaKey(key: MediaKey): void;
  showWindow(): void;
  quit(): void;
}

/** The tray's hover text: the song that plays (or is paused), else the app's name. */
export function trayTooltip(report: PlayingReport): string {
  if (report.status === 'idle' || report.title === null) return 'Tidewave';
  const song = report.artist ? `${report.title} — ${report.artist}` : report.title;
  return report.status === 'paused' ? `Tidewave (paused): ${song}` : `Tidewave: ${song}`;
}

/**
 * The tray icon's menu: what plays, play/pause (named for what it will do), next, previous,
 * the window, quit. Playback items act like the media keys (the renderer decides).
 */
export function trayMenuTemplate(
  report: PlayingReport,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const nowPlaying: MenuItemConstructorOptions[] =
    report.title === null || report.status === 'idle'
      ? []
      : [{ label: trayTooltip(report).replace(/^Tidewave(?: \(paused\))?: /, ''), enabled: false }];
  return [
    ...nowPlaying,
    {
      label: report.status === 'playing' ? 'Pause' : 'Play',
      click: () => actions.mediaKey('play-pause'),
    },
    { label: 'Next', click: () => actions.mediaKey('next') },
    { label: 'Previous', click: () => actions.mediaKey('previous') },
    { type: 'separator' },
    { label: 'Show Tidewave', click: () => actions.showWindow() },
    { label: 'Quit Tidewave', click: () => actions.quit() },
  ];
}
