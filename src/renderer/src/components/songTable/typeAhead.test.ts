import { describe, expect, it } from 'vitest';
import {
  EMPTY_TYPE_AHEAD,
  extendTypeAhead,
  findTypeAhead,
  isTypeAheadKey,
  TYPE_AHEAD_RESET_MS,
} from './typeAhead';

const titles = ['harbor lights', 'glass tide', 'night ferry', 'harbor nights', 'hush'];
const shown = [0, 1, 2, 3, 4];
const plain = { ctrlKey: false, metaKey: false, altKey: false };

describe('type-ahead', () => {
  it('gathers letters typed close together, and starts over after a pause', () => {
    let state = extendTypeAhead(EMPTY_TYPE_AHEAD, 'H', 1000);
    state = extendTypeAhead(state, 'a', 1100);
    expect(state.buffer).toBe('ha');
    state = extendTypeAhead(state, 'n', 1100 + TYPE_AHEAD_RESET_MS + 1);
    expect(state.buffer).toBe('n');
  });

  it('takes single characters without modifiers; a space only inside a word', () => {
    expect(isTypeAheadKey('a', plain, EMPTY_TYPE_AHEAD, 0)).toBe(true);
    expect(isTypeAheadKey('a', { ...plain, ctrlKey: true }, EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey('Enter', plain, EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey(' ', plain, EMPTY_TYPE_AHEAD, 0)).toBe(false);
    const begun = extendTypeAhead(EMPTY_TYPE_AHEAD, 'h', 0);
    expect(isTypeAheadKey(' ', plain, begun, 100)).toBe(true);
    expect(isTypeAheadKey(' ', plain, begun, TYPE_AHEAD_RESET_MS + 1)).toBe(false);
    // Alone, `/` is the filter's shortcut; inside a word ("AC/DC") it is part of the title.
    expect(isTypeAheadKey('/', plain, EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey('/', plain, begun, 100)).toBe(true);
  });

  it('leaves a lone M to the mute shortcut; inside a word it is a letter', () => {
    expect(isTypeAheadKey('m', plain, EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey('M', plain, EMPTY_TYPE_AHEAD, 0)).toBe(false);
    const begun = extendTypeAhead(EMPTY_TYPE_AHEAD, 'h', 0);
    expect(isTypeAheadKey('m', plain, begun, 100)).toBe(true);
    expect(isTypeAheadKey('m', plain, begun, TYPE_AHEAD_RESET_MS + 1)).toBe(false);
  });

  it('finds the next title with a letter, cycling and wrapping', () => {
    expect(findTypeAhead(shown, titles, 'h', -1)).toBe(0);
    expect(findTypeAhead(shown, titles, 'h', 0)).toBe(3);
    expect(findTypeAhead(shown, titles, 'hh', 3)).toBe(4);
    expect(findTypeAhead(shown, titles, 'h', 4)).toBe(0);
  });

  it('keeps the active row while a longer word still matches, else searches on', () => {
    expect(findTypeAhead(shown, titles, 'harbor', 0)).toBe(0);
    expect(findTypeAhead(shown, titles, 'harbor n', 0)).toBe(3);
    expect(findTypeAhead(shown, titles, 'hu', 0)).toBe(4);
    expect(findTypeAhead(shown, titles, 'zz', 0)).toBe(-1);
  });

  it('searches the rows shown, in their order', () => {
    expect(findTypeAhead([4, 2, 3], titles, 'h', -1)).toBe(0);
    expect(findTypeAhead([4, 2, 3], titles, 'h', 0)).toBe(2);
    expect(findTypeAhead([], titles, 'h', -1)).toBe(-1);
  });
});
