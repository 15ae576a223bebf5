import { describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { carryOverId } from './carryOverId';

const song = (id: number, title: string): SongInfo => ({
  id,
  title,
  artist: 'A',
  album: 'B',
  durationSeconds: 10,
  hasCover: false,
});
const before = [song(0, 'Alpha'), song(1, 'Beta'), song(2, 'Gamma')];

describe('carryOverId', () => {
  it('keeps an id that still names the same song (stable ids)', () => {
    expect(carryOverId(before, [song(1, 'Beta'), song(5, 'New')], 1)).toBe(1);
  });

  it('follows a song whose id moved (ids that are list positions)', () => {
    const after = [song(0, 'Aardvark'), song(1, 'Alpha'), song(2, 'Beta'), song(3, 'Gamma')];
    expect(carryOverId(before, after, 1)).toBe(2);
    expect(carryOverId(before, after, 2)).toBe(3);
  });

  it('drops a song that is gone', () => {
    expect(carryOverId(before, [song(0, 'Alpha'), song(2, 'Gamma')], 1)).toBeNull();
    expect(carryOverId(before, before, null)).toBeNull();
  });

  it('keeps the id of a song only retagged', () => {
    expect(carryOverId(before, [song(0, 'Alpha'), song(1, 'Beta (remaster)')], 1)).toBe(1);
  });
});
