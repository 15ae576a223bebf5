import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLibrary, type Library } from '../../src/library';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import { encodeReferenceMp3, MP3_KINDS, referenceDecode } from '../support/referenceMp3';

// Issue 15 A3: a listed duration is what a full play decodes, the sample count over the rate.
describe('listed durations against the reference decoder', () => {
  let dir: string;
  let library: Library;
  const files = new Map<string, string>();
  // The issue's own case: 4 minutes of MPEG-2, 22.05 kHz, 32 kbit/s, mono, no Xing frame.
  const long = { ...MP3_KINDS.find((kind) => kind.name === 'mpeg2-mono-32k')!, name: 'long' };
  const kinds = [...MP3_KINDS, long];

  beforeAll(async () => {
    dir = await makeTempDir();
    for (const kind of kinds) {
      files.set(kind.name, await encodeReferenceMp3(dir, kind, kind === long ? 240 : 5.3));
    }
    library = await scanLibrary(dir);
  }, 120_000);
  afterAll(() => removeDir(dir));

  it.each(kinds.map((kind) => [kind.name, kind] as const))(
    '%s: duration × rate is the decoded sample count',
    async (name, kind) => {
      const song = library.songs.find((entry) => entry.relativePath === `${name}.mp3`);
      const reference = await referenceDecode(files.get(name)!, kind.channels);
      expect(song?.durationSeconds).not.toBeNull();
      // Exact: the issue asks for one frame at most, and nothing stands in the way of none.
      expect(Math.round((song?.durationSeconds ?? 0) * kind.sampleRate)).toBe(reference.frames);
    },
  );
});
