/** What the id table saves: each current file's id, and the next id never given yet. */
export interface SongIdTableData {
  nextId: number;
  /** Relative path (with '/' separators) → id. */
  ids: Record<string, number>;
}

/**
 * Song ids that keep meaning the same file. A file keeps its id while it exists; a new file gets
 * the next id never given (so a removed file's id is never reused); the first files of a fresh
 * table are numbered from 0 in the order given (path order: the bundled songs stay 0, 1, 2).
 */
export class SongIdTable {
  private ids: Map<string, number>;
  private nextId: number;

  constructor(data: SongIdTableData = { nextId: 0, ids: {} }) {
    this.ids = new Map(Object.entries(data.ids));
    this.nextId = data.nextId;
  }

  /** A table of these ids (checked by the caller: unique, each below nextId). */
  static fromMap(nextId: number, ids: Map<string, number>): SongIdTable {
    const table = new SongIdTable({ nextId, ids: {} });
    table.ids = ids;
    return table;
  }

  /** Each current path's id, in no particular order. */
  entries(): IterableIterator<[string, number]> {
    return this.ids.entries();
  }

  get nextFreeId(): number {
    return this.nextId;
  }

  /** A table that keeps the ids of songs already numbered (a library scanned without one). */
  static fromSongs(songs: readonly { id: number; relativePath: string }[]): SongIdTable {
    const ids: Record<string, number> = {};
    let nextId = 0;
    for (const { id, relativePath } of songs) {
      ids[relativePath] = id;
      nextId = Math.max(nextId, id + 1);
    }
    return new SongIdTable({ nextId, ids });
  }

  /**
   * The id of each path, in the same order: known paths keep theirs, new ones get fresh ids in
   * the order given. Paths not given are forgotten; their ids are never given again.
   */
  assign(paths: readonly string[]): number[] {
    const next = new Map<string, number>();
    const result = paths.map((relativePath) => {
      let id = next.get(relativePath) ?? this.ids.get(relativePath);
      if (id === undefined) id = this.nextId++;
      next.set(relativePath, id);
      return id;
    });
    this.ids = next;
    return result;
  }

  toData(): SongIdTableData {
    return { nextId: this.nextId, ids: Object.fromEntries(this.ids) };
  }
}

/** The saved table if it is well formed (ids unique, each below nextId), otherwise null. */
export function parseSongIdTable(value: unknown): SongIdTableData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { nextId, ids } = value as Partial<SongIdTableData>;
  if (!isCount(nextId) || typeof ids !== 'object' || ids === null) return null;
  const seen = new Set<number>();
  for (const id of Object.values(ids)) {
    if (!isCount(id) || id >= nextId || seen.has(id)) return null;
    seen.add(id);
  }
  return { nextId, ids: { ...ids } };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
