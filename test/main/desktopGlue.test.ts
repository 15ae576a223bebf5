import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createAppTray, type TrayElectron } from '../../src/main/appTray';
import { closeAction, hideOnClose } from '../../src/main/closeToTray';
import { startDesktopPresence } from '../../src/main/desktopPresence';
import { SleepBlocker } from '../../src/main/sleepBlocker';
import { noticeFor, SongNotifier, type NotificationClass } from '../../src/main/songNotifier';
import { trayMenuTemplate, trayTooltip } from '../../src/main/trayMenu';
import { AppSettings } from '../../src/settings';
import type { PlayingReport } from '../../src/shared/tidewaveApi';

vi.mock('electron', () => ({}));

const idle: PlayingReport = { status: 'idle', songId: null, title: null, artist: null };
const playing = (songId: number, title = `Song ${songId}`): PlayingReport => ({
  status: 'playing',
  songId,
  title,
  artist: null,
});
const actions = () => ({ mediaKey: vi.fn(), showWindow: vi.fn(), quit: vi.fn() });

describe('the tray menu', () => {
  it('names the song, and Play or Pause for what the click will do', () => {
    expect(trayTooltip(idle)).toBe('Tidewave');
    expect(trayTooltip(playing(1, 'Glass Tide'))).toBe('Tidewave: Glass Tide');
    expect(trayTooltip({ ...playing(1, 'Glass Tide'), status: 'paused', artist: 'Band' })).toBe(
      'Tidewave (paused): Glass Tide — Band',
    );
    const labels = (report: PlayingReport) =>
      trayMenuTemplate(report, actions()).map((item) => item.label ?? item.type);
    expect(labels(idle)).toEqual([
      'Play',
      'Next',
      'Previous',
      'separator',
      'Show Tidewave',
      'Quit Tidewave',
    ]);
    expect(labels(playing(1, 'Glass Tide')).slice(0, 2)).toEqual(['Glass Tide', 'Pause']);
  });

  it('is left out when the desktop has no tray', () => {
    const log = vi.fn();
    const electron = {
      Tray: class {
        constructor() {
          throw new Error('no status notifier');
        }
      },
      Menu: { buildFromTemplate: vi.fn() },
    } as unknown as TrayElectron;
    expect(createAppTray(electron, {} as NativeImage, actions(), log)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no status notifier'));
  });
});

describe('notifications', () => {
  const on = { enabled: true, windowFocused: false };
  it('only for a new song that plays, with the setting on and the window not in front', () => {
    expect(noticeFor(null, playing(1, 'A'), on)).toEqual({ title: 'A', body: 'Unknown artist' });
    expect(noticeFor(playing(1), playing(2, 'B'), on)?.title).toBe('B');
    expect(noticeFor(playing(1), playing(1), on)).toBeNull();
    expect(noticeFor({ ...playing(1), status: 'paused' }, playing(1), on)).toBeNull(); // resumed
    expect(noticeFor({ ...playing(1), status: 'idle' }, playing(1), on)).not.toBeNull(); // again
    expect(noticeFor(null, playing(1), { ...on, enabled: false })).toBeNull();
    expect(noticeFor(null, playing(1), { ...on, windowFocused: true })).toBeNull();
    expect(noticeFor(null, { ...playing(1), status: 'paused' }, on)).toBeNull();
  });

  it('shows nothing where the system has no notifications', () => {
    const shown = vi.fn();
    const Unsupported = class {
      static isSupported = () => false;
      show = shown;
    } as unknown as NotificationClass;
    expect(new SongNotifier(Unsupported).update(playing(1), on)).toBe(false);
    expect(shown).not.toHaveBeenCalled();
  });
});

describe('no sleep while playing', () => {
  it('starts one blocker on play and stops it on pause, stop and dispose', () => {
    let next = 7;
    const blocker = { start: vi.fn(() => next++), stop: vi.fn() };
    const sleep = new SleepBlocker(blocker);
    sleep.update('playing');
    sleep.update('playing');
    expect(blocker.start).toHaveBeenCalledTimes(1);
    expect(blocker.start).toHaveBeenCalledWith('prevent-app-suspension');
    sleep.update('paused');
    expect(blocker.stop).toHaveBeenCalledWith(7);
    expect(sleep.blocking).toBe(false);
    sleep.update('playing');
    sleep.dispose();
    expect(blocker.stop).toHaveBeenLastCalledWith(8);
    expect(sleep.blocking).toBe(false);
  });
});

describe('keep playing in the tray', () => {
  it('hides instead of closing only with the setting, a tray, and no quit under way', () => {
    const base = { keepPlayingInTray: true, hasTray: true, quitting: false };
    expect(closeAction(base)).toBe('hide');
    expect(closeAction({ ...base, keepPlayingInTray: false })).toBe('close');
    expect(closeAction({ ...base, hasTray: false })).toBe('close');
    expect(closeAction({ ...base, quitting: true })).toBe('close');
    const window = Object.assign(new EventEmitter(), { hide: vi.fn() });
    let decision: 'hide' | 'close' = 'hide';
    hideOnClose(window, () => decision);
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(window.hide).toHaveBeenCalledTimes(1);
    decision = 'close';
    window.emit('close', event);
    expect(window.hide).toHaveBeenCalledTimes(1);
  });

  it('follows the saved settings file as it changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidewave-desktop-'));
    try {
      const settings = new AppSettings(join(dir, 'settings.json'));
      const presence = startDesktopPresence({
        tray: { update: vi.fn(), destroy: vi.fn() },
        powerSaveBlocker: { start: vi.fn(() => 1), stop: vi.fn() },
        Notification: class {} as unknown as NotificationClass,
        settings,
        isWindowFocused: () => false,
      });
      await vi.waitFor(() => expect(presence.closeAction()).toBe('close'));
      await settings.update({ keepPlayingInTray: true });
      expect(presence.closeAction()).toBe('hide');
      presence.quitting();
      expect(presence.closeAction()).toBe('close');
      presence.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
