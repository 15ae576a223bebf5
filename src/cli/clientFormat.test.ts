import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatSongTable, unknownSongMessage } from './clientFormat';

describe('client formatting', () => {
  it('formats sizes and durations', () => {
    expect([0, 999, 748_477, 1_234_567].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '748.5 KB',
      '1.2 MB',
    ]);
    expect([null, 0, 59.6, 187].map(formatDuration)).toEqual(['-', '0:00', '1:00', '3:07']);
  });

  it('aligns the song table and shortens long cells', () => {
    const song = { album: null, hasCover: false };
    const table = formatSongTable([
      { ...song, id: 0, title: 'Harbor Lights', artist: 'Tidewave', durationSeconds: 30.2 },
      { ...song, id: 12, title: 'x'.repeat(50), artist: null, durationSeconds: null },
    ]);
    expect(table).toEqual([
      'ID  TITLE                                     ARTIST    TIME',
      ` 0  Harbor Lights                             Tidewave  0:30`,
      `12  ${'x'.repeat(39)}…  -            -`,
    ]);
  });

  it('names the song ids there are when refusing another', () => {
    expect(unknownSongMessage(7, [0, 1, 2])).toBe('Unknown song id 7: the server has songs 0-2.');
    expect(unknownSongMessage(0, [])).toBe('Unknown song id 0: the server has no songs.');
  });

  it('says when there is nothing to list', () => {
    expect(formatSongTable([])).toEqual(['The server has no songs.']);
  });
});
