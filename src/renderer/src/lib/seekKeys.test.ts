import { describe, expect, it } from 'vitest';
import { SEEK_STEP_SECONDS, seekKeyTarget } from './seekKeys';

describe('seekKeyTarget', () => {
  it('steps with the arrows, Up and Right forward, Down and Left back, never before 0', () => {
    expect(seekKeyTarget('ArrowRight', 12, 200)).toBe(12 + SEEK_STEP_SECONDS);
    expect(seekKeyTarget('ArrowUp', 12, 200)).toBe(12 + SEEK_STEP_SECONDS);
    expect(seekKeyTarget('ArrowLeft', 12, 200)).toBe(12 - SEEK_STEP_SECONDS);
    expect(seekKeyTarget('ArrowDown', 3, 200)).toBe(0);
  });

  it('pages by a tenth of the song, at least a step', () => {
    expect(seekKeyTarget('PageUp', 40, 200)).toBe(60);
    expect(seekKeyTarget('PageDown', 40, 200)).toBe(20);
    expect(seekKeyTarget('PageUp', 10, 30)).toBe(10 + SEEK_STEP_SECONDS);
    expect(seekKeyTarget('PageDown', 15, 400)).toBe(0);
  });

  it('goes to the start with Home and to the end with End', () => {
    expect(seekKeyTarget('Home', 95, 200)).toBe(0);
    expect(seekKeyTarget('End', 95, 200)).toBe(200);
  });

  it('leaves other keys to the page', () => {
    expect(seekKeyTarget(' ', 5, 200)).toBeNull();
    expect(seekKeyTarget('m', 5, 200)).toBeNull();
    expect(seekKeyTarget('Tab', 5, 200)).toBeNull();
  });
});
