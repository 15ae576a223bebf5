import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataChunker } from './dataChunker';
import { serverMessages } from './messages';
import { framedLength, framePlayData, framePlayDataInto } from './playDataFrame';

describe('framePlayData', () => {
  it('equals the concatenated play packets of the same chunks', () => {
    const songBytes = fc.uint8Array({ maxLength: 20_000 }).map((bytes) => Buffer.from(bytes));
    // Delimiters planted often enough that the chunker has to cut around them.
    const delimiterRich = fc
      .array(fc.constantFrom('<NEXT;>', '<END;>', '<NEXT', ';>', 'ab'), { maxLength: 400 })
      .map((parts) => Buffer.from(parts.join(''), 'latin1'));
    fc.assert(
      fc.property(fc.oneof(songBytes, delimiterRich), (song) => {
        const chunker = new DataChunker();
        const chunks = [...chunker.push(song), ...chunker.flush()];
        const expected = Buffer.concat(chunks.map((chunk) => serverMessages.playData(chunk)));
        expect(framePlayData(chunks).equals(expected)).toBe(true);
      }),
    );
  });

  it('frames a single chunk and nothing as nothing', () => {
    expect(framePlayData([Buffer.from('abc')]).toString()).toBe('play<NEXT;>abc<NEXT;><END;>');
    expect(framePlayData([]).length).toBe(0);
  });

  it('frames into a reused buffer exactly what it frames into a fresh one', () => {
    const chunkList = fc.array(fc.uint8Array({ minLength: 1, maxLength: 4072 }), { maxLength: 6 });
    fc.assert(
      fc.property(chunkList, fc.integer({ min: 0, max: 255 }), (chunks, stale) => {
        // A buffer used before: larger than the frame and full of old bytes.
        const target = Buffer.alloc(framedLength(chunks) + 100, stale);
        const written = framePlayDataInto(chunks, target);
        expect(written).toBe(framedLength(chunks));
        expect(target.subarray(0, written).equals(framePlayData(chunks))).toBe(true);
        expect(target.subarray(written).every((byte) => byte === stale)).toBe(true);
      }),
    );
  });
});
