import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  compressDocumentSync,
  FrameParser,
  formatMetadata,
  formatPlainList,
  serverMessages,
} from '../protocol';
import { parseSongListReply } from './songListReply';

const decode = (wire: Buffer) => new FrameParser(1 << 20).push(wire)[0];
const songs = [
  {
    id: 0,
    title: 'Tide <One>',
    artist: 'Wave',
    album: null,
    durationSeconds: 30.5,
    hasCover: true,
  },
  { id: 1, title: 'Second', artist: null, album: 'B', durationSeconds: null, hasCover: false },
];

describe('parseSongListReply', () => {
  it('prefers the metadata extension', () => {
    const wire = serverMessages.list(formatPlainList(songs), formatMetadata(songs));
    expect(parseSongListReply(decode(wire), () => {})).toEqual({
      songs,
      hasMetadata: true,
      features: [],
    });
  });

  it('reads the features a server names in a fourth field', () => {
    const wire = serverMessages.list(formatPlainList(songs), formatMetadata(songs), [
      'pause',
      'later',
    ]);
    expect(parseSongListReply(decode(wire), () => {}).features).toEqual(['pause', 'later']);
  });

  it('falls back to the plain list of a seed-era server', () => {
    const wire = Buffer.from('list<NEXT;>{sid: 0 title: a.mp3}\n{sid: 1 title: b c}<NEXT;><END;>');
    expect(parseSongListReply(decode(wire), () => {})).toEqual({
      hasMetadata: false,
      features: [],
      songs: [
        {
          id: 0,
          title: 'a.mp3',
          artist: null,
          album: null,
          durationSeconds: null,
          hasCover: false,
        },
        { id: 1, title: 'b c', artist: null, album: null, durationSeconds: null, hasCover: false },
      ],
    });
  });

  it('falls back to the plain list when the metadata is malformed, and says why', () => {
    const logged: string[] = [];
    const wire = serverMessages.list('{sid: 4 title: x}', '{"songs": 3}');
    const list = parseSongListReply(decode(wire), (m) => logged.push(m));
    expect(list.hasMetadata).toBe(false);
    expect(list.songs.map((s) => s.id)).toEqual([4]);
    expect(logged[0]).toMatch(/metadata/);
  });

  it('reads a gzip-compressed document, with ids that are not positions', () => {
    const gapped = songs.map((song, i) => ({ ...song, id: 7 + 5 * i }));
    const wire = serverMessages.list('', compressDocumentSync(formatMetadata(gapped)));
    expect(parseSongListReply(decode(wire), () => {})).toEqual({
      songs: gapped,
      hasMetadata: true,
      features: [],
    });
  });

  it('refuses a corrupt or oversized compressed document, and says why', () => {
    const bomb = `gzip:${gzipSync(Buffer.alloc(129 * 1024 * 1024, 32)).toString('base64')}`;
    for (const field of ['gzip:bm90IGd6aXA=', bomb]) {
      const logged: string[] = [];
      const list = parseSongListReply(decode(serverMessages.list('', field)), (m) =>
        logged.push(m),
      );
      expect(list).toEqual({ songs: [], hasMetadata: false, features: [] });
      expect(logged[0]).toMatch(/metadata/);
    }
  });

  it('reads an empty reply as an empty library', () => {
    expect(parseSongListReply(decode(Buffer.from('list<NEXT;><END;>')), () => {})).toEqual({
      songs: [],
      hasMetadata: false,
      features: [],
    });
  });
});
