import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PLAY_ORDER as base,
  noRandomness as never,
} from '../../../../test/support/renderer/playOrderState';
import {
  chooseNext,
  choosePrevious,
  nextRepeatMode,
  startedPatch,
  type PlayOrderState,
  type PlaySource,
  type RepeatMode,
} from './playOrder';

/** Plays `count` songs by gapless advance from `first`, applying each choice as the store does. */
function playOut(
  state: PlayOrderState,
  context: number[],
  first: number,
  count: number,
  random: () => number = Math.random,
): number[] {
  let s = { ...state, ...startedPatch(state, first, 'table') };
  const played = [first];
  for (let i = 1; i < count; i++) {
    const choice = chooseNext(s, context, played[played.length - 1], true, random);
    if (!choice) break;
    s = { ...s, ...choice.patch };
    s = { ...s, ...startedPatch(s, choice.songId, choice.from) };
    played.push(choice.songId);
  }
  return played;
}

const contexts = fc.uniqueArray(fc.nat(500), { minLength: 1, maxLength: 20 });

describe('play order', () => {
  it('plays the queue first, then continues the table order from where it left it', () => {
    const queued = {
      ...base,
      upNext: [
        { key: 1, songId: 40 },
        { key: 2, songId: 41 },
      ],
    };
    expect(playOut(queued, [5, 3, 8], 5, 10, never)).toEqual([5, 40, 41, 3, 8]);
  });

  it('repeat off stops at the end; repeat all wraps around, again and again', () => {
    fc.assert(
      fc.property(contexts, fc.nat(), (context, pick) => {
        const start = pick % context.length;
        const off = playOut(base, context, context[start], 1000, never);
        expect(off).toEqual(context.slice(start));
        const all = playOut(
          { ...base, repeat: 'all' },
          context,
          context[start],
          3 * context.length,
        );
        expect(all).toEqual(
          [...context, ...context, ...context, ...context].slice(start, start + all.length),
        );
        expect(all).toHaveLength(3 * context.length);
      }),
    );
  });

  it('repeat one plays the same song again at its end, but Next moves on', () => {
    fc.assert(
      fc.property(contexts, fc.integer({ min: 2, max: 50 }), (context, count) => {
        const one = { ...base, repeat: 'one' as RepeatMode };
        expect(playOut(one, context, context[0], count, never)).toEqual(
          Array(count).fill(context[0]),
        );
        const skip = chooseNext(one, context, context[0], false, never);
        expect(skip?.songId ?? null).toBe(context[1] ?? null);
      }),
    );
  });

  it('repeat one keeps a queued song for after the repeats', () => {
    const state = { ...base, repeat: 'one' as RepeatMode, upNext: [{ key: 1, songId: 9 }] };
    expect(chooseNext(state, [1, 2], 1, true, never)?.songId).toBe(1);
    expect(chooseNext(state, [1, 2], 1, false, never)).toMatchObject({ songId: 9, from: 'queue' });
  });

  it('shuffle with repeat all plays every visible song before any again, the queue first', () => {
    fc.assert(
      fc.property(contexts, fc.nat(), (context, pick) => {
        const first = context[pick % context.length];
        const state = { ...base, shuffle: true, repeat: 'all' as RepeatMode };
        const played = playOut(state, context, first, 4 * context.length);
        for (let r = 0; r < 4; r++) {
          const round = played.slice(r * context.length, (r + 1) * context.length);
          expect(new Set(round).size).toBe(context.length);
        }
        const queued = { ...state, upNext: [{ key: 1, songId: 999 }] };
        expect(playOut(queued, context, first, 2)[1]).toBe(999);
      }),
      { numRuns: 50 },
    );
  });

  it('shuffle without repeat ends after one round', () => {
    const played = playOut({ ...base, shuffle: true }, [1, 2, 3, 4], 3, 100);
    expect(played).toHaveLength(4);
    expect(new Set(played)).toEqual(new Set([1, 2, 3, 4]));
  });

  it('Previous goes back in the table order, or through the history in shuffle', () => {
    expect(choosePrevious(base, [5, 3, 8], 3)?.songId).toBe(5);
    expect(choosePrevious(base, [5, 3, 8], 5)?.songId).toBe(5);
    expect(choosePrevious({ ...base, repeat: 'all' }, [5, 3, 8], 5)?.songId).toBe(8);
    const shuffled = { ...base, shuffle: true, history: [8, 5, 3] };
    const back = choosePrevious(shuffled, [5, 3, 8], 3);
    expect(back).toMatchObject({ songId: 5, from: 'back', patch: { history: [8, 5] } });
  });

  it('remembers where a song came from', () => {
    const from = (source: PlaySource) => startedPatch({ ...base, round: [1] }, 7, source);
    expect(from('table')).toEqual({ history: [7], cursor: 7, round: [1, 7] });
    expect(from('queue')).toEqual({ history: [7] });
    expect(from('back')).toEqual({});
    expect(nextRepeatMode('off')).toBe('all');
    expect(nextRepeatMode('all')).toBe('one');
    expect(nextRepeatMode('one')).toBe('off');
  });
});
