import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followEntries, insertEntries, moveEntry, removeEntry, type QueueEntry } from './queueList';

const entry = (key: number, songId = key * 10): QueueEntry => ({ key, songId });
const keys = (list: readonly QueueEntry[]) => list.map((e) => e.key);

describe('the Up next list', () => {
  it('adds at the end (add to queue) or the front (play next), keeping duplicates apart', () => {
    const list = [entry(1), entry(2)];
    expect(keys(insertEntries(list, [entry(3)], 'end'))).toEqual([1, 2, 3]);
    expect(keys(insertEntries(list, [entry(3), entry(4)], 'front'))).toEqual([3, 4, 1, 2]);
    const twice = insertEntries([entry(1, 7)], [entry(2, 7)], 'end');
    expect(removeEntry(twice, 1)).toEqual([entry(2, 7)]);
  });

  it('moves an entry to a new place, clamped; a bad index changes nothing', () => {
    const list = [1, 2, 3, 4].map((k) => entry(k));
    expect(keys(moveEntry(list, 0, 2))).toEqual([2, 3, 1, 4]);
    expect(keys(moveEntry(list, 3, 0))).toEqual([4, 1, 2, 3]);
    expect(keys(moveEntry(list, 1, 99))).toEqual([1, 3, 4, 2]);
    expect(keys(moveEntry(list, 2, -5))).toEqual([3, 1, 2, 4]);
    expect(keys(moveEntry(list, 9, 0))).toEqual([1, 2, 3, 4]);
  });

  it('follows songs to their new ids, in place, and drops the songs gone', () => {
    const list = [entry(1, 5), entry(2, 6), entry(3, 5)];
    const renamed = new Map([[5, 9]]); // 5's file renamed: it is 9 now; 6 is gone
    expect(followEntries(list, (id) => renamed.get(id) ?? null)).toEqual([
      entry(1, 9),
      entry(3, 9),
    ]);
  });

  it('a move is a permutation that puts the entry where asked', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))),
        ([n, from, to]) => {
          const list = Array.from({ length: n }, (_, i) => entry(i));
          const moved = moveEntry(list, from, to);
          expect([...keys(moved)].sort((a, b) => a - b)).toEqual(keys(list));
          expect(moved[to]).toEqual(list[from]);
        },
      ),
    );
  });
});
