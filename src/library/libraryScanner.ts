import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findSongFiles } from './findSongFiles';
import { LibraryError, toLibraryError } from './libraryError';
import type { Library } from './libraryTypes';
import { mapWithConcurrency } from './mapWithConcurrency';
import { readSongMetadata } from './readSongMetadata';

/** Enough parallel reads to hide disk latency without opening hundreds of files at once. */
const METADATA_CONCURRENCY = 4;

/**
 * Lists the songs (MP3, FLAC, Ogg Vorbis, Opus and WAV files, recognised by their bytes) under
 * `folder`, recursively, with their tags.
 * Song ids are indexes in relative-path order, so they stay the same across restarts
 * as long as the folder's content does.
 * @throws LibraryError when the folder is missing, not a folder, unreadable or has no songs.
 */
export async function scanLibrary(folder: string): Promise<Library> {
  const root = path.resolve(folder);
  const rootStats = await stat(root).catch((error: unknown) => {
    throw toLibraryError(error, root);
  });
  if (!rootStats.isDirectory()) throw new LibraryError('ENOTDIR', root);

  const found = await findSongFiles(root);
  if (found.files.length === 0) throw new LibraryError('EMPTY', root);

  const results = await mapWithConcurrency(found.files, METADATA_CONCURRENCY, readSongMetadata);
  const songs = results.map(({ song }, id) => ({ id, ...song }));
  const metadataWarnings = results.flatMap(({ warning }) => (warning === null ? [] : [warning]));
  return { folder: root, songs, warnings: [...found.warnings, ...metadataWarnings] };
}
