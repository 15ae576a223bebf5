import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { encodeSineMp3 } from '../support/mp3Fixtures';
import { MAX_DATA_BYTES } from '../../src/protocol';
import { startSeedServer, type SeedSong } from '../support/seedServer';
import { SongCollector } from './songCollector';

const CUT = '<NEXT;><END;>';

/** Every prefix of a cut and of `<END;>`, and runs of them: what a chunk must survive. */
const TOKENS = [
  ...[CUT, '<END;>'].flatMap((d) => [...d].map((_, i) => d.slice(0, i + 1))),
  `${CUT}${CUT}`,
  `<END;>${CUT}`,
  `<NEXT;>${CUT}`,
  `${CUT}play<NEXT;>`,
];

/** Plays every song through our client from the seed server re-creation, byte for byte. */
async function playThroughSeed(songs: readonly SeedSong[]): Promise<Buffer[]> {
  const server = await startSeedServer(songs);
  const session = await ClientSession.connect({
    host: '127.0.0.1',
    port: server.port,
    requestTimeoutMs: 2000,
  });
  try {
    await session.list(); // a list without metadata: seed framing
    const received: Buffer[] = [];
    for (const [id, song] of songs.entries()) {
      const collector = new SongCollector(session.play(id));
      // A seed server sends no end marker: wait for the song's size (or a failure), then stop.
      // Bounded: bytes lost would otherwise leave it waiting for ever.
      await Promise.race([
        collector.reached(song.bytes.length),
        collector.stream.outcome(),
        new Promise((resolve) => setTimeout(resolve, 3000)),
      ]);
      await session.stop();
      received.push(collector.bytes);
    }
    return received;
  } finally {
    session.close();
    await server.close();
  }
}

/** Syncsafe integer, as ID3v2 sizes are written. */
function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function id3v2Frame(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/**
 * The song of issue 15 A1: a cut in the title (file offset 80), in a PRIV frame across the first
 * chunk boundary (bytes 4066-4078) and in the ID3v1 title at the very end.
 */
function issueSong(): Buffer {
  const title = Buffer.from(`\x00${'t'.repeat(59)}${CUT}${'t'.repeat(28)}`, 'latin1');
  const owner = Buffer.from('tidewave\x00', 'latin1');
  const privStart = 10 + 10 + title.length + 10 + owner.length;
  const priv = Buffer.alloc(6000, 0x55);
  priv.write(CUT, 4066 - privStart, 'latin1');
  const frames = Buffer.concat([
    id3v2Frame('TIT2', title),
    id3v2Frame('PRIV', Buffer.concat([owner, priv])),
  ]);
  const header = Buffer.concat([Buffer.from('ID3\x03\x00\x00', 'latin1'), syncsafe(frames.length)]);
  const v1 = Buffer.alloc(128, 0);
  v1.write(`TAG${CUT}`, 0, 'latin1');
  const song = Buffer.concat([header, frames, encodeSineMp3({ seconds: 0.5 }), v1]);
  expect(song.subarray(80, 93).toString('latin1')).toBe(CUT);
  expect(song.subarray(4066, 4079).toString('latin1')).toBe(CUT);
  return song;
}

describe('our client against a seed-era server, with delimiters in the song', () => {
  it('recovers the song of the issue byte for byte (it came out 4,117 bytes short)', async () => {
    const song = issueSong();
    const [received] = await playThroughSeed([{ title: 'issue.mp3', bytes: song }]);
    expect(received.length).toBe(song.length);
    expect(received.equals(song)).toBe(true);
  });

  it('recovers every delimiter piece at every offset around a chunk boundary', async () => {
    // One placement per boundary, so one long song covers every token at every offset.
    const placements = TOKENS.flatMap((token) =>
      Array.from({ length: token.length + 5 }, (_, i) => ({ token, shift: i - token.length - 2 })),
    );
    const song = Buffer.alloc((placements.length + 1) * MAX_DATA_BYTES + 321, 0x61);
    placements.forEach(({ token, shift }, i) =>
      song.write(token, (i + 1) * MAX_DATA_BYTES + shift, 'latin1'),
    );
    const [received] = await playThroughSeed([{ title: 'boundaries.mp3', bytes: song }]);
    expect(received.length).toBe(song.length);
    expect(received.equals(song)).toBe(true);
  });

  it('recovers songs with delimiter pieces near chunk boundaries and at the end (property)', async () => {
    const song = fc
      .record({
        chunks: fc.integer({ min: 0, max: 3 }),
        tail: fc.integer({ min: 0, max: MAX_DATA_BYTES }),
        near: fc.array(
          fc.record({
            token: fc.constantFrom(...TOKENS),
            boundary: fc.nat(4),
            shift: fc.integer({ min: -16, max: 4 }),
          }),
          { maxLength: 6 },
        ),
        atEnd: fc.option(fc.record({ token: fc.constantFrom(...TOKENS), gap: fc.nat(3) })),
      })
      .map(({ chunks, tail, near, atEnd }) => {
        const bytes = Buffer.alloc(Math.max(1, chunks * MAX_DATA_BYTES + tail), 0x62);
        for (const { token, boundary, shift } of near) {
          const at = boundary * MAX_DATA_BYTES + shift;
          if (at >= 0 && at + token.length <= bytes.length) bytes.write(token, at, 'latin1');
        }
        if (atEnd && atEnd.token.length + atEnd.gap <= bytes.length) {
          bytes.write(atEnd.token, bytes.length - atEnd.gap - atEnd.token.length, 'latin1');
        }
        return bytes;
      });
    await fc.assert(
      fc.asyncProperty(fc.array(song, { minLength: 1, maxLength: 3 }), async (songs) => {
        const received = await playThroughSeed(songs.map((bytes, i) => ({ title: `${i}`, bytes })));
        received.forEach((bytes, i) => expect(bytes.equals(songs[i])).toBe(true));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
