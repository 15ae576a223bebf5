import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsDelimiter } from './packetEncoder';
import {
  formatMetadata,
  formatPlainList,
  metadataDocument,
  metadataSongs,
  parseMetadata,
  parsePlainList,
  sanitizeTitle,
  type SongMetadata,
} from './songList';

describe('plain song list', () => {
  it('formats the seed lines from id 0', () => {
    expect(
      formatPlainList([
        { id: 0, title: 'a.mp3' },
        { id: 1, title: 'b c' },
      ]),
    ).toBe('{sid: 0 title: a.mp3}\n{sid: 1 title: b c}');
  });

  it('lists names with delimiters, braces and newlines safely', () => {
    const text = formatPlainList([{ id: 0, title: 'evil<END;>\nname {x}' }]);
    expect(containsDelimiter(Buffer.from(text))).toBe(false);
    expect(text.split('\n')).toHaveLength(1);
    expect(parsePlainList(text)).toEqual([{ id: 0, title: sanitizeTitle('evil<END;>\nname {x}') }]);
  });

  it('round-trips any title through sanitizing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 10 }), (titles) => {
        const songs = titles.map((title, id) => ({ id, title }));
        const text = formatPlainList(songs);
        expect(containsDelimiter(Buffer.from(text))).toBe(false);
        expect(parsePlainList(text)).toEqual(
          songs.map((s) => ({ id: s.id, title: sanitizeTitle(s.title) })),
        );
      }),
    );
  });
});

describe('metadata extension', () => {
  const song: SongMetadata = {
    id: 2,
    title: 'Tricky <NEXT;> title',
    artist: 'A <END;> B',
    album: null,
    durationSeconds: 31.5,
    hasCover: true,
  };

  it('keeps exact names yet never holds a delimiter', () => {
    const json = formatMetadata([song]);
    expect(containsDelimiter(Buffer.from(json))).toBe(false);
    expect(parseMetadata(json)).toEqual([song]);
  });

  it('written in parts, the document is the same text as written at once (property)', () => {
    const songs = fc.array(
      fc.record({
        id: fc.nat(),
        title: fc.string(),
        artist: fc.option(fc.string()),
        album: fc.option(fc.string()),
        durationSeconds: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
        hasCover: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(songs, fc.array(fc.nat()), (all: SongMetadata[], cuts) => {
        const at = [...new Set(cuts.map((cut) => cut % (all.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...at, all.length]
          .slice(0, -1)
          .map((start, i, starts) => metadataSongs(all.slice(start, starts[i + 1] ?? all.length)));
        const once = formatMetadata(all);
        expect(metadataDocument(parts)).toBe(once);
        expect(JSON.parse(once)).toEqual(JSON.parse(JSON.stringify({ version: 1, songs: all })));
      }),
    );
  });

  it('reads the newer members under the app names, and only those the document has', () => {
    const json = formatMetadata([
      { ...song, format: 'flac', trackNumber: 3, discNumber: null, sampleRate: 96000 },
      { ...song, id: 3, genre: 'Jazz', year: 1999, channels: 6, albumArtist: 'V', bitrate: 9 },
    ]);
    const [first, second] = parseMetadata(json);
    expect(first).toEqual({ ...song, format: 'flac', track: 3, disc: null, sampleRate: 96000 });
    expect(second).toEqual({
      ...song,
      id: 3,
      genre: 'Jazz',
      year: 1999,
      channels: 6,
      albumArtist: 'V',
      bitrate: 9,
    });
    expect(parseMetadata('{"songs":[{"id":1,"title":"t","trackNumber":"7"}]}')[0].track).toBeNull();
  });

  it('rejects malformed documents with a clear error', () => {
    expect(() => parseMetadata('nope')).toThrow(/Malformed song metadata: not JSON/);
    expect(() => parseMetadata('{"songs":[{"id":"x"}]}')).toThrow(/song 0/);
  });
});
