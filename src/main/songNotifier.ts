import type { PlayingReport } from '../shared/tidewaveApi';

export interface SongNotice {
  title: string;
  body: string;
}

/**
 * The notification for a report, or null: only when the setting is on, a song starts playing
 * that was not the one before, and the window is not in front (it shows the song already).
 */
export function noticeFor(
  before: PlayingReport | null,
  now: PlayingReport,
  context: { enabled: boolean; windowFocused: boolean },
): SongNotice | null {
  if (!context.enabled || context.windowFocused) return null;
  if (now.status !== 'playing' || now.songId === null || now.title === null) return null;
  if (before && before.songId === now.songId && before.status !== 'idle') return null;
  return { title: now.title, body: now.artist ?? 'Unknown artist' };
}

/** What this needs of Electron's Notification class. */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent: boolean }): { show(): void };
}

/** Shows `noticeFor`'s notifications (silent: the music is the sound). */
export class SongNotifier {
  private before: PlayingReport | null = null;

  constructor(private readonly Notification: NotificationClass) {}

  update(now: PlayingReport, context: { enabled: boolean; windowFocused: boolean }): boolean {
    const notice = noticeFor(this.before, now, context);
    this.before = now;
    if (!notice || !this.Notification.isSupported()) return false;
    new this.Notification({ ...notice, silent: true }).show();
    return true;
  }
}
