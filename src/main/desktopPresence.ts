import type { PowerSaveBlocker } from 'electron';
import type { PlayingReport, Settings } from '../shared/tidewaveApi';
import type { AppTray } from './appTray';
import { closeAction } from './closeToTray';
import { SleepBlocker } from './sleepBlocker';
import { SongNotifier, type NotificationClass } from './songNotifier';

/** The settings this follows; `onChange` reports each saved change. */
export interface DesktopSettings {
  load(): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

export interface DesktopPresenceOptions {
  tray: AppTray | null;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>;
  Notification: NotificationClass;
  settings: DesktopSettings;
  isWindowFocused(): boolean;
  log?: (message: string) => void;
}

export interface DesktopPresence {
  /** The renderer's `reportPlaying`: tray, notification and sleep blocker follow it. */
  report(report: PlayingReport): void;
  /** What closing the window does now (see closeAction). */
  closeAction(): 'hide' | 'close';
  /** The app is quitting: the window closes for real from now on. */
  quitting(): void;
  dispose(): void;
}

/**
 * The app's place on the desktop besides its window (issue 10): the tray, "keep playing in the
 * tray when the window closes", a notification on a new song (both settings, off by default),
 * and no system sleep while playing. Each part decides in a pure function (trayMenu,
 * songNotifier, closeToTray, sleepBlocker); this only routes reports and settings to them.
 */
export function startDesktopPresence(options: DesktopPresenceOptions): DesktopPresence {
  const { tray, settings } = options;
  const sleep = new SleepBlocker(options.powerSaveBlocker);
  const notifier = new SongNotifier(options.Notification);
  let prefs = { keepPlayingInTray: false, notifyOnNewSong: false };
  let isQuitting = false;
  const apply = (saved: Settings) => {
    prefs = {
      keepPlayingInTray: saved.keepPlayingInTray === true,
      notifyOnNewSong: saved.notifyOnNewSong === true,
    };
  };
  settings.load().then(apply, (error: unknown) => options.log?.(`Settings: ${String(error)}`));
  const stopFollowing = settings.onChange(apply);

  return {
    report(report) {
      sleep.update(report.status);
      tray?.update(report);
      notifier.update(report, {
        enabled: prefs.notifyOnNewSong,
        windowFocused: options.isWindowFocused(),
      });
    },
    closeAction: () =>
      closeAction({
        keepPlayingInTray: prefs.keepPlayingInTray,
        hasTray: tray !== null,
        quitting: isQuitting,
      }),
    quitting() {
      isQuitting = true;
    },
    dispose() {
      stopFollowing();
      sleep.dispose();
      tray?.destroy();
    },
  };
}
