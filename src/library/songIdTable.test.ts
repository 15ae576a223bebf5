import { describe, expect, it } from 'vitest';
import { parseSongIdTable, SongIdTable } from './songIdTable';

describe('SongIdTable', () => {
  it('numbers a fresh table from 0 in the order given', () => {
    expect(new SongIdTable().assign(['a', 'b', 'c'])).toEqual([0, 1, 2]);
  });

  it('keeps ids of known paths, gives new ones the next id and never reuses a removed one', () => {
    const table = new SongIdTable();
    table.assign(['a', 'b', 'c']);
    expect(table.assign(['a', 'aa', 'c'])).toEqual([0, 3, 2]);
    expect(table.assign(['a', 'b', 'c'])).toEqual([0, 4, 2]); // b came back: a new id
    expect(table.toData()).toEqual({ nextId: 5, ids: { a: 0, b: 4, c: 2 } });
  });

  it('survives a save and load, and carries the ids of a scanned library', () => {
    const table = new SongIdTable();
    table.assign(['x', 'y']);
    table.assign(['y']);
    const loaded = new SongIdTable(parseSongIdTable(JSON.parse(JSON.stringify(table.toData())))!);
    expect(loaded.assign(['x', 'y'])).toEqual([2, 1]);
    const carried = SongIdTable.fromSongs([
      { id: 4, relativePath: 'p' },
      { id: 7, relativePath: 'q' },
    ]);
    expect(carried.assign(['new', 'q'])).toEqual([8, 7]);
  });

  it('refuses malformed tables', () => {
    for (const bad of [
      null,
      [],
      { nextId: -1, ids: {} },
      { nextId: 2, ids: { a: 2 } },
      { nextId: 3, ids: { a: 1, b: 1 } },
      { nextId: 3, ids: { a: 0.5 } },
      { nextId: 3 },
    ]) {
      expect(parseSongIdTable(bad)).toBeNull();
    }
    expect(parseSongIdTable({ nextId: 3, ids: { a: 2 } })).toEqual({ nextId: 3, ids: { a: 2 } });
  });
});
