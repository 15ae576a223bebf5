import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import { fullPlay } from '../player/support/fullPlay';
import { pcmChecksum } from '../player/support/streamRecorder';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { PlayedSamples } from './playedSamples';

/** The bundled songs: MPEG-1 Layer III with a LAME tag (1105 samples of delay), 44.1 kHz. */
const DELAY = 1105;
const atFrame = (frame: number) => (frame * 1152 - DELAY + 600) / 44_100;

// Issue 10 item 4: a resume (a seek to the next sample) must give the full play bit for bit,
// not within rounding. Four neighbouring target frames cover every phase of the decoder's
// synthesis ring (src/library/synthPhase.ts); 10 s was 2.4e-7 off on 644,308 samples before.
describe('seeking is bit-exact against the full play', { timeout: 60_000 }, () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startTestServer({ pacing: false });
  });
  afterAll(async () => {
    await running.server.close();
  });

  it('from a start in each phase of the synthesis ring, the same samples to the bit', async () => {
    const song = running.server.library.songs[0];
    const full = await fullPlay(song.absolutePath);
    const service = new PlaybackService();
    const played = new PlayedSamples(service);
    try {
      await service.connect('127.0.0.1', running.port);
      for (const seconds of [10, atFrame(300), atFrame(301), atFrame(302), atFrame(303)]) {
        const { streamId } = await service.play({ songId: song.id, startSeconds: seconds });
        const events = await played.until(streamId, () => played.ended(streamId));
        expect(events.at(-1)?.kind).toBe('ended');
        const from = Math.round(seconds * 44_100);
        const expected = full.map((channel) => channel.subarray(from));
        const samples = played.samples(streamId);
        expect(samples[0].length).toBe(expected[0].length);
        expect(pcmChecksum([samples]), `from ${seconds} s`).toBe(pcmChecksum([expected]));
      }
    } finally {
      await service.dispose();
    }
  });
});
