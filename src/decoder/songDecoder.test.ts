import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, pcmFrameCount } from './pcmChunk';
import { SongDecoder } from './songDecoder';
import { makeFormatFixtures, type Fixture } from '../../test/support/formatFixtures';
import { oggdecSampleCount, referenceDecode, snrDb } from '../../test/support/referenceDecoders';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { samePcm } from '../../test/support/samePcm';

/** A whole song from a reset decoder, in slices of `slice` bytes. */
async function decodeSong(decoder: SongDecoder, bytes: Uint8Array, slice: number) {
  await decoder.reset();
  return decodeInSlices(decoder, bytes, slice);
}

describe('SongDecoder', () => {
  let dir: string;
  let fixtures: Fixture[];
  let decoder: SongDecoder;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-formats-'));
    fixtures = await makeFormatFixtures(dir);
    decoder = await SongDecoder.create();
  });
  afterAll(async () => {
    decoder.free();
    await rm(dir, { recursive: true, force: true });
  });

  it('decodes every format like its reference decoder', { timeout: 60_000 }, async () => {
    for (const fixture of fixtures.filter((f) => !f.links)) {
      const path = join(dir, fixture.name);
      const got = concatPcm(await decodeSong(decoder, await readFile(path), 4072));
      const reference = await referenceDecode(path, fixture);
      const label = fixture.name;
      expect(got.sampleRate, label).toBe(reference.sampleRate);
      expect(got.channels.length, label).toBe(reference.channels.length);
      expect(pcmFrameCount(got), label).toBe(pcmFrameCount(reference));
      if (fixture.kind === 'flac' || fixture.kind === 'wav') {
        expect(samePcm(got, reference), label).toBe(true);
      } else {
        // Opus: 145 dB against opusdec --float here, with opus-decoder pinned to a build without
        // libopus' float approximations (ARCHITECTURE, Formats: they alone cost 57 dB).
        expect(snrDb(reference, got), label).toBeGreaterThan(100);
      }
      if (fixture.kind === 'vorbis') {
        expect(pcmFrameCount(got), label).toBe(await oggdecSampleCount(path, got.channels.length));
      }
    }
  });

  it('gives the same samples for any slicing of the input', { timeout: 60_000 }, async () => {
    for (const fixture of fixtures) {
      const bytes = await readFile(join(dir, fixture.name));
      const whole = await decodeSong(decoder, bytes, bytes.length);
      for (const slice of [997]) {
        const sliced = await decodeSong(decoder, bytes, slice);
        expect(sliced.length > 0, fixture.name).toBe(true);
        const joined = concatPcm(sliced.filter((c) => c.sampleRate === whole[0].sampleRate));
        expect(
          samePcm(joined, concatPcm(whole.filter((c) => c.sampleRate === whole[0].sampleRate))),
          `${fixture.name} / ${slice}`,
        ).toBe(true);
      }
    }
  });

  it('starts the next song clean after one cut short, in every WASM format', async () => {
    // A cut song leaves its decoder mid-frame; one that ended was already reset by its flush,
    // so only the cut one must reset again (WasmFormatDecoder skips the needless reset).
    for (const name of ['cd.flac', 'cd.ogg', 'cd.opus']) {
      const bytes = await readFile(join(dir, name));
      const whole = concatPcm(await decodeSong(decoder, bytes, bytes.length));
      await decoder.reset();
      await decoder.decode(bytes.subarray(0, Math.floor(bytes.length / 2) + 7));
      const afterCut = concatPcm(await decodeSong(decoder, bytes, 4072));
      expect(samePcm(afterCut, whole), name).toBe(true);
      const afterEnd = concatPcm(await decodeSong(decoder, bytes, 4072));
      expect(samePcm(afterEnd, whole), name).toBe(true);
    }
  });

  it('plays a chained Ogg file link after link, each at its own rate', async () => {
    const chunks = await decodeSong(decoder, await readFile(join(dir, 'chained.ogg')), 4072);
    const shapes = chunks.map((c) => `${c.sampleRate}/${c.channels.length}`);
    const firstB = shapes.indexOf('22050/1');
    expect(firstB).toBeGreaterThan(0);
    expect(shapes.slice(0, firstB).every((shape) => shape === '44100/2')).toBe(true);
    expect(shapes.slice(firstB).every((shape) => shape === '22050/1')).toBe(true);
    const linkA = concatPcm(chunks.slice(0, firstB));
    const linkB = concatPcm(chunks.slice(firstB));
    const fixture = (name: string) => fixtures.find((f) => f.name === name) as Fixture;
    for (const [got, name] of [
      [linkA, 'cd.ogg'],
      [linkB, 'link-b.ogg'],
    ] as const) {
      const reference = await referenceDecode(join(dir, name), fixture(name));
      expect(pcmFrameCount(got), name).toBe(pcmFrameCount(reference));
      expect(snrDb(reference, got), name).toBeGreaterThan(100);
    }
  });

  it('decodes nothing from bytes of no known format and says so at the end', async () => {
    const noise = new Uint8Array(50_000).map((_, i) => (i * 7919 + 13) & 0xff);
    const mp4 = new Uint8Array(50_000);
    mp4.set([0, 0, 0, 32, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20]); // ....ftypM4A
    const adpcm = new Uint8Array(50_000);
    adpcm.set(Buffer.from('RIFF\0\0\0\0WAVEfmt \x14\0\0\0\x02\0', 'latin1'));
    for (const [bytes, reason] of [
      [adpcm, ': a WAV encoding other than PCM or float (2)'],
      [noise, ''], // handed to mpg123, as before: it finds no frame
      [mp4, ': MP4/AAC is not supported'],
    ] as const) {
      await decoder.reset();
      for (let offset = 0; offset < bytes.length; offset += 4072) {
        expect(await decoder.decode(bytes.subarray(offset, offset + 4072))).toBeNull();
      }
      await expect(decoder.end()).rejects.toThrow(`Could not decode this song${reason}`);
    }
    await decoder.reset();
    expect(await decoder.end()).toBeNull(); // an empty song is nothing to decode, not an error
  });

  it('says a WAV without audio data cannot be decoded', async () => {
    const wav = await readFile(join(dir, 'cd16.wav'));
    const headerOnly = wav.subarray(0, 36); // RIFF header and fmt chunk, no data chunk
    await decoder.reset();
    expect(await decoder.decode(headerOnly)).toBeNull();
    await expect(decoder.end()).rejects.toThrow('the WAV file has no audio data');
  });
});
