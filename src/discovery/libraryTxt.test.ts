import { describe, expect, it } from 'vitest';
import { decodeLibraryTxt, encodeLibraryTxt, instanceName, isAnnounceableHost } from './libraryTxt';

describe('libraryTxt', () => {
  it('round-trips a library through its TXT record, as text or as bytes', () => {
    const library = {
      name: 'Kitchen',
      songCount: 812,
      extensions: ['meta', 'auth'],
      accessCode: true,
    };
    const txt = encodeLibraryTxt(library);
    expect(txt).toEqual({
      txtvers: '1',
      name: 'Kitchen',
      songs: '812',
      ext: 'meta,auth',
      code: '1',
    });
    expect(decodeLibraryTxt(txt, 'x')).toEqual(library);
    const bytes = Object.fromEntries(Object.entries(txt).map(([k, v]) => [k, Buffer.from(v)]));
    expect(decodeLibraryTxt(bytes, 'x')).toEqual(library);
  });

  it('reads a missing or garbled record without failing', () => {
    expect(decodeLibraryTxt(undefined, 'Den')).toEqual({
      name: 'Den',
      songCount: 0,
      extensions: [],
      accessCode: false,
    });
    expect(decodeLibraryTxt({ songs: '-4', code: 'yes', ext: ',,' }, 'Den').songCount).toBe(0);
  });

  it('makes a DNS label of any name', () => {
    expect(instanceName(' Anna\u0000s\nlaptop ')).toBe('Anna s laptop');
    expect(instanceName('')).toBe('Tidewave library');
    const long = instanceName('é'.repeat(40));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long).toBe('é'.repeat(31));
  });

  it('announces only libraries bound beyond loopback', () => {
    expect(
      ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1'].map(isAnnounceableHost),
    ).toEqual([false, false, false, false, false]);
    expect(['0.0.0.0', '::', '192.168.1.20'].map(isAnnounceableHost)).toEqual([true, true, true]);
  });
});
