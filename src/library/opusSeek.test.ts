import { execFile } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tone } from '../../test/support/formatFixtures';
import { makeTempDir, removeDir } from '../../test/support/mp3Fixtures';
import { parseOggPage } from './oggPage';
import { OPUS_PRE_ROLL, planOpusSeek } from './opusSeek';

const run = promisify(execFile);

describe('planOpusSeek', () => {
  let dir: string;
  let song: string;
  /** Song samples at which the file's audio pages end (the granules: pre-skip not taken off). */
  let pageEnds: number[];
  let preSkip: number;

  beforeAll(async () => {
    dir = await makeTempDir();
    const wav = path.join(dir, 'tone.wav');
    song = path.join(dir, 'tone.opus');
    await tone(wav, { seconds: 3, rate: 48000, channels: 2, bits: 16 });
    // Pages of 100 ms: many boundaries for the plan to choose from.
    await run('opusenc', ['--quiet', '--max-delay', '100', wav, song]);
    const bytes = await readFile(song);
    preSkip = bytes.readUInt16LE(28 + 10);
    pageEnds = [];
    for (let at = 0, page = 0; at < bytes.length; page++) {
      const parsed = parseOggPage(bytes, at)!;
      if (page >= 2 && parsed.granule > 0) pageEnds.push(parsed.granule);
      at += parsed.length;
    }
  }, 30_000);
  afterAll(() => removeDir(dir));

  it('starts at the latest page that decodes at least the pre-roll before the target', async () => {
    const file = await open(song, 'r');
    try {
      for (let seconds = 0.05; seconds < 2.95; seconds += 0.0437) {
        const target = Math.round(seconds * 48000);
        const plan = await planOpusSeek(file, seconds);
        // The data decodes from song sample FIRST − pre-skip (the decoder drops the pre-skip).
        const decodedBefore = target - (plan.firstSample - preSkip);
        if (plan.firstSample === 0) {
          expect(pageEnds[0] - preSkip, `${seconds}`).toBeGreaterThan(target - OPUS_PRE_ROLL);
          continue;
        }
        expect(pageEnds, `${seconds}`).toContain(plan.firstSample);
        expect(decodedBefore, `${seconds}`).toBeGreaterThanOrEqual(OPUS_PRE_ROLL);
        const next = pageEnds.find((end) => end > plan.firstSample)!;
        expect(target - (next - preSkip), `${seconds}`).toBeLessThan(OPUS_PRE_ROLL);
      }
    } finally {
      await file.close();
    }
  });

  it('keeps at least the 80 ms RFC 7845 asks for', () => {
    expect(OPUS_PRE_ROLL).toBeGreaterThanOrEqual(3840);
  });
});
