import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

/** Asks for a music folder; resolves to its absolute path, or null when cancelled. */
export async function pickMusicFolder(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Choose a Music Folder to Host',
    buttonLabel: 'Host This Folder',
    properties: ['openDirectory'],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
