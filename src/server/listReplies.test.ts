import { describe, expect, it } from 'vitest';
import type { Library, SongEntry, SongExtras } from '../library';
import { buildListReplies, buildListRepliesAsync } from './listReplies';

const NO_EXTRAS: SongExtras = {
  sampleRate: 44_100,
  channels: 2,
  trackNumber: null,
  discNumber: null,
  year: null,
  genre: null,
  albumArtist: null,
};

/** A library of `count` songs, tags with `<` and `>` in some (escaped in the document). */
function library(count: number): Library {
  const songs: SongEntry[] = Array.from({ length: count }, (_, id) => ({
    id,
    relativePath: `Artist ${id % 7}/Album/${id}.mp3`,
    absolutePath: `/music/${id}.mp3`,
    realPath: `/music/${id}.mp3`,
    format: id % 5 === 0 ? 'flac' : 'mp3',
    sizeBytes: 1_000 + id,
    title: id % 11 === 0 ? `<Song ${id}>` : `Song ${id}`,
    artist: `Artist ${id % 7}`,
    album: null,
    durationSeconds: 100 + id,
    hasCover: id % 3 === 0,
    cover:
      id % 3 === 0
        ? { source: 'embedded', hash: 'ab'.repeat(32), mime: 'image/png', sizeBytes: 10 }
        : null,
    bitrate: 192_000,
    ...(id % 2 === 0 ? { extras: { ...NO_EXTRAS, trackNumber: (id % 12) + 1, year: 2001 } } : {}),
  }));
  return { folder: '/music', songs, warnings: [] };
}

describe('list replies', () => {
  it.each([0, 1, 999, 1_000, 2_501])(
    'built a slice at a time, they are the same bytes as built at once (%i songs)',
    async (count) => {
      const sliced = await buildListRepliesAsync(library(count));
      const once = buildListReplies(library(count));
      expect(sliced.plain.equals(once.plain)).toBe(true);
      expect(sliced.withMetadata.equals(once.withMetadata)).toBe(true);
      expect(sliced.compressed.equals(once.compressed)).toBe(true);
    },
  );

  it('gives the event loop a turn after each slice of 1,000 songs and between replies', async () => {
    let turns = 0;
    await buildListRepliesAsync(library(5_000), async () => {
      turns += 1;
    });
    // Built in one go, a 20,000-song list held the loop for 100-250 ms on a loaded machine.
    expect(turns).toBe(5 + 2);
  });
});
