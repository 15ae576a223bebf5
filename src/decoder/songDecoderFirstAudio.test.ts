import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PIECE_BYTES, PIECE_BYTES, songHead } from './firstAudioPieces';
import { concatPcm, pcmFrameCount, pcmSeconds, type PcmChunk } from './pcmChunk';
import { SongDecoder } from './songDecoder';
import { makeFormatFixtures } from '../../test/support/formatFixtures';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { samePcm } from '../../test/support/samePcm';

const MUSIC_DIR = fileURLToPath(new URL('../../music', import.meta.url));
const FIRST_SECONDS = 0.05;

/** Every chunk of one shape (the first link of a chained file), joined. */
function firstShape(chunks: PcmChunk[]): PcmChunk {
  const [first] = chunks;
  return concatPcm(
    chunks.filter(
      (c) => c.sampleRate === first.sampleRate && c.channels.length === first.channels.length,
    ),
  );
}

describe('SongDecoder.decodeUntil', () => {
  let dir: string;
  let songs: string[];
  let decoder: SongDecoder;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-first-audio-'));
    const fixtures = await makeFormatFixtures(dir);
    const bundled = (await readdir(MUSIC_DIR)).filter((name) => name.endsWith('.mp3'));
    // The bundled MP3s: one has a 27 KB cover tag in front of its audio.
    songs = [
      ...bundled.map((name) => join(MUSIC_DIR, name)),
      ...fixtures.map((f) => join(dir, f.name)),
    ];
    decoder = await SongDecoder.create();
  }, 60_000);
  afterAll(async () => {
    decoder.free();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'gives the first audio, then the rest goes on sample for sample',
    { timeout: 60_000 },
    async () => {
      for (const song of songs) {
        const bytes = await readFile(song);
        await decoder.reset();
        const whole = await decodeInSlices(decoder, bytes, 4072);

        await decoder.reset();
        const { pcm, used } = await decoder.decodeUntil(bytes, FIRST_SECONDS);
        expect(pcm, song).not.toBeNull();
        const first = pcm as PcmChunk;
        // Enough audio, or every byte (a song of a few KB; Vorbis holds its last page's audio).
        if (used < bytes.length)
          expect(pcmSeconds(first), song).toBeGreaterThanOrEqual(FIRST_SECONDS);
        if (bytes.length > 64 * 1024) expect(used, song).toBeLessThan(bytes.length);
        const rest = await decodeInSlices(decoder, bytes.subarray(used), 4072);
        expect(samePcm(firstShape([first, ...rest]), firstShape(whole)), song).toBe(true);
      }
    },
  );

  it('with no minimum, stops at the first audio past any tag', async () => {
    for (const song of songs) {
      const bytes = await readFile(song);
      await decoder.reset();
      let audioBy = 0; // bytes fed in 4 KiB slices until the first audio came out
      while (!(await decoder.decode(bytes.subarray(audioBy, audioBy + 4096)))) audioBy += 4096;
      audioBy += 4096;
      await decoder.reset();
      const { pcm, used } = await decoder.decodeUntil(bytes, 0);
      expect(pcm, song).not.toBeNull();
      // It stopped in the piece that gave the first audio: the bytes before it give none. An
      // MP3's pieces past its tags are the least ones; other formats' a packet, as 4 KiB
      // slices are, and those stop no later than such slices do.
      const { framesAfter } = songHead(bytes);
      const lastPiece = framesAfter ? MIN_PIECE_BYTES : PIECE_BYTES;
      await decoder.reset();
      expect(await decoder.decode(bytes.subarray(0, used - lastPiece)), song).toBeNull();
      if (!framesAfter) expect(used, song).toBeLessThanOrEqual(audioBy);
    }
  });

  it('decodes past the frames asked only what one least piece of audio holds', async () => {
    // The bundled MP3s are 192 kbit/s at 44.1 kHz: 627 bytes a frame of 1,152 samples, so a
    // 1 KiB piece completes at most two frames. A packet that ended a tag decoded all the
    // frames behind it: 6,959 and 8,111 frames for 2,205 asked.
    const mp3s = songs.filter((song) => song.startsWith(MUSIC_DIR));
    expect(mp3s.length).toBeGreaterThan(0);
    for (const song of mp3s) {
      const bytes = await readFile(song);
      const audio = songHead(bytes).tagBytes;
      expect(bytes[audio + 2] >> 4, song).toBe(0b1011); // 192 kbit/s
      // The song's start, and a seek's first bytes (a frame mid-song, no tag).
      const seek = bytes.indexOf(Buffer.from([0xff, 0xfb, 0xb0]), 200_000);
      for (const first of [bytes, bytes.subarray(seek)]) {
        await decoder.reset();
        const { pcm } = await decoder.decodeUntil(first, FIRST_SECONDS);
        const wanted = Math.ceil(FIRST_SECONDS * 44_100);
        const frames = pcm ? pcmFrameCount(pcm) : 0;
        expect(frames, song).toBeGreaterThanOrEqual(wanted);
        expect(frames - wanted, song).toBeLessThan(2 * 1152);
      }
    }
  });

  it('uses every byte of a read that holds less audio than asked', async () => {
    // A slow link: 1,000 bytes a read, each given to decodeUntil until the first audio is out.
    const bytes = await readFile(songs[1]);
    await decoder.reset();
    const whole = concatPcm(await decodeInSlices(decoder, bytes, 4072));
    await decoder.reset();
    const parts: PcmChunk[] = [];
    let offset = 0;
    while (parts.reduce((sum, p) => sum + pcmSeconds(p), 0) < FIRST_SECONDS) {
      const read = bytes.subarray(offset, offset + 1000);
      const { pcm, used } = await decoder.decodeUntil(read, FIRST_SECONDS);
      expect(used).toBe(read.length);
      if (pcm) parts.push(pcm);
      offset += used;
    }
    const rest = await decodeInSlices(decoder, bytes.subarray(offset), 4072);
    expect(samePcm(concatPcm([...parts, ...rest]), whole)).toBe(true);
  });
});
