import { describe, expect, it } from 'vitest';
import { gridKeyAction, rowsPerPage } from './gridKeys';

const move = (index: number) => ({ kind: 'move', index });

describe('gridKeyAction', () => {
  it('moves one row with the arrows, stopping at the ends', () => {
    expect(gridKeyAction('ArrowDown', 4, 10, 5)).toEqual(move(5));
    expect(gridKeyAction('ArrowUp', 4, 10, 5)).toEqual(move(3));
    expect(gridKeyAction('ArrowDown', 9, 10, 5)).toEqual(move(9));
    expect(gridKeyAction('ArrowUp', 0, 10, 5)).toEqual(move(0));
  });

  it('moves a page with PageUp/PageDown and to the ends with Home/End', () => {
    expect(gridKeyAction('PageDown', 2, 20_000, 16)).toEqual(move(18));
    expect(gridKeyAction('PageDown', 19_990, 20_000, 16)).toEqual(move(19_999));
    expect(gridKeyAction('PageUp', 18, 20_000, 16)).toEqual(move(2));
    expect(gridKeyAction('PageUp', 3, 20_000, 16)).toEqual(move(0));
    expect(gridKeyAction('Home', 500, 20_000, 16)).toEqual(move(0));
    expect(gridKeyAction('End', 0, 20_000, 16)).toEqual(move(19_999));
  });

  it('starts from the top when no row is active, or the active one is gone', () => {
    expect(gridKeyAction('ArrowDown', -1, 10, 5)).toEqual(move(0));
    expect(gridKeyAction('ArrowUp', -1, 10, 5)).toEqual(move(0));
    expect(gridKeyAction('PageDown', -1, 10, 5)).toEqual(move(5));
    expect(gridKeyAction('ArrowDown', 12, 10, 5)).toEqual(move(0));
  });

  it('plays the active row on Enter, and only when there is one', () => {
    expect(gridKeyAction('Enter', 3, 10, 5)).toEqual({ kind: 'play', index: 3 });
    expect(gridKeyAction('Enter', -1, 10, 5)).toBeNull();
  });

  it('ignores other keys and an empty grid', () => {
    expect(gridKeyAction('ArrowLeft', 3, 10, 5)).toBeNull();
    expect(gridKeyAction(' ', 3, 10, 5)).toBeNull();
    expect(gridKeyAction('ArrowDown', -1, 0, 5)).toBeNull();
  });
});

describe('rowsPerPage', () => {
  it('counts the rows below the header, keeping one for context, at least one', () => {
    expect(rowsPerPage(600, 34, 36)).toBe(14);
    expect(rowsPerPage(40, 34, 36)).toBe(1);
  });
});
