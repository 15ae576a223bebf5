import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../src/main/menu';

vi.mock('electron', () => ({}));

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? item.role ?? item.type ?? '?');
}

function submenu(items: MenuItemConstructorOptions[], label: string) {
  return items.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[];
}

describe('application menu', () => {
  const actions = { hostLibrary: vi.fn(), mediaKey: vi.fn() };

  it('has File, Playback, View and Help menus', () => {
    const template = buildMenuTemplate(actions, { isDev: false, isMac: false });
    expect(labels(template)).toEqual(['&File', 'editMenu', '&Playback', '&View', '&Help']);
    expect(labels(submenu(template, '&File'))).toEqual(['Host a Library…', 'separator', 'quit']);
  });

  it('routes its items to the actions', () => {
    const template = buildMenuTemplate(actions, { isDev: false, isMac: false });
    submenu(template, '&File')[0].click?.(
      ...([] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>),
    );
    expect(actions.hostLibrary).toHaveBeenCalled();
    const playback = submenu(template, '&Playback');
    expect(labels(playback)).toEqual(['Play/Pause', 'Next', 'Previous']);
    for (const item of playback)
      item.click?.(
        ...([] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>),
      );
    expect(actions.mediaKey.mock.calls).toEqual([['play-pause'], ['next'], ['previous']]);
  });

  it('offers reload and developer tools in development only', () => {
    const production = labels(
      submenu(buildMenuTemplate(actions, { isDev: false, isMac: false }), '&View'),
    );
    const development = labels(
      submenu(buildMenuTemplate(actions, { isDev: true, isMac: false }), '&View'),
    );
    expect(production).not.toContain('reload');
    expect(production).not.toContain('toggleDevTools');
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('adds the app menu on macOS', () => {
    expect(labels(buildMenuTemplate(actions, { isDev: false, isMac: true }))[0]).toBe('appMenu');
  });
});
