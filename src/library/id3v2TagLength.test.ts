import { describe, expect, it } from 'vitest';
import { id3v2TagLength } from './id3v2TagLength';
import { encodeSineMp3, withId3Tag } from '../../test/support/mp3Fixtures';

const id3Header = (flags: number, size: number[]) =>
  Uint8Array.from([0x49, 0x44, 0x33, 4, 0, flags, ...size]);

describe('id3v2TagLength', () => {
  it('decodes the syncsafe size and adds the 10-byte header', () => {
    expect(id3v2TagLength(id3Header(0, [0, 0, 0x02, 0x01]))).toBe(10 + 257);
    expect(id3v2TagLength(id3Header(0, [0x01, 0, 0, 0]))).toBe(10 + 2 ** 21);
  });

  it('adds the footer when the footer flag is set', () => {
    expect(id3v2TagLength(id3Header(0x10, [0, 0, 0x02, 0x01]))).toBe(10 + 257 + 10);
  });

  it('returns 0 when there is no valid tag', () => {
    expect(id3v2TagLength(Uint8Array.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0]))).toBe(0);
    expect(id3v2TagLength(id3Header(0, [0, 0, 0x80, 0]))).toBe(0);
    expect(id3v2TagLength(Uint8Array.from([0x49, 0x44, 0x33]))).toBe(0);
  });

  it('measures a tag written by node-id3', () => {
    const mp3 = encodeSineMp3({ seconds: 0.2 });
    const tagged = withId3Tag(mp3, { title: 'T', withCover: true });
    expect(id3v2TagLength(tagged)).toBe(tagged.length - mp3.length);
  });
});
