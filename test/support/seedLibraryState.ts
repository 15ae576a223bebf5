import { linkSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeLibraryState } from '../../src/library/libraryState';
import { readSongMetadata } from '../../src/library/readSongMetadata';
import { ScanCache } from '../../src/library/scanCache';
import { rowFromReading, type ScanCacheRow } from '../../src/library/scanCacheRow';
import { SongIdTable } from '../../src/library/songIdTable';

export interface LinkedFile {
  relativePath: string;
  /** Index into the sources. */
  source: number;
}

/**
 * Hard links (fast to make: no bytes copied) of `sources`, `perFolder` to a folder named by
 * `folderName(index)`, for files `first` to `first + count - 1`; makes the folders.
 */
export function linkSongs(
  music: string,
  sources: readonly string[],
  { first = 0, count, perFolder, folderName }: LinkPlan,
): LinkedFile[] {
  const made: LinkedFile[] = [];
  for (let i = first; i < first + count; i++) {
    const folder = folderName(Math.floor(i / perFolder));
    if (i === first || i % perFolder === 0)
      mkdirSync(path.join(music, folder), { recursive: true });
    const relativePath = `${folder}/${i % perFolder} Song.mp3`;
    const source = i % sources.length;
    linkSync(sources[source], path.join(music, relativePath));
    made.push({ relativePath, source });
  }
  return made;
}

export interface LinkPlan {
  first?: number;
  count: number;
  perFolder: number;
  folderName: (folderIndex: number) => string;
}

/**
 * Saves the library state a scan of these linked files would leave (ids in path order), reading
 * each source once: a link has its source's size, mtime and tags. A later scan then finds them
 * all in its cache, as after a restart, without the minutes a first scan of 20,000 files takes.
 */
export async function seedLibraryState(
  stateDir: string,
  music: string,
  sources: readonly string[],
  files: readonly LinkedFile[],
): Promise<void> {
  const readings = await Promise.all(
    sources.map(async (absolutePath) => ({
      reading: await readSongMetadata({
        relativePath: '',
        absolutePath,
        realPath: absolutePath,
        format: 'mp3',
      }),
      stats: statSync(absolutePath),
    })),
  );
  const rows = new Map<string, ScanCacheRow>();
  for (const { relativePath, source } of [...files].sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : 1,
  )) {
    const { reading, stats } = readings[source];
    rows.set(relativePath, rowFromReading(relativePath, reading, stats.size, stats.mtimeMs));
  }
  const ids = new SongIdTable();
  ids.assign([...rows.keys()]);
  await writeLibraryState(stateDir, path.resolve(music), ids, new ScanCache(rows));
}
