import type { MenuItemConstructorOptions } from 'electron';
import type { MediaKey } from '../shared/tidewaveApi';

export interface MenuActions {
  hostLibrary(): void;
  mediaKey(key: MediaKey): void;
}

/**
 * The application menu. Playback items act like the media keys (the renderer decides what they
 * mean); they carry no accelerators, so the page's own keyboard shortcuts keep their keys.
 * Reload and developer tools only in development.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  options: { isDev: boolean; isMac: boolean },
): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        {
          label: 'Host a Library…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.hostLibrary(),
        },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Playback',
      submenu: [
        { label: 'Play/Pause', click: () => actions.mediaKey('play-pause') },
        { label: 'Next', click: () => actions.mediaKey('next') },
        { label: 'Previous', click: () => actions.mediaKey('previous') },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(options.isDev
          ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ role: 'about' }],
    },
  );
  return template;
}
