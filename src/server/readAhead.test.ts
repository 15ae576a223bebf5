import { describe, expect, it } from 'vitest';
import { ReadAhead } from './readAhead';

describe('ReadAhead', () => {
  it('gives back the bytes read in order, across refills, moving the rest to the front', () => {
    const ahead = new ReadAhead(8);
    const source = Buffer.from('abcdefghijklmnop');
    let read = 0;
    const fill = () => {
      const space = ahead.space();
      const bytes = source.copy(space, 0, read, Math.min(source.length, read + space.length));
      ahead.added(bytes);
      read += bytes;
    };
    fill();
    expect(ahead.buffered).toBe(8);
    expect(ahead.take(3).toString()).toBe('abc');
    fill(); // the five left move up; three more fit
    expect(ahead.buffered).toBe(8);
    expect(ahead.take(6).toString()).toBe('defghi');
    expect(ahead.take(6).toString()).toBe('jk');
    fill();
    expect(ahead.take(100).toString()).toBe('lmnop');
    expect(ahead.buffered).toBe(0);
  });

  it('refuses more bytes than its room', () => {
    const ahead = new ReadAhead(4);
    ahead.space();
    expect(() => ahead.added(5)).toThrow(RangeError);
    expect(() => new ReadAhead(0)).toThrow(RangeError);
  });
});
