import { describe, expect, it } from 'vitest';
import { filterPositions, queryWords } from './filterPositions';
import { buildSongIndex } from './songIndex';
import type { TableSong } from './tableSong';

function song(id: number, title: string, artist: string | null, album: string | null): TableSong {
  return { id, title, artist, album, durationSeconds: null, hasCover: false };
}

const songs = [
  song(0, 'Harbor Lights', 'Tidewave Ensemble', 'Sampler'),
  song(1, 'Glass Tide', 'Someone Else', null),
  song(2, 'Night Ferry', null, 'Harbor Nights'),
];
const { searchKeys } = buildSongIndex(songs);
const order = [2, 1, 0];

describe('filterPositions', () => {
  it('keeps every position, in order, for an empty or blank query', () => {
    expect(filterPositions(order, searchKeys, '')).toEqual(order);
    expect(filterPositions(order, searchKeys, '   ')).toEqual(order);
  });

  it('matches title, artist and album ignoring case, and keeps the given order', () => {
    expect(filterPositions(order, searchKeys, 'harbor')).toEqual([2, 0]);
    expect(filterPositions(order, searchKeys, 'SOMEONE')).toEqual([1]);
  });

  it('requires every word, each inside one field', () => {
    expect(filterPositions(order, searchKeys, 'harbor night')).toEqual([2]);
    expect(filterPositions(order, searchKeys, 'glass ferry')).toEqual([]);
    // "lights tidewave" spans title and artist as separate words, which is fine...
    expect(filterPositions(order, searchKeys, 'lights tidewave')).toEqual([0]);
    // ...but no single word matches across the boundary between two fields.
    expect(filterPositions(order, searchKeys, 'lightstidewave')).toEqual([]);
    expect(filterPositions(order, searchKeys, 'tide')).toEqual([1, 0]);
  });

  it('splits the query on any white space', () => {
    expect(queryWords('  Night\tFERRY \n')).toEqual(['night', 'ferry']);
  });
});
