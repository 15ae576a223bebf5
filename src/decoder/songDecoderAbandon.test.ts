import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABANDON_PIECES } from './abandonMark';
import { pcmFrameCount } from './pcmChunk';
import { SongDecoder } from './songDecoder';
import { samePcm } from '../../test/support/samePcm';

const MUSIC_DIR = fileURLToPath(new URL('../../music', import.meta.url));
const SONG = join(
  MUSIC_DIR,
  readdirSync(MUSIC_DIR).find((name) => name.endsWith('.mp3')) ?? 'missing.mp3',
);

describe('SongDecoder: a song abandoned during a decode', () => {
  it('stops between pieces: a decode abandoned after its first piece gives that piece only', async () => {
    const song = readFileSync(SONG);
    const decoder = await SongDecoder.create();
    const whole = await decoder.decode(song);
    await decoder.reset();
    let asked = 0;
    const cut = await decoder.decode(song, () => asked++ > 0);
    expect(asked).toBe(2); // before the first piece, and before the second, where it stopped
    const wholeFrames = whole ? pcmFrameCount(whole) : 0;
    const cutFrames = cut ? pcmFrameCount(cut) : 0;
    expect(cutFrames).toBeGreaterThan(0);
    expect(cutFrames).toBeLessThan((wholeFrames * 1.5) / ABANDON_PIECES);

    // Never abandoned: the pieces give every sample a single call gives.
    await decoder.reset();
    const pieced = await decoder.decode(song, () => false);
    expect(pieced && whole && samePcm(pieced, whole)).toBe(true);
    decoder.free();
  });

  it('stops decodeUntil before its next piece', async () => {
    const song = readFileSync(SONG);
    const decoder = await SongDecoder.create();
    const part = await decoder.decodeUntil(song, 5, () => true);
    expect(part).toEqual({ pcm: null, used: 0 });
    decoder.free();
  });
});
