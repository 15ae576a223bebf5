import { rm } from 'node:fs/promises';
import { libraryStatePaths, readStateFile, writeStateFile } from './libraryStateFiles';
import { parseScanCache, ScanCache } from './scanCache';
import { isCacheRow, rowFromEntry, type ScanCacheRow } from './scanCacheRow';
import { parseSongIdTable, SongIdTable } from './songIdTable';

/**
 * The saved state's format. Version 1 was two keyed JSON objects (`*.ids.json`, `*.scan.json`);
 * version 2 is one file of flat rows (`*.state.json`, ScanCacheRow), read with one parse.
 */
export const STATE_VERSION = 2;

export interface LibraryState {
  ids: SongIdTable;
  cache: ScanCache;
  /** False when read from version 1 (or partly corrupt): the next scan saves version 2. */
  current: boolean;
}

interface SavedState {
  version: typeof STATE_VERSION;
  nextId: number;
  /** [relativePath, id] alone when the file's reading was not cached. */
  rows: (ScanCacheRow | [string, number])[];
}

/**
 * The saved id table and scan cache of `folder`, or null when there is none. A version 1 pair is
 * migrated (ids kept); a corrupt file is logged and treated as missing; a row whose reading is
 * malformed keeps its id and is read again.
 */
export async function readLibraryState(
  stateDir: string,
  folder: string,
  log: (line: string) => void,
): Promise<LibraryState | null> {
  const files = libraryStatePaths(stateDir, folder);
  const saved = await readStateFile(files.state, parseSavedState, log);
  if (saved) return saved;
  const ids = await readStateFile(files.ids, parseSongIdTable, log);
  if (ids === null) return null;
  const entries = (await readStateFile(files.cache, parseScanCache, log)) ?? {};
  const rows = new Map<string, ScanCacheRow>();
  for (const [relativePath, entry] of Object.entries(entries)) {
    const row = rowFromEntry(relativePath, entry);
    if (isCacheRow(row)) rows.set(relativePath, row);
  }
  return { ids: new SongIdTable(ids), cache: new ScanCache(rows), current: false };
}

/** Saves the state as version 2, then removes a version 1 pair (so it is never read again). */
export async function writeLibraryState(
  stateDir: string,
  folder: string,
  ids: SongIdTable,
  cache: ScanCache,
): Promise<void> {
  const files = libraryStatePaths(stateDir, folder);
  const rows: SavedState['rows'] = [];
  for (const [relativePath, id] of ids.entries()) {
    const row = cache.get(relativePath);
    if (row) row[1] = id;
    rows.push(row ?? [relativePath, id]);
  }
  const state: SavedState = { version: STATE_VERSION, nextId: ids.nextFreeId, rows };
  await writeStateFile(files.state, state);
  await Promise.all([rm(files.ids, { force: true }), rm(files.cache, { force: true })]);
}

/** A version 2 state if well formed (ids unique, each below nextId), otherwise null. */
export function parseSavedState(value: unknown): LibraryState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { version, nextId, rows } = value as Partial<SavedState>;
  if (version !== STATE_VERSION || !isCount(nextId) || !Array.isArray(rows)) return null;
  const ids = new Map<string, number>();
  const seen = new Set<number>();
  const cached = new Map<string, ScanCacheRow>();
  let current = true;
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row)) return null;
    const [relativePath, id] = row as unknown[];
    if (typeof relativePath !== 'string' || ids.has(relativePath)) return null;
    if (!isCount(id) || id >= nextId || seen.has(id)) return null;
    ids.set(relativePath, id);
    seen.add(id);
    if (isCacheRow(row)) cached.set(relativePath, row);
    else current = false;
  }
  return { ids: SongIdTable.fromMap(nextId, ids), cache: new ScanCache(cached), current };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
