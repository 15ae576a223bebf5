import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, pcmFrameCount, type PcmChunk } from '../../src/decoder';
import { makeFormatFixtures, type Fixture } from '../support/formatFixtures';
import { referenceDecode, snrDb } from '../support/referenceDecoders';
import { samePcm } from '../support/samePcm';
import { PlaybackService } from '../../src/player';
import { StreamRecorder } from '../player/support/streamRecorder';
import { startTestServer, type RunningServer } from '../support/serverHarness';

const run = promisify(execFile);
const MAX_BUFFERED = 6;
/** One 0.25 s chunk plus what one 4 KiB slice can decode to (a FLAC frame: 4096 samples). */
const ONE_CHUNK = 0.25 + 4096 / 44100;

/** Every song of every format, server → TCP on loopback → client → worker decoder. */
describe('every format through the real path', () => {
  let dir: string;
  let fixtures: Fixture[];
  let running: RunningServer;
  let service: PlaybackService;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-format-play-'));
    fixtures = await makeFormatFixtures(dir);
    // 12 s of 24-bit/192 kHz stereo: 1.15 MB a second, nine times a 1 Mbit/s stream.
    await run('sox', [
      ...['-n', '-r', '192000', '-c', '2', '-b', '24', join(dir, 'long hires.wav')],
      ...['synth', '12', 'sine', '300', 'sine', '500', 'gain', '-6'],
    ]);
    await writeFile(join(dir, 'noise.ogg'), new Uint8Array(20_000).fill(0x41));
    await writeFile(join(dir, 'song.m4a'), Buffer.from('\0\0\0\x20ftypM4A \0\0\0\0'));
    running = await startTestServer({ folder: dir, pacing: false });
    service = new PlaybackService({ maxBufferedSeconds: MAX_BUFFERED, resumeBelowSeconds: 3 });
    await service.connect('127.0.0.1', running.port);
  });
  afterAll(async () => {
    await service.dispose();
    await running.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const songId = (name: string) => {
    const song = running.server.library.songs.find((s) => s.relativePath === name);
    if (!song) throw new Error(`${name} is not listed`);
    return song.id;
  };

  it('lists every song by its bytes and skips what is no audio, saying why', async () => {
    const { songs, warnings } = running.server.library;
    expect((await service.listSongs()).map((s) => s.id)).toEqual(songs.map((s) => s.id));
    const paths = songs.map((s) => s.relativePath);
    for (const fixture of fixtures) expect(paths).toContain(fixture.name);
    expect(songs.find((s) => s.relativePath === 'really flac.mp3')?.format).toBe('flac');
    expect(songs.some((s) => s.relativePath.startsWith('.'))).toBe(false);
    expect(warnings).toContain('Skipped noise.ogg: not MP3, FLAC, Ogg Vorbis, Opus or WAV');
    expect(warnings).toContain('Skipped song.m4a: MP4/AAC is not supported');
  });

  it('plays each format with the reference decoder samples', { timeout: 120_000 }, async () => {
    const recorder = new StreamRecorder(service);
    for (const fixture of fixtures.filter((f) => !f.links)) {
      const path = join(dir, fixture.name);
      const { streamId } = await service.play({ songId: songId(fixture.name) });
      await recorder.waitForEvent(streamId, 'ended', 20_000);
      const chunks: PcmChunk[] = recorder
        .chunksOf(streamId)
        .map((c) => ({ sampleRate: c.sampleRate, channels: c.channels }));
      const got = concatPcm(chunks);
      const reference = await referenceDecode(path, fixture);
      const label = fixture.name;
      expect(got.sampleRate, label).toBe(reference.sampleRate);
      expect(got.channels.length, label).toBe(reference.channels.length);
      expect(pcmFrameCount(got), label).toBe(pcmFrameCount(reference));
      if (fixture.kind === 'flac' || fixture.kind === 'wav') {
        expect(samePcm(got, reference), label).toBe(true);
      } else {
        // Vorbis and Opus are float decoders: within rounding (see SongDecoder's test for Opus).
        expect(snrDb(reference, got), label).toBeGreaterThan(100);
      }
      // The listed duration is the exact sample count (Opus: at 48 kHz, less the pre-skip).
      const listed = running.server.library.songs[songId(fixture.name)].durationSeconds ?? 0;
      expect(Math.abs(listed - pcmFrameCount(got) / got.sampleRate), label).toBeLessThan(1e-3);
    }
  });

  it('plays a chained Ogg file link after link, each at its own rate and channel count', async () => {
    const recorder = new StreamRecorder(service);
    const { streamId } = await service.play({ songId: songId('chained.ogg') });
    await recorder.waitForEvent(streamId, 'ended', 20_000);
    const chunks = recorder.chunksOf(streamId);
    const split = chunks.findIndex((c) => c.sampleRate !== chunks[0].sampleRate);
    expect(split).toBeGreaterThan(0);
    const links = [chunks.slice(0, split), chunks.slice(split)];
    for (const [index, name] of ['cd.ogg', 'link-b.ogg'].entries()) {
      const fixture = fixtures.find((f) => f.name === name) as Fixture;
      const reference = await referenceDecode(join(dir, name), fixture);
      const got = concatPcm(
        links[index].map((c) => ({ sampleRate: c.sampleRate, channels: c.channels })),
      );
      expect([got.sampleRate, got.channels.length], name).toEqual([
        reference.sampleRate,
        reference.channels.length,
      ]);
      expect(pcmFrameCount(got), name).toBe(pcmFrameCount(reference));
      expect(snrDb(reference, got), name).toBeGreaterThan(100);
    }
  });

  it('bounds 24-bit/192 kHz audio in seconds, not bytes, then plays it whole', async () => {
    // A service of its own: another test's recorder would report its buffer empty.
    await service.dispose();
    service = new PlaybackService({ maxBufferedSeconds: MAX_BUFFERED, resumeBelowSeconds: 3 });
    await service.connect('127.0.0.1', running.port);
    const recorder = new StreamRecorder(service, 'never');
    const { streamId } = await service.play({ songId: songId('long hires.wav') });
    const held = () => recorder.secondsOf(streamId);
    await recorder.waitUntil(() => held() >= MAX_BUFFERED, 10_000, 'a full buffer');
    let seen = recorder.chunks.length;
    let since = Date.now();
    await recorder.waitUntil(
      () => {
        if (recorder.chunks.length !== seen) [seen, since] = [recorder.chunks.length, Date.now()];
        return Date.now() - since >= 400;
      },
      10_000,
      'the audio to stop',
    );
    expect(held()).toBeLessThan(MAX_BUFFERED + ONE_CHUNK);
    expect(service.readingPaused).toBe(true);
    recorder.consume = 'instantly';
    service.reportBuffer(streamId, 0, held());
    await recorder.waitForEvent(streamId, 'ended', 20_000);
    expect(recorder.samplesOf(streamId)).toBe(12 * 192000);
  });
});
