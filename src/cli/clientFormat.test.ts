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

describe('client formatting of what a hostile server sends', () => {
  const song = { album: null, hasCover: false, durationSeconds: null };

  it('prints titles and artists without their control characters', () => {
    const table = formatSongTable([
      { ...song, id: 0, title: 'a\u001b]52;c;eA==\u0007b', artist: 'x\u009b2J\ny' },
    ]);
    // eslint-disable-next-line no-control-regex -- control characters are what this is about
    expect(table.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(table).toHaveLength(2);
    expect(table[1]).toContain('a\ufffd]52;c;eA==\ufffdb');
    expect(table[1]).toContain('x\ufffd2J y');
  });

  it('lists 200,000 songs and names their ids without overflowing the stack', () => {
    const songs = Array.from({ length: 200_000 }, (_, id) => ({
      ...song,
      id,
      title: `s${id}`,
      artist: null,
    }));
    const table = formatSongTable(songs);
    expect(table).toHaveLength(200_001);
    expect(table[0]).toBe('    ID  TITLE    ARTIST  TIME');
    expect(unknownSongMessage(7, songs.map((s) => s.id).reverse())).toBe(
      'Unknown song id 7: the server has songs 0-199999.',
    );
  });
});
