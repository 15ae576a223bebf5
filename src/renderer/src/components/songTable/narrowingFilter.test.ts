import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterPositions } from './filterPositions';
import { createNarrowingFilter, narrows } from './narrowingFilter';
import { buildSongIndex } from './songIndex';
import type { TableSong } from './tableSong';

// Few letters, so that queries match some songs and not others.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', ' '), maxLength: 6 });
const songs = fc
  .array(fc.tuple(text, fc.option(text), fc.option(text)), { minLength: 1, maxLength: 40 })
  .map((rows) =>
    rows.map(([title, artist, album], id): TableSong => ({
      id,
      title,
      artist,
      album,
      durationSeconds: null,
      hasCover: false,
    })),
  );
/** A display order: a permutation of some of the positions, as sorting and scoping give. */
const orderOf = (count: number) =>
  fc.shuffledSubarray(
    Array.from({ length: count }, (_, i) => i),
    { minLength: 0, maxLength: count },
  );
/** Keystrokes: a letter or space typed, the last character deleted, or the filter cleared. */
const edit = fc.oneof(
  text.map((typed) => (query: string) => query + typed),
  fc.constant((query: string) => query.slice(0, -1)),
  fc.constant(() => ''),
  text.map((replaced) => () => replaced),
);

describe('narrows', () => {
  it('is true when each word of the last query lies inside a word of the new one', () => {
    expect(narrows('h', 'ha')).toBe(true);
    expect(narrows('harbor', 'harbor l')).toBe(true);
    expect(narrows('ar', 'harbor')).toBe(true);
    expect(narrows('', 'x')).toBe(true);
    expect(narrows('lights harbor', 'harbor lights')).toBe(true);
  });

  it('is false when the new query may match songs the last one did not', () => {
    expect(narrows('ha', 'h')).toBe(false);
    expect(narrows('h', '')).toBe(false);
    expect(narrows('harbor lights', 'harbor')).toBe(false);
    expect(narrows('ab', 'a b')).toBe(false);
  });
});

describe('createNarrowingFilter', () => {
  it('gives exactly the full filter, in the same order, after any keystrokes', () => {
    fc.assert(
      fc.property(
        songs.chain((list) =>
          fc.tuple(fc.constant(list), orderOf(list.length), fc.array(edit, { maxLength: 12 })),
        ),
        ([list, order, edits]) => {
          const { searchKeys } = buildSongIndex(list);
          const filter = createNarrowingFilter();
          let query = '';
          for (const apply of edits) {
            query = apply(query);
            expect(filter(order, searchKeys, query)).toEqual(
              filterPositions(order, searchKeys, query),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts again from every song when the order or the songs change', () => {
    const list = buildSongIndex([
      { id: 0, title: 'Harbor', artist: null, album: null, durationSeconds: null, hasCover: false },
      { id: 1, title: 'Hollow', artist: null, album: null, durationSeconds: null, hasCover: false },
    ]);
    const filter = createNarrowingFilter();
    expect(filter([0], list.searchKeys, 'h')).toEqual([0]);
    // A new order (a sort, a scope) that holds song 1: "ho" must find it.
    expect(filter([1, 0], list.searchKeys, 'ho')).toEqual([1]);
  });

  it('narrows from its last answer: songs outside it are not looked at', () => {
    const { searchKeys } = buildSongIndex([
      { id: 0, title: 'ab', artist: null, album: null, durationSeconds: null, hasCover: false },
      { id: 1, title: 'b', artist: null, album: null, durationSeconds: null, hasCover: false },
    ]);
    const filter = createNarrowingFilter();
    const looked: number[] = [];
    const spy = new Proxy(searchKeys as string[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) looked.push(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const order = [0, 1];
    filter(order, spy, 'a');
    looked.length = 0;
    expect(filter(order, spy, 'ab')).toEqual([0]);
    expect(looked).toEqual([0]);
  });
});
