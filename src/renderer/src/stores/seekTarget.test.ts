import { describe, expect, it } from 'vitest';
import { seekTarget } from './seekTarget';

describe('seekTarget', () => {
  it('seeks inside the song, and not before its start', () => {
    expect(seekTarget(12.5, 30)).toBe(12.5);
    expect(seekTarget(29.9, 30)).toBe(29.9);
    expect(seekTarget(-3, 30)).toBe(0);
  });

  it('goes on to the next song at or past the end', () => {
    expect(seekTarget(30, 30)).toBe('next');
    expect(seekTarget(30.85, 30)).toBe('next');
  });

  it('seeks as asked when the duration is unknown', () => {
    expect(seekTarget(400, null)).toBe(400);
    expect(seekTarget(5, 0)).toBe(5);
  });
});
