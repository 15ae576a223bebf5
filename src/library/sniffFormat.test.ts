import { describe, expect, it } from 'vitest';
import { encodeSineMp3, noiseBytes, withId3Tag } from '../../test/support/mp3Fixtures';
import { sniffFormat } from './sniffFormat';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const padded = (head: Uint8Array, length = 200) => {
  const bytes = new Uint8Array(Math.max(length, head.length));
  bytes.set(head);
  return bytes;
};
/** The first Ogg page header (one segment) followed by the start of its packet. */
const oggPage = (packet: Uint8Array) =>
  padded(Uint8Array.from([...ascii('OggS'), 0, 2, ...new Array(20).fill(0), 1, 30, ...packet]));

describe('sniffFormat', () => {
  it('knows each format by its magic numbers', () => {
    const mp3 = encodeSineMp3({ seconds: 0.2 });
    expect(sniffFormat(mp3, true)).toEqual({ kind: 'format', format: 'mp3', audioOffset: 0 });
    expect(sniffFormat(padded(ascii('fLaC')), true)).toMatchObject({ format: 'flac' });
    expect(sniffFormat(padded(ascii('RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01\0')), true)).toMatchObject({
      format: 'wav',
    });
    expect(sniffFormat(oggPage(ascii('OpusHead')), true)).toMatchObject({ format: 'opus' });
    expect(sniffFormat(oggPage(ascii('\x01vorbis')), true)).toMatchObject({ format: 'vorbis' });
    expect(sniffFormat(oggPage(ascii('\x7fFLAC')), true)).toMatchObject({ format: 'flac' });
  });

  it('looks past ID3v2 tags, whatever follows them', () => {
    const mp3 = encodeSineMp3({ seconds: 0.2 });
    const tagged = withId3Tag(mp3, { title: 'T', withCover: true });
    const tagLength = tagged.length - mp3.length;
    expect(sniffFormat(tagged, true)).toEqual({
      kind: 'format',
      format: 'mp3',
      audioOffset: tagLength,
    });
    const flacAfterTag = Buffer.concat([tagged.subarray(0, tagLength), padded(ascii('fLaC'))]);
    expect(sniffFormat(flacAfterTag, true)).toMatchObject({
      format: 'flac',
      audioOffset: tagLength,
    });
    // Only the tag's header in hand: asks for the bytes up to the audio and a little more.
    expect(sniffFormat(tagged.subarray(0, 100), false)).toEqual({
      kind: 'more',
      bytesNeeded: tagLength + 64,
    });
  });

  it('asks for more bytes only while more can come', () => {
    expect(sniffFormat(ascii('fL'), false)).toEqual({ kind: 'more', bytesNeeded: 10 });
    expect(sniffFormat(ascii('fL'), true)).toEqual({
      kind: 'unknown',
      reason: 'too short to hold audio',
    });
    expect(sniffFormat(new Uint8Array(0), true).kind).toBe('unknown');
  });

  it('names what it cannot play', () => {
    expect(sniffFormat(noiseBytes(4096), true)).toEqual({
      kind: 'unknown',
      reason: 'not MP3, FLAC, Ogg Vorbis, Opus or WAV',
    });
    expect(sniffFormat(padded(ascii('\0\0\0\x20ftypM4A ')), true)).toEqual({
      kind: 'unknown',
      reason: 'MP4/AAC is not supported',
    });
    expect(sniffFormat(oggPage(ascii('\x80theora')), true)).toEqual({
      kind: 'unknown',
      reason: 'an Ogg stream of an unsupported codec',
    });
    const adpcm = padded(ascii('RIFF\0\0\0\0WAVEfmt \x14\0\0\0\x02\0'));
    expect(sniffFormat(adpcm, true)).toEqual({
      kind: 'unknown',
      reason: 'a WAV encoding other than PCM or float (2)',
    });
    const extensibleFloat = padded(ascii('RIFF\0\0\0\0WAVEfmt \x28\0\0\0\xfe\xff'));
    extensibleFloat[44] = 3;
    expect(sniffFormat(extensibleFloat, true)).toMatchObject({ format: 'wav' });
    // A sync word with a reserved layer is not an MPEG header.
    expect(sniffFormat(padded(Uint8Array.from([0xff, 0xf9, 0x90, 0x00])), true).kind).toBe(
      'unknown',
    );
  });
});
