import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PLAY_ORDER as base,
  noRandomness as never,
} from '../../../../test/support/renderer/playOrderState';
import { chooseNext, startedPatch, type PlayOrderState } from './playOrder';
import { insertEntries, moveEntry, removeEntry, type QueueEntry } from './queueList';
import {
  afterReadied,
  readiedFrom,
  readiedStarted,
  readiedStillDue,
  startReadiedPatch,
  type ReadiedSong,
} from './readiedSongs';

const entry = (key: number, songId = key * 10): QueueEntry => ({ key, songId });
const queued = (...keys: number[]): PlayOrderState => ({
  ...base,
  upNext: keys.map((k) => entry(k)),
});

/** Readies the song after `current` (appended after stream `afterStream`), as the store does. */
function ready(
  state: PlayOrderState,
  readied: ReadiedSong[],
  current: number,
  afterStream: number,
  context: number[] = [1, 2, 3],
): ReadiedSong[] {
  const upcoming = afterReadied(state, readied);
  const choice = chooseNext(upcoming, context, current, true, never);
  return choice ? [...readied, readiedFrom(choice, upcoming, afterStream)] : readied;
}

describe('a song readied to follow', () => {
  it('stays in Up next until it starts, and then leaves it, found by its key', () => {
    const state = { ...queued(1, 2), cursor: 1 };
    const [song] = ready(state, [], 1, 7);
    expect(song).toMatchObject({ songId: 10, from: 'queue', key: 1, afterStream: 7 });
    // Moved behind another entry meanwhile, it still leaves by its key, not its place.
    const moved = { ...state, upNext: moveEntry(state.upNext, 0, 1) };
    expect(startReadiedPatch(moved, song)).toEqual({ upNext: [entry(2)], history: [10] });
  });

  it('from the table: its cursor applies when it starts', () => {
    const state = { ...base, cursor: 1 };
    const [song] = ready(state, [], 1, 7);
    expect(song).toMatchObject({ songId: 2, from: 'next', key: null });
    expect(startReadiedPatch(state, song)).toEqual({ cursor: 2, history: [2] });
  });

  it('still follows while the entry is first, with more queued or moved behind it', () => {
    const state = queued(1, 2, 3);
    const readied = ready(state, [], 1, 7);
    expect(readiedStillDue(state, readied)).toBe(1);
    expect(readiedStillDue({ ...state, upNext: [...state.upNext, entry(3)] }, readied)).toBe(1);
    expect(readiedStillDue({ ...state, upNext: moveEntry(state.upNext, 1, 2) }, readied)).toBe(1);
    expect(readiedStillDue({ ...state, shuffle: true, repeat: 'all' }, readied)).toBe(1);
  });

  it('no longer follows once removed, moved down, cleared, put behind another, or under repeat one', () => {
    const state = queued(1, 2);
    const readied = ready(state, [], 1, 7);
    const stale = (changed: Partial<PlayOrderState>) =>
      readiedStillDue({ ...state, ...changed }, readied);
    expect(stale({ upNext: removeEntry(state.upNext, 1) })).toBe(0);
    expect(stale({ upNext: moveEntry(state.upNext, 0, 1) })).toBe(0);
    expect(stale({ upNext: [] })).toBe(0);
    expect(stale({ upNext: insertEntries(state.upNext, [entry(9)], 'front') })).toBe(0);
    expect(stale({ repeat: 'one' })).toBe(0);
  });

  it('from the table: no longer follows once a song is queued, or shuffle or repeat changes', () => {
    const readied = ready(base, [], 1, 7);
    expect(readiedStillDue(base, readied)).toBe(1);
    expect(readiedStillDue(queued(4), readied)).toBe(0);
    expect(readiedStillDue({ ...base, shuffle: true }, readied)).toBe(0);
    expect(readiedStillDue({ ...base, repeat: 'all' }, readied)).toBe(0);
    // Repeat one's replay follows as long as repeat one stays, whatever is queued.
    const again = ready({ ...base, repeat: 'one' }, [], 1, 7);
    expect(again[0]).toMatchObject({ songId: 1, from: 'next' });
    expect(readiedStillDue({ ...queued(4), repeat: 'one' }, again)).toBe(1);
    expect(readiedStillDue(base, again)).toBe(0);
  });

  it('in a chain (short songs), each is judged after the ones before it start', () => {
    const state = queued(1, 2, 3);
    let readied = ready(state, [], 5, 7);
    readied = ready(state, readied, readied[0].songId, 8);
    expect(readied.map((song) => song.key)).toEqual([1, 2]);
    expect(readiedStillDue(state, readied)).toBe(2);
    // The second entry removed: the first still follows, the second does not.
    expect(readiedStillDue({ ...state, upNext: removeEntry(state.upNext, 2) }, readied)).toBe(1);
  });

  it('has started once a stream after the one it follows is heard', () => {
    const readied = [{ afterStream: 7 }, { afterStream: 8 }] as ReadiedSong[];
    expect(readiedStarted(readied, null)).toBe(0);
    expect(readiedStarted(readied, 7)).toBe(0);
    expect(readiedStarted(readied, 8)).toBe(1);
    expect(readiedStarted(readied, 9)).toBe(2);
    expect(readiedStarted([], 9)).toBe(0);
  });

  it('readied then started plays the same songs as taking each at its end', () => {
    // What the listener hears must not change: only when the queue is changed.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(50), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(50), { maxLength: 5 }),
        fc.constantFrom('off' as const, 'all' as const, 'one' as const),
        fc.integer({ min: 1, max: 3 }),
        (context, queuedSongs, repeat, chain) => {
          const upNext = queuedSongs.map((songId, i) => ({ key: i + 1, songId }));
          const start: PlayOrderState = { ...base, upNext, repeat, cursor: context[0] };
          let taken = start;
          let readiedState = start;
          let current = context[0];
          for (let stream = 1; stream <= 12; stream += chain) {
            // The old way: each song taken from the queue at its end.
            const takenSongs: number[] = [];
            let readied: ReadiedSong[] = [];
            let last = current;
            for (let i = 0; i < chain; i++) {
              const choice = chooseNext(taken, context, last, true, never);
              if (!choice) break;
              taken = { ...taken, ...choice.patch };
              taken = { ...taken, ...startedPatch(taken, choice.songId, choice.from) };
              takenSongs.push(choice.songId);
              readied = ready(readiedState, readied, last, stream + i, context);
              last = choice.songId;
            }
            expect(readied.map((song) => song.songId)).toEqual(takenSongs);
            expect(readiedStillDue(readiedState, readied)).toBe(readied.length);
            readiedState = afterReadied(readiedState, readied);
            expect(readiedState).toEqual(taken);
            if (takenSongs.length === 0) break;
            current = last;
          }
        },
      ),
    );
  });
});
