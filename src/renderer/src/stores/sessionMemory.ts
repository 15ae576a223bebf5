import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { SortKey, SortOrder } from '../components/songTable/tableSong';
import type { RepeatMode } from '../queue/playOrder';
import type { QueueEntry } from '../queue/queueList';

/** The song table's views (LibraryView), spelled here so this file needs no store. */
const VIEWS = ['songs', 'albums', 'artists'] as const;

/** What the queue store remembers across a restart (not history or the panel's state). */
export interface QueueMemory {
  upNext: QueueEntry[];
  shuffle: boolean;
  repeat: RepeatMode;
}

/** What the song table remembers across a restart (not the album or artist scope). */
export interface TableMemory {
  sort: SortOrder;
  view: (typeof VIEWS)[number];
}

const SORT_KEYS: readonly SortKey[] = [
  'id',
  'title',
  'artist',
  'album',
  'track',
  'duration',
  'format',
];
const REPEAT_MODES: readonly RepeatMode[] = ['off', 'all', 'one'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  values.some((v) => v === value);

function readEntry(value: unknown): QueueEntry | null {
  if (!isRecord(value) || !isCount(value.key) || !isCount(value.songId)) return null;
  return { key: value.key, songId: value.songId };
}

/** The stored queue state, or null when any part of it is not what the store wrote. */
export function readQueueMemory(value: unknown): QueueMemory | null {
  if (!isRecord(value) || !Array.isArray(value.upNext)) return null;
  if (typeof value.shuffle !== 'boolean' || !oneOf(REPEAT_MODES, value.repeat)) return null;
  const upNext = value.upNext.map(readEntry);
  if (!upNext.every((entry) => entry !== null)) return null;
  // Keys name entries (remove, reorder): a duplicate would make two rows one.
  if (new Set(upNext.map((entry) => entry.key)).size !== upNext.length) return null;
  return { upNext, shuffle: value.shuffle, repeat: value.repeat };
}

/** The stored song-table state, or null when it is not what the store wrote. */
export function readTableMemory(value: unknown): TableMemory | null {
  if (!isRecord(value) || !isRecord(value.sort) || !oneOf(VIEWS, value.view)) return null;
  const { key, direction } = value.sort;
  if (!oneOf(SORT_KEYS, key) || (direction !== 'ascending' && direction !== 'descending')) {
    return null;
  }
  return { sort: { key, direction }, view: value.view };
}

/** Parses what persist stored (`{ state, version }`); null for anything else. */
export function readPersisted<S>(
  json: string,
  read: (state: unknown) => S | null,
): StorageValue<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isCount(value.version ?? 0)) return null;
  const state = read(value.state);
  return state === null
    ? null
    : { state, version: typeof value.version === 'number' ? value.version : 0 };
}

/** The page's localStorage, absent outside a browser (unit tests stub it). */
const pageStorage = (): Storage | null =>
  typeof localStorage === 'undefined' ? null : localStorage;

/**
 * A persist storage over localStorage that hands back only valid state: a corrupt value is
 * ignored with a warning, so the store keeps its defaults instead of failing to start.
 */
export function sessionStorageFor<S>(read: (state: unknown) => S | null): PersistStorage<S> {
  return {
    getItem(name) {
      const raw = pageStorage()?.getItem(name) ?? null;
      if (raw === null) return null;
      const value = readPersisted(raw, read);
      if (value === null) console.warn(`Tidewave: ignoring the stored ${name}: it is not valid`);
      return value;
    },
    setItem(name, value) {
      try {
        const storage = pageStorage();
        const json = JSON.stringify(value);
        // The table's store is set on every filter keystroke (its `visible` rows), its memory
        // unchanged: a write to localStorage costs more than the read that skips it.
        if (storage && storage.getItem(name) !== json) storage.setItem(name, json);
      } catch (error) {
        // A full or refused storage loses only the memory, never the session.
        console.warn(`Tidewave: could not store ${name}`, error);
      }
    },
    removeItem(name) {
      pageStorage()?.removeItem(name);
    },
  };
}
