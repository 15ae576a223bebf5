import { describe, expect, it } from 'vitest';
import { AbandonMark, abandonPieceBytes, MIN_ABANDON_PIECE_BYTES } from './abandonMark';

describe('AbandonMark', () => {
  it('wants every song until one is abandoned', () => {
    const mark = new AbandonMark();
    expect(mark.isAbandoned(1)).toBe(false);
    expect(mark.isAbandoned(7)).toBe(false);
  });

  it('abandons the epoch marked and every earlier one, never a later one', () => {
    const mark = new AbandonMark();
    mark.abandonThrough(3);
    expect([1, 2, 3].map((epoch) => mark.isAbandoned(epoch))).toEqual([true, true, true]);
    expect(mark.isAbandoned(4)).toBe(false);
  });

  it('never takes back a later mark', () => {
    const mark = new AbandonMark();
    mark.abandonThrough(5);
    mark.abandonThrough(2);
    expect(mark.isAbandoned(5)).toBe(true);
  });

  it('is read through the shared memory by another view of it', () => {
    const mark = new AbandonMark();
    const other = new AbandonMark(new Int32Array(mark.shared.buffer));
    mark.abandonThrough(9);
    expect(other.isAbandoned(9)).toBe(true);
  });
});

describe('abandonPieceBytes', () => {
  it('cuts a slice in eighths, but never below the least piece', () => {
    expect(abandonPieceBytes(256 * 1024)).toBe(32 * 1024);
    expect(abandonPieceBytes(4096)).toBe(MIN_ABANDON_PIECE_BYTES);
    expect(abandonPieceBytes(100)).toBe(MIN_ABANDON_PIECE_BYTES);
    expect(abandonPieceBytes(8 * 1024 + 1)).toBe(1025);
  });
});
