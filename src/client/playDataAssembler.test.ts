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
import { sliceAt } from '../../test/support/sliceAt';

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
function reassemble(wire: Buffer, cuts: number[], assembler: PlayDataAssembler) {
  const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  const data: Buffer[] = [];
  const replies: string[] = [];
  let ends = 0;
  for (const piece of sliceAt(wire, cuts)) {
    for (const packet of parser.push(piece)) {
      for (const item of assembler.take(packet)) {
        if (item.kind === 'data') data.push(item.bytes);
        else if (item.kind === 'end') ends += 1;
        else replies.push(item.packet.body.toString('latin1'));
      }
    }
  }
  return { bytes: Buffer.concat(data), ends, replies };
}

/** A seed-era song as our session sees it: its chunks, then the reply to the stop that ends it. */
function seedSong(song: Buffer, chunkBytes = MAX_DATA_BYTES, cuts: number[] = []) {
  const wire = Buffer.concat([seedFrame(song, chunkBytes), serverMessages.stop()]);
  return reassemble(wire, cuts, new PlayDataAssembler(true, chunkBytes));
}

/** Song bytes dense in delimiters and their pieces. */
const songBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom('<NEXT;>', '<END;>', '<', '>', ';', 'NEXT', 'END', 'play', '<NEXT;', '<END;'),
      fc.constantFrom('<NEXT;><END;>', '<NEXT;><END;>play<NEXT;>', '<NEXT;><END;><NEXT;><END;>'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((pieces) => Buffer.from(pieces.join(''), 'latin1'));
const cuts = fc.array(fc.nat(), { maxLength: 12 });

/**
 * What stays ambiguous (docs/PROTOCOL.md §2.4): a cut followed by bytes that read as a reply the
 * seed sends (stop, quit, list).
 */
const REPLY_AFTER_CUT = /<NEXT;><END;>(stop<NEXT;><END;>|quit<NEXT;><END;>|list<NEXT;>)/;

/** Every prefix of each delimiter and of a cut, and a few runs of them. */
const TOKENS = [
  ...['<NEXT;><END;>', '<END;>'].flatMap((d) => [...d].map((_, i) => d.slice(0, i + 1))),
  '<NEXT;><END;><NEXT;><END;>',
  '<END;><NEXT;><END;>',
  '<NEXT;><NEXT;><END;>',
  '<NEXT;><END;>play<NEXT;>',
];

describe('PlayDataAssembler', () => {
  it('recovers song bytes framed the seed way, whatever the chunk size and TCP splits', () => {
    fc.assert(
      fc.property(songBytes, fc.integer({ min: 1, max: 24 }), cuts, (song, chunkBytes, at) => {
        fc.pre(!REPLY_AFTER_CUT.test(song.toString('latin1')));
        const { bytes, ends, replies } = seedSong(song, chunkBytes, at);
        expect(bytes.equals(song)).toBe(true);
        expect(ends).toBe(0);
        expect(replies).toEqual(['stop<NEXT;>']);
      }),
      { numRuns: 3000 },
    );
  });

  it('recovers every delimiter piece at every offset around 4072-byte chunk boundaries', () => {
    const base = Buffer.alloc(3 * MAX_DATA_BYTES + 500, 'a');
    for (const token of TOKENS) {
      for (const boundary of [MAX_DATA_BYTES, 2 * MAX_DATA_BYTES, 3 * MAX_DATA_BYTES]) {
        for (let at = boundary - token.length - 2; at <= boundary + 2; at += 1) {
          const song = Buffer.from(base);
          song.write(token, at, 'latin1');
          const { bytes, replies } = seedSong(song);
          expect({ token, at, equal: bytes.equals(song) }).toEqual({ token, at, equal: true });
          expect(replies).toEqual(['stop<NEXT;>']);
        }
      }
    }
  });

  it('recovers every delimiter piece at and near the end of the song', () => {
    for (const token of TOKENS) {
      for (const length of [1, 100, MAX_DATA_BYTES - 1, MAX_DATA_BYTES, 2 * MAX_DATA_BYTES + 7]) {
        for (let gap = 0; gap <= 3; gap += 1) {
          const song = Buffer.alloc(token.length + gap + length, 'b');
          song.write(token, length, 'latin1');
          const { bytes } = seedSong(song);
          expect({ token, length, gap, equal: bytes.equals(song) }).toEqual({
            token,
            length,
            gap,
            equal: true,
          });
        }
      }
    }
  });

  it('recovers song bytes framed our way and reports the end marker once', () => {
    fc.assert(
      fc.property(songBytes, fc.integer({ min: 1, max: 24 }), cuts, (song, chunkBytes, at) => {
        const { bytes, ends } = reassemble(ourFrame(song, chunkBytes), at, new PlayDataAssembler());
        expect(bytes.equals(song)).toBe(true);
        expect(ends).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a cut followed by a seed reply for the end of a short last chunk (the ambiguity)', () => {
    const song = Buffer.from('ab<NEXT;><END;>stop<NEXT;><END;>cd', 'latin1');
    const { bytes, replies } = seedSong(song);
    expect(bytes.toString('latin1')).toBe('ab');
    expect(replies).toEqual(['stop<NEXT;>', 'cd<NEXT;>', 'stop<NEXT;>']);
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
    expect(packets.map((p) => assembler.take(p))).toEqual(
      packets.map((packet) => [{ kind: 'reply', packet }]),
    );
  });
});
