import { LibraryCatalog } from './libraryCatalog';
import type { Library } from './libraryTypes';

/**
 * Lists the songs (MP3, FLAC, Ogg Vorbis, Opus and WAV files, recognised by their bytes) under
 * `folder`, recursively, with their tags, once. Ids are numbered from 0 in relative-path order;
 * to keep ids across rescans and restarts, scan with a LibraryCatalog.
 * @throws LibraryError when the folder is missing, not a folder, unreadable or has no songs.
 */
export async function scanLibrary(folder: string): Promise<Library> {
  return (await LibraryCatalog.open({ folder })).scan();
}
