import { describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { departedAfter, shownSong } from './shownSong';

const song = (id: number, title: string): SongInfo => ({
  id,
  title,
  artist: 'Artist',
  album: 'Album',
  durationSeconds: 30,
  hasCover: false,
});

const [alpha, beta, gamma] = [song(0, 'Alpha'), song(1, 'Beta'), song(2, 'Gamma')];

describe('shownSong', () => {
  it('is the listed song with the id, or none', () => {
    expect(shownSong([alpha, beta], null, 1)).toBe(beta);
    expect(shownSong([alpha, beta], null, 7)).toBeNull();
    expect(shownSong([alpha, beta], null, null)).toBeNull();
  });

  it('names the departed song while the player is on it, even if its id was given again', () => {
    expect(shownSong([alpha], gamma, 2)).toBe(gamma);
    expect(shownSong([alpha, song(2, 'Newcomer')], gamma, 2)).toBe(gamma);
    expect(shownSong([alpha, beta], gamma, 1)).toBe(beta);
  });
});

describe('departedAfter', () => {
  it('keeps the playing song the new list dropped, as it was listed', () => {
    expect(departedAfter([alpha, beta, gamma], null, 2, null)).toBe(gamma);
  });

  it('keeps an already departed song through later changes', () => {
    expect(departedAfter([alpha, beta], null, 2, gamma)).toBe(gamma);
    // A position-numbered server gave its id to another song: still the departed one plays.
    expect(departedAfter([alpha, beta], 2, 2, gamma)).toBe(gamma);
  });

  it('is none while the playing song is still listed, or nothing plays', () => {
    expect(departedAfter([alpha, beta, gamma], 2, 2, null)).toBeNull();
    expect(departedAfter([alpha, beta, gamma], null, null, gamma)).toBeNull();
  });
});
