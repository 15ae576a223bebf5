import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPUS_PRE_ROLL } from '../../src/library/opusSeek';
import { PlaybackService } from '../../src/player';
import { tone } from '../support/formatFixtures';
import { referenceDecode, snrDb } from '../support/referenceDecoders';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { PlayedSamples } from './playedSamples';

const run = promisify(execFile);

/**
 * opusenc's pages here end at 1 s, 2 s…: a seek's data starts at one of those (PROTOCOL §7.2).
 * The least decoded before T is the pre-roll, and it counts the pre-skip (312 samples here) the
 * decoder drops at the stream's start: a start that far after a page boundary is the worst.
 */
const LEAST = (OPUS_PRE_ROLL - 312) / 48000;
const PAGE_OFFSETS = [0.01, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, LEAST, 0.35, 0.4, 0.45, 0.6, 0.85];

// Found in session 11: with 80 ms of pre-roll a seek 90-100 ms after a page boundary was
// 37-42 dB from opusdec over the rest of the song (Opus converges some 0.3 dB per ms).
// Every start time across a page, through the server, the client and the worker decoder, must
// give opusdec's decode of the whole file from that time within 100 dB, as a full play does.
describe('Opus seek pre-roll', () => {
  let dir: string;
  let running: RunningServer;
  const songs = ['cd.opus', 'phone 8k mono.opus'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-opus-preroll-'));
    const cd = join(dir, '.src-cd.wav');
    const phone = join(dir, '.src-phone.wav');
    await Promise.all([
      tone(cd, { seconds: 3, rate: 44100, channels: 2, bits: 16 }),
      tone(phone, { seconds: 2, rate: 8000, channels: 1, bits: 16 }),
    ]);
    await Promise.all([
      run('opusenc', ['--quiet', cd, join(dir, songs[0])]),
      run('opusenc', ['--quiet', phone, join(dir, songs[1])]),
    ]);
    running = await startTestServer({ folder: dir, pacing: false });
  }, 60_000);
  afterAll(async () => {
    await running?.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('every start across a page is within 100 dB of opusdec', { timeout: 60_000 }, async () => {
    const service = new PlaybackService();
    const played = new PlayedSamples(service);
    const below: string[] = [];
    try {
      await service.connect('127.0.0.1', running.port);
      for (const name of songs) {
        const song = running.server.library.songs.find((s) => s.relativePath === name);
        const reference = await referenceDecode(join(dir, name), { name, kind: 'opus' });
        const frames = reference.channels[0].length;
        const starts = [1, 2].flatMap((page) => PAGE_OFFSETS.map((x) => page + x));
        for (const seconds of starts.filter((s) => s * 48000 < frames)) {
          const label = `${name} from ${seconds.toFixed(4)} s`;
          const { streamId } = await service.play({ songId: song!.id, startSeconds: seconds });
          const events = await played.until(streamId, () => played.ended(streamId));
          expect(events.at(-1)?.kind, label).toBe('ended');
          const from = Math.round(seconds * 48000);
          const got = played.samples(streamId);
          expect(got[0].length, label).toBe(frames - from);
          const expected = reference.channels.map((channel) => channel.subarray(from));
          const snr = snrDb(
            { sampleRate: 48000, channels: expected },
            { sampleRate: 48000, channels: got },
          );
          if (!(snr > 100)) below.push(`${label}: ${snr.toFixed(1)} dB`);
        }
      }
    } finally {
      await service.dispose();
    }
    expect(below).toEqual([]);
  });
});
