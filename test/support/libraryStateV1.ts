import { readFile, rm, writeFile } from 'node:fs/promises';
import { libraryStatePaths } from '../../src/library/libraryStateFiles';
import type { ScanCacheRow } from '../../src/library/scanCacheRow';

/**
 * Rewrites a folder's saved library state in the first format (`*.ids.json` + `*.scan.json`, keyed
 * objects), as an older Tidewave left it, and removes the current file. With `covers: false` the
 * cache is one from before covers were located (no `cover`, no `sidecar`).
 */
export async function downgradeStateToV1(
  stateDir: string,
  folder: string,
  { covers }: { covers: boolean },
): Promise<{ ids: Record<string, number>; nextId: number }> {
  const files = libraryStatePaths(stateDir, folder);
  const saved = JSON.parse(await readFile(files.state, 'utf8')) as {
    nextId: number;
    rows: ScanCacheRow[];
  };
  const ids: Record<string, number> = {};
  const cache: Record<string, unknown> = {};
  for (const row of saved.rows) {
    const [relativePath, id, fileSize, mtimeMs, format, sizeBytes, title, artist, album] = row;
    ids[relativePath] = id;
    const x = row[14];
    const song = {
      format,
      sizeBytes,
      title,
      artist,
      album,
      durationSeconds: row[9],
      hasCover: (row[11] ?? row[12]) !== null,
      bitrate: row[10],
      ...(covers ? { cover: row[11] } : {}),
      ...(x
        ? {
            extras: {
              sampleRate: x[0],
              channels: x[1],
              trackNumber: x[2],
              discNumber: x[3],
              year: x[4],
              genre: x[5],
              albumArtist: x[6],
            },
          }
        : {}),
    };
    cache[relativePath] = {
      sizeBytes: fileSize,
      mtimeMs,
      format,
      song,
      warning: row[13],
      ...(covers ? { sidecar: row[12] } : {}),
    };
  }
  await writeFile(files.ids, JSON.stringify({ nextId: saved.nextId, ids }));
  await writeFile(files.cache, JSON.stringify(cache));
  await rm(files.state);
  return { ids, nextId: saved.nextId };
}
