import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import { fullPlay } from '../player/support/fullPlay';
import { pcmChecksum } from '../player/support/streamRecorder';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import { encodeReferenceMp3, MP3_KINDS } from '../support/referenceMp3';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { PlayedSamples } from './playedSamples';

/** The bundled songs: MPEG-1 Layer III with a LAME tag (1105 samples of delay), 44.1 kHz. */
const DELAY = 1105;
/** MPEG-2.5 at 8 kHz is still within 1.8e-7 only from some frames (PROTOCOL §7.1.1). */
const BIT_EXACT_KINDS = MP3_KINDS.filter((kind) => kind.name !== 'mpeg25-8k');
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

  it('the same for MPEG-2 and 2.5 (an 8-frame phase), VBR, no Xing frame (not 8 kHz yet)', async () => {
    const dir = await makeTempDir();
    const files = new Map<string, string>();
    for (const kind of BIT_EXACT_KINDS)
      files.set(kind.name, await encodeReferenceMp3(dir, kind, 3.3));
    const fixtures = await startTestServer({ folder: dir, pacing: false });
    const service = new PlaybackService();
    const played = new PlayedSamples(service);
    try {
      await service.connect('127.0.0.1', fixtures.port);
      for (const kind of BIT_EXACT_KINDS) {
        const song = fixtures.server.library.songs.find(
          (s) => s.relativePath === `${kind.name}.mp3`,
        )!;
        const full = await fullPlay(files.get(kind.name)!);
        for (const seconds of [0.9, 1.37, 2.05]) {
          const { streamId } = await service.play({ songId: song.id, startSeconds: seconds });
          await played.until(streamId, () => played.ended(streamId));
          const from = Math.round(seconds * kind.sampleRate);
          const expected = full.map((channel) => channel.subarray(from));
          expect(pcmChecksum([played.samples(streamId)]), `${kind.name} from ${seconds} s`).toBe(
            pcmChecksum([expected]),
          );
        }
      }
    } finally {
      await service.dispose();
      await fixtures.server.close();
      await removeDir(dir);
    }
  });
});
