import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataChunker } from './dataChunker';
import { serverMessages } from './messages';
import { framePlayData } from './playDataFrame';

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
});
