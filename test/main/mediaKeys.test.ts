import { describe, expect, it, vi } from 'vitest';
import { registerMediaKeys } from '../../src/main/mediaKeys';
import type { MediaKey } from '../../src/shared/tidewaveApi';

vi.mock('electron', () => ({}));

function fakeShortcuts(taken: string[] = []) {
  const callbacks = new Map<string, () => void>();
  return {
    callbacks,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (taken.includes(accelerator)) return false;
      callbacks.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void callbacks.delete(accelerator)),
  };
}

describe('registerMediaKeys', () => {
  it('registers the four media keys and reports each press', () => {
    const shortcuts = fakeShortcuts();
    const pressed: MediaKey[] = [];
    registerMediaKeys(shortcuts, (key) => pressed.push(key));
    expect([...shortcuts.callbacks.keys()]).toEqual([
      'MediaPlayPause',
      'MediaNextTrack',
      'MediaPreviousTrack',
      'MediaStop',
    ]);
    for (const callback of shortcuts.callbacks.values()) callback();
    expect(pressed).toEqual(['play-pause', 'next', 'previous', 'stop']);
  });

  it('unregisters what it registered', () => {
    const shortcuts = fakeShortcuts();
    const release = registerMediaKeys(shortcuts, () => {});
    release();
    expect(shortcuts.unregister).toHaveBeenCalledTimes(4);
    expect(shortcuts.callbacks.size).toBe(0);
    release();
    expect(shortcuts.unregister).toHaveBeenCalledTimes(4);
  });

  it('skips a key another program holds, and says so', () => {
    const shortcuts = fakeShortcuts(['MediaStop']);
    const log = vi.fn();
    const release = registerMediaKeys(shortcuts, () => {}, log);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('MediaStop'));
    release();
    expect(shortcuts.unregister).not.toHaveBeenCalledWith('MediaStop');
  });
});
