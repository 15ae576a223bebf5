import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_MAX_PACKET_BYTES,
  DataChunker,
  FrameParser,
  MAX_DATA_BYTES,
  clientMessages,
  serverMessages,
} from '../protocol';
import { PlayDataAssembler } from './playDataAssembler';

/** The seed server's framing: raw fixed-size chunks, no delimiter safety, no end marker. */
function seedFrame(song: Buffer, chunkBytes: number): Buffer {
  const packets: Buffer[] = [];
  for (let at = 0; at < song.length; at += chunkBytes) {
    const chunk = song.subarray(at, at + chunkBytes);
    packets.push(Buffer.from('play<NEXT;>'), chunk, Buffer.from('<NEXT;><END;>'));
  }
  return Buffer.concat(packets);
}

/** Our server's framing: delimiter-safe chunks, then the end-of-song marker. */
function ourFrame(song: Buffer, chunkBytes: number): Buffer {
  const chunker = new DataChunker(chunkBytes);
  const chunks = [...chunker.push(song), ...chunker.flush()];
  return Buffer.concat([
    ...chunks.map((c) => serverMessages.playData(c)),
    serverMessages.endOfSong(),
  ]);
}

/** Feeds `wire` cut at `cuts` through a frame parser and an assembler. */
function reassemble(wire: Buffer, cuts: number[], seedFraming: boolean) {
  const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  const assembler = new PlayDataAssembler(seedFraming);
  const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
  const data: Buffer[] = [];
  let ends = 0;
  let start = 0;
  for (const point of [...points, wire.length]) {
    for (const packet of parser.push(wire.subarray(start, point))) {
      const piece = assembler.take(packet);
      if (piece?.kind === 'data') data.push(piece.bytes);
      else if (piece?.kind === 'end') ends += 1;
      else throw new Error(`not play data: ${packet.body.toString('latin1')}`);
    }
    start = point;
  }
  return { bytes: Buffer.concat(data), ends };
}

/** Song bytes dense in delimiters and their pieces. */
const songBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom('<NEXT;>', '<END;>', '<', '>', ';', 'NEXT', 'END', 'play', '<NEXT;', '<END;'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((pieces) => Buffer.from(pieces.join(''), 'latin1'));
const cuts = fc.array(fc.nat(), { maxLength: 12 });

/** The one case seed framing cannot express: the cut looks exactly like a complete packet. */
const AMBIGUOUS = Buffer.from('<NEXT;><END;>', 'latin1');

describe('PlayDataAssembler', () => {
  it('recovers song bytes framed the seed way, whatever the chunk size and TCP splits', () => {
    fc.assert(
      fc.property(songBytes, fc.integer({ min: 1, max: 24 }), cuts, (song, chunkBytes, at) => {
        fc.pre(!song.includes(AMBIGUOUS));
        const { bytes, ends } = reassemble(seedFrame(song, chunkBytes), at, true);
        expect(bytes.equals(song)).toBe(true);
        expect(ends).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('recovers seed-framed songs with the real 4072-byte chunks', () => {
    const song = Buffer.alloc(3 * MAX_DATA_BYTES + 100, 'x');
    song.write('<END;>', MAX_DATA_BYTES - 3, 'latin1'); // straddles a chunk boundary
    song.write('<END;>', 2 * MAX_DATA_BYTES, 'latin1'); // starts a chunk
    song.write('<NEXT;>', 100, 'latin1');
    song.write('<END;><END;>', 3 * MAX_DATA_BYTES - 12, 'latin1'); // ends a chunk
    expect(reassemble(seedFrame(song, MAX_DATA_BYTES), [5, 4100, 9000], true).bytes).toEqual(song);
  });

  it('recovers song bytes framed our way and reports the end marker once', () => {
    fc.assert(
      fc.property(songBytes, fc.integer({ min: 1, max: 24 }), cuts, (song, chunkBytes, at) => {
        const { bytes, ends } = reassemble(ourFrame(song, chunkBytes), at, false);
        expect(bytes.equals(song)).toBe(true);
        expect(ends).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('loses `<NEXT;><END;>` and the rest of its seed chunk (the documented ambiguity)', () => {
    const song = Buffer.from('ab<NEXT;><END;>cd', 'latin1');
    const assembler = new PlayDataAssembler(true);
    const packets = new FrameParser(4096).push(seedFrame(song, MAX_DATA_BYTES));
    expect(packets.map((p) => assembler.take(p))).toEqual([
      { kind: 'data', bytes: Buffer.from('ab') },
      null,
    ]);
  });

  it('leaves control replies to the session', () => {
    const assembler = new PlayDataAssembler();
    const packets = new FrameParser(4096).push(
      Buffer.concat([
        serverMessages.stop(),
        serverMessages.list('{sid: 0 title: a}'),
        clientMessages.quit(),
      ]),
    );
    expect(packets.map((p) => assembler.take(p))).toEqual([null, null, null]);
  });
});
