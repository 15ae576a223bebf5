import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import type { Library, SongEntry } from '../../src/library';
import { CLIENT_MAX_PACKET_BYTES, documentText, parseMetadata } from '../../src/protocol';
import { LibraryServer } from '../../src/server';
import { encodeSineMp3, makeTempDir, removeDir } from '../support/mp3Fixtures';
import { RawClient } from '../support/rawClient';
import { writeFile } from 'node:fs/promises';

const SONG_COUNT = 20_000;

/** Varied words, so that the compressed size is not flattered by one repeated string. */
function words(seed: number, length: number): string {
  const parts: string[] = [];
  let state = seed + 1;
  while (parts.join(' ').length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    parts.push((state >>> 8).toString(36));
  }
  return parts.join(' ').slice(0, length);
}

/**
 * 20,000 songs with long tags (100-character titles, 80-character albums, 60-character artists)
 * on one small real file: the list's size depends on the tags, not on the files.
 */
function largeLibrary(folder: string, file: string): Library {
  const songs: SongEntry[] = [];
  for (let i = 0; i < SONG_COUNT; i++) {
    songs.push({
      // Stable ids leave gaps: every tenth id is a removed file's.
      id: i + Math.floor(i / 9),
      relativePath: `Artist ${i % 500}/Album ${i % 2000}/${i}.mp3`,
      absolutePath: file,
      realPath: file,
      format: 'mp3',
      sizeBytes: 1,
      title: words(i, 100),
      artist: words(i % 500, 60),
      album: words(i % 2000, 80),
      durationSeconds: 200 + (i % 100) / 7,
      hasCover: true,
      bitrate: 320_000,
      extras: {
        sampleRate: 44_100,
        channels: 2,
        trackNumber: (i % 12) + 1,
        discNumber: 1,
        year: 1960 + (i % 60),
        genre: words(i % 40, 30),
        albumArtist: words(i % 500, 60),
      },
    });
  }
  return { folder, songs, warnings: [] };
}

const replySize = (fields: readonly Buffer[]) => fields.reduce((sum, f) => sum + f.length + 7, 6);

describe(`list meta with ${SONG_COUNT.toLocaleString('en')} songs`, () => {
  let dir: string;
  let server: LibraryServer;
  let port: number;
  let library: Library;

  beforeAll(async () => {
    dir = await makeTempDir();
    const file = path.join(dir, 'song.mp3');
    await writeFile(file, encodeSineMp3({ seconds: 0.2 }));
    library = largeLibrary(dir, file);
    server = new LibraryServer(library, { folder: dir, port: 0, pacing: false });
    ({ port } = await server.listen());
  });
  afterAll(async () => {
    await server.close();
    await removeDir(dir);
  });

  it('fits the client bound as JSON, and compressed with gzip in less than half of that', async () => {
    const client = await RawClient.connect(port);
    try {
      client.send('list<NEXT;>meta<NEXT;><END;>');
      const plain = await client.nextPacket(30_000);
      client.send('list<NEXT;>meta<NEXT;>gzip<NEXT;><END;>');
      const zipped = await client.nextPacket(30_000);
      expect(replySize(plain.fields)).toBeLessThan(CLIENT_MAX_PACKET_BYTES);
      expect(zipped.fields[1].length).toBe(0); // the plain text is not repeated
      expect(zipped.fields[2].subarray(0, 5).toString()).toBe('gzip:');
      expect(replySize(zipped.fields) * 2).toBeLessThan(replySize(plain.fields));
      // Both carry the same document.
      expect(documentText(zipped.fields[2])).toBe(plain.fields[2].toString('utf8'));
    } finally {
      client.destroy();
    }
  });

  it('reaches a client session whole, with its ids, which can play one', async () => {
    const session = await ClientSession.connect({ host: '127.0.0.1', port });
    try {
      const list = await session.list();
      expect(list.hasMetadata).toBe(true);
      expect(list.songs.map((song) => song.id)).toEqual(library.songs.map((song) => song.id));
      expect(list.songs[SONG_COUNT - 1].title).toBe(library.songs[SONG_COUNT - 1].title);
      const lastId = library.songs[SONG_COUNT - 1].id;
      const stream = session.play(lastId);
      stream.resume();
      expect((await stream.outcome()).reason).toBe('complete');
    } finally {
      session.close();
    }
  });

  it('answers a seed-era plain list with the same ids', async () => {
    const client = await RawClient.connect(port);
    try {
      client.send('list<NEXT;><END;>');
      const reply = await client.nextPacket(30_000);
      expect(reply.fields).toHaveLength(2);
      const lines = reply.fields[1].toString('utf8').split('\n');
      expect(lines).toHaveLength(SONG_COUNT);
      expect(lines[9]).toMatch(/^\{sid: 10 title: /); // the gap after id 8 is kept
      expect(parseMetadata(JSON.stringify({ songs: [] }))).toEqual([]);
    } finally {
      client.destroy();
    }
  });
});
