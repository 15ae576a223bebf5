import { describe, expect, it } from 'vitest';
import { toggleMute } from '../lib/muteVolume';
import { shortcutFor, type KeyContext, type KeyPress } from './shortcutKeys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});
const idle: KeyContext = {
  typing: false,
  activatable: false,
  panelOpen: false,
  arrowsOwned: false,
};

describe('keyboard shortcuts', () => {
  it('maps the player keys outside text fields', () => {
    expect(shortcutFor(press(' '), idle)).toBe('toggle-play');
    expect(shortcutFor(press(' ', { shiftKey: true }), idle)).toBe('stop');
    expect(shortcutFor(press('ArrowLeft'), idle)).toBe('previous');
    expect(shortcutFor(press('ArrowRight'), idle)).toBe('next');
    expect(shortcutFor(press('m'), idle)).toBe('mute');
    expect(shortcutFor(press('M', { shiftKey: true }), idle)).toBe('mute');
    expect(shortcutFor(press('/'), idle)).toBe('focus-filter');
    expect(shortcutFor(press('x'), idle)).toBeNull();
  });

  it('leaves typing alone, except Ctrl/Cmd+F and Escape on an open panel', () => {
    const typing = { ...idle, typing: true };
    for (const key of [' ', 'm', '/', 'ArrowLeft'])
      expect(shortcutFor(press(key), typing)).toBeNull();
    expect(shortcutFor(press('f', { ctrlKey: true }), typing)).toBe('focus-filter');
    expect(shortcutFor(press('F', { metaKey: true }), typing)).toBe('focus-filter');
    expect(shortcutFor(press('Escape'), { ...typing, panelOpen: true })).toBe('close-panel');
    expect(shortcutFor(press('Escape'), idle)).toBeNull();
  });

  it('on a slider that moves by the arrows (the volume), the other keys are still shortcuts', () => {
    const slider = { ...idle, arrowsOwned: true };
    expect(shortcutFor(press('ArrowLeft'), slider)).toBeNull();
    expect(shortcutFor(press('ArrowRight'), slider)).toBeNull();
    expect(shortcutFor(press(' '), slider)).toBe('toggle-play');
    expect(shortcutFor(press('m'), slider)).toBe('mute');
    expect(shortcutFor(press('/'), slider)).toBe('focus-filter');
  });

  it('lets buttons take space, and modified keys pass through', () => {
    expect(shortcutFor(press(' '), { ...idle, activatable: true })).toBeNull();
    expect(shortcutFor(press('m', { ctrlKey: true }), idle)).toBeNull();
    expect(shortcutFor(press('ArrowRight', { altKey: true }), idle)).toBeNull();
  });
});

describe('mute', () => {
  it('remembers the level and comes back to it', () => {
    const muted = toggleMute(0.4, 1);
    expect(muted).toEqual({ volume: 0, remembered: 0.4 });
    expect(toggleMute(muted.volume, muted.remembered)).toEqual({ volume: 0.4, remembered: 0.4 });
  });

  it('unmutes a slider dragged to zero to full volume', () => {
    expect(toggleMute(0, 0).volume).toBe(1);
  });
});
