import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The bundled songs' paths in song-id order (the server sorts by relative path too). */
export function bundledSongPaths(musicFolder: string): string[] {
  return readdirSync(musicFolder)
    .filter((name) => name.toLowerCase().endsWith('.mp3'))
    .sort()
    .map((name) => path.join(musicFolder, name));
}
