import { describe, expect, it } from 'vitest';
import { pointerFraction } from './seekPointer';

describe('pointerFraction', () => {
  it('is the share of the bar left of the pointer', () => {
    expect(pointerFraction(150, 100, 200)).toBe(0.25);
    expect(pointerFraction(300, 100, 200)).toBe(1);
  });

  it('counts a pointer dragged past either end as that end', () => {
    expect(pointerFraction(40, 100, 200)).toBe(0);
    expect(pointerFraction(900, 100, 200)).toBe(1);
  });

  it('is 0 on a bar with no width (not laid out)', () => {
    expect(pointerFraction(150, 100, 0)).toBe(0);
  });
});
