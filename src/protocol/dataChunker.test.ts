import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataChunker, safeCutPoint } from './dataChunker';
import { FrameParser } from './frameParser';
import { serverMessages } from './messages';
import { MAX_DATA_BYTES, MAX_PLAY_PACKET_BYTES } from './wireConstants';
import { sliceAt } from '../../test/support/sliceAt';

/** Chunks `song` as the server does, fed in the given pieces. */
function chunk(pieces: Buffer[], max = MAX_DATA_BYTES): Buffer[] {
  const chunker = new DataChunker(max);
  return [...pieces.flatMap((piece) => chunker.push(piece)), ...chunker.flush()];
}

const holdsDelimiter = (b: Buffer): boolean => b.includes('<NEXT;>') || b.includes('<END;>');

/** Bytes biased towards delimiters and their fragments, which is where framing breaks. */
const trickyBytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc
        .constantFrom('<NEXT;>', '<END;>', '<NEXT', '<END', ';>', '<', '<<END;>>')
        .map((s) => Buffer.from(s)),
    ),
    { maxLength: 60 },
  )
  .map((parts) => Buffer.concat(parts.map((p) => Buffer.from(p))));

/** The plain way to cut, as the chunker once did: the whole song, two searches per chunk. */
function referenceChunks(song: Buffer, max: number): Buffer[] {
  const out: Buffer[] = [];
  for (let start = 0; start < song.length;) {
    let cut = Math.min(max, song.length - start);
    for (const delimiter of ['<NEXT;>', '<END;>']) {
      const at = song.subarray(start, start + cut).indexOf(delimiter);
      if (at !== -1) cut = Math.min(cut, at + delimiter.length - 1);
    }
    out.push(song.subarray(start, start + cut));
    start += cut;
  }
  return out;
}

describe('safeCutPoint', () => {
  it('cuts inside a delimiter that would otherwise fit whole', () => {
    const bytes = Buffer.from('abc<END;>def');
    expect(safeCutPoint(bytes, 100)).toBe(8);
    expect(safeCutPoint(bytes, 5)).toBe(5);
  });
});

describe('DataChunker', () => {
  it('splits a plain file into full 4072-byte chunks', () => {
    const song = Buffer.alloc(10_000, 7);
    const chunks = chunk([song]);
    expect(chunks.map((c) => c.length)).toEqual([4072, 4072, 1856]);
    expect(Buffer.concat(chunks).equals(song)).toBe(true);
  });

  it('never puts a whole delimiter in a chunk and reassembles exactly (property)', () => {
    fc.assert(
      fc.property(
        trickyBytes,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 8, max: 64 }),
        (song, cuts, max) => {
          const pieces = sliceAt(song, cuts);
          const chunks = chunk(pieces, max);
          for (const c of chunks) {
            expect(c.length).toBeGreaterThan(0);
            expect(c.length).toBeLessThanOrEqual(max);
            expect(holdsDelimiter(c)).toBe(false);
          }
          expect(Buffer.concat(chunks).equals(song)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cuts exactly where the plain two-search cutter does, however the song is pushed (property)', () => {
    fc.assert(
      fc.property(
        trickyBytes,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 8, max: 64 }),
        (song, cuts, max) => {
          const pieces = sliceAt(song, cuts);
          const expected = referenceChunks(song, max).map((c) => c.toString('latin1'));
          expect(chunk(pieces, max).map((c) => c.toString('latin1'))).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves the pushed bytes free for reuse once their chunks are framed', () => {
    const song = Buffer.from('x'.repeat(50) + '<END;>' + 'y'.repeat(50));
    const chunker = new DataChunker(16);
    const scratch = Buffer.alloc(20);
    const framed: string[] = [];
    for (let at = 0; at < song.length; at += scratch.length) {
      const n = song.copy(scratch, 0, at, at + scratch.length);
      framed.push(...chunker.push(scratch.subarray(0, n)).map((c) => c.toString('latin1')));
      scratch.fill(0x21); // the caller reuses its buffer for the next read
    }
    framed.push(...chunker.flush().map((c) => c.toString('latin1')));
    expect(framed).toEqual(referenceChunks(song, 16).map((c) => c.toString('latin1')));
  });

  it('cuts the same with reused buffers, each push framed before the next (property)', () => {
    fc.assert(
      fc.property(
        trickyBytes,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 8, max: 64 }),
        (song, cuts, max) => {
          const chunker = new DataChunker(max, { reuseBuffers: true });
          const scratch = Buffer.alloc(song.length + 1);
          const framed: string[] = [];
          sliceAt(song, cuts).forEach((piece) => {
            const n = piece.copy(scratch);
            // Copied at once, as a frame would be; then the caller reuses its buffer.
            framed.push(...chunker.push(scratch.subarray(0, n)).map((c) => c.toString('latin1')));
            scratch.fill(0x3c);
          });
          framed.push(...chunker.flush().map((c) => c.toString('latin1')));
          expect(framed).toEqual(referenceChunks(song, max).map((c) => c.toString('latin1')));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('joins with reused buffers: no new memory for the chunk that straddles two pushes', () => {
    const chunker = new DataChunker(16, { reuseBuffers: true });
    const joinedBuffers = new Set<ArrayBufferLike>();
    const input = Buffer.alloc(24, 0x61);
    for (let i = 0; i < 5; i++) {
      const [first] = chunker.push(input);
      // From the second push on, the first chunk joins held-back bytes to new ones.
      if (i === 0) continue;
      expect(first.buffer).not.toBe(input.buffer);
      joinedBuffers.add(first.buffer);
    }
    expect(joinedBuffers.size).toBe(1);
  });

  it('survives the whole wire: chunk, frame, split arbitrarily, parse, reassemble (property)', () => {
    fc.assert(
      fc.property(trickyBytes, fc.array(fc.nat(), { maxLength: 30 }), (song, cuts) => {
        const wire = Buffer.concat([
          ...chunk([song]).map((c) => serverMessages.playData(c)),
          serverMessages.endOfSong(),
        ]);
        const parser = new FrameParser(MAX_PLAY_PACKET_BYTES);
        const packets = sliceAt(wire, cuts).flatMap((piece) => parser.push(piece));
        const last = packets.pop();
        expect(last?.fields.length).toBe(1);
        for (const p of packets) {
          expect(p.type).toBe('play');
          expect(p.fields.length).toBe(2);
          expect(p.body.length + 6).toBeLessThanOrEqual(MAX_PLAY_PACKET_BYTES);
        }
        expect(Buffer.concat(packets.map((p) => p.fields[1])).equals(song)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
