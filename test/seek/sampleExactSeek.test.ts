import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import { PlaybackService } from '../../src/player';
import {
  encodeReferenceMp3,
  largestDifference,
  MP3_KINDS,
  referenceDecode,
  SAME_SAMPLE_TOLERANCE,
  type ReferencePcm,
} from '../support/referenceMp3';
import { startSeedServer, type SeedServer } from '../support/seedServer';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { PlayedSamples } from './playedSamples';

const SONG_SECONDS = 5.3;
const STARTS = [0.5, 1.7, 3.14159, 5.1];

/** Asserts that `played` is the reference decode from sample round(seconds × rate), exactly. */
function expectSameAsReference(
  played: Float32Array[],
  reference: ReferencePcm,
  from: number,
  wholeRest: boolean,
) {
  if (wholeRest) expect(played[0].length).toBe(reference.frames - from);
  else expect(played[0].length).toBeGreaterThan(0);
  reference.channels.forEach((channel, c) => {
    expect(largestDifference(played[c], channel, from)).toBeLessThan(SAME_SAMPLE_TOLERANCE);
  });
}

// Issue 15 A2: `play ID T` through the server, the client and the worker decoder gives the
// samples of the whole file's reference decode from round(T × rate) on, to the sample.
describe('sample-exact seek', () => {
  let dir: string;
  const references = new Map<string, ReferencePcm>();
  let running: RunningServer;

  beforeAll(async () => {
    dir = await makeTempDir();
    for (const kind of MP3_KINDS) {
      const file = await encodeReferenceMp3(dir, kind, SONG_SECONDS);
      references.set(`${kind.name}.mp3`, await referenceDecode(file, kind.channels));
    }
    running = await startTestServer({ folder: dir, pacing: false });
  }, 120_000);
  afterAll(async () => {
    await running.server.close();
    await removeDir(dir);
  });

  it.each(MP3_KINDS.map((kind) => [kind.name, kind] as const))(
    '%s: from several start times, the rest of the song to the sample',
    async (name, kind) => {
      const service = new PlaybackService();
      const played = new PlayedSamples(service);
      try {
        await service.connect('127.0.0.1', running.port);
        const song = running.server.library.songs.find((s) => s.relativePath === `${name}.mp3`);
        const reference = references.get(`${name}.mp3`)!;
        for (const seconds of STARTS) {
          const { streamId } = await service.play({ songId: song!.id, startSeconds: seconds });
          const events = await played.until(streamId, () => played.ended(streamId));
          expect(events.at(-1)?.kind, `${name} from ${seconds} s`).toBe('ended');
          const from = Math.round(seconds * kind.sampleRate);
          expectSameAsReference(played.samples(streamId), reference, from, true);
        }
      } finally {
        await service.dispose();
      }
    },
  );

  it('a seed-era server ignores the start time: the player skips to it itself', async () => {
    const kind = MP3_KINDS.find((k) => k.name === 'vbr-xing')!;
    const bytes = await readFile(path.join(dir, `${kind.name}.mp3`));
    const seed: SeedServer = await startSeedServer([{ title: kind.name, bytes }]);
    const service = new PlaybackService();
    const played = new PlayedSamples(service);
    try {
      await service.connect('127.0.0.1', seed.port);
      const { streamId } = await service.play({ songId: 0, startSeconds: 1.7 });
      // No end marker from a seed server: compare what arrived once most of the song has.
      await played.until(streamId, () => played.sampleCount(streamId) > 2 * kind.sampleRate);
      const reference = references.get(`${kind.name}.mp3`)!;
      expectSameAsReference(played.samples(streamId), reference, Math.round(1.7 * 44100), false);
    } finally {
      await service.dispose();
      await seed.close();
    }
  });
});
