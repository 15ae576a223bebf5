import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from 'music-metadata';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecoderError } from './decoderError';
import { Mp3StreamDecoder } from './mp3StreamDecoder';
import { concatPcm, pcmFrameCount } from './pcmChunk';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { gaplessSampleCount } from '../../test/support/gaplessSampleCount';
import { samePcm } from '../../test/support/samePcm';

const MUSIC_DIR = fileURLToPath(new URL('../../music', import.meta.url));
const SONGS = readdirSync(MUSIC_DIR)
  .filter((name) => name.toLowerCase().endsWith('.mp3'))
  .map((name) => join(MUSIC_DIR, name));

async function decodeSong(decoder: Mp3StreamDecoder, bytes: Uint8Array, slice: number) {
  return concatPcm(await decodeInSlices(decoder, bytes, slice));
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

describe('Mp3StreamDecoder', () => {
  let decoder: Mp3StreamDecoder;
  beforeEach(async () => {
    decoder = await Mp3StreamDecoder.create();
  });
  afterEach(() => decoder.free());

  it('finds the bundled songs', () => {
    expect(SONGS.length).toBeGreaterThan(0);
  });

  it.each(SONGS)('decodes %s to its exact gapless length with audible output', async (path) => {
    const bytes = readFileSync(path);
    const { format } = await parseFile(path, { duration: true });
    const pcm = await decodeSong(decoder, bytes, Number.MAX_SAFE_INTEGER);
    expect(pcm.sampleRate).toBe(format.sampleRate);
    expect(pcm.channels).toHaveLength(2);
    // The LAME tag's count is what mpg123 and ffmpeg give; music-metadata's duration is untrimmed.
    expect(pcmFrameCount(pcm)).toBe(gaplessSampleCount(bytes));
    expect(Math.abs(pcmFrameCount(pcm) / pcm.sampleRate - (format.duration ?? 0))).toBeLessThan(
      0.06,
    );
    expect(rms(pcm.channels[0])).toBeGreaterThan(0.001);
  });

  it.each(SONGS)('gives the same samples in 4072-byte slices as at once: %s', async (path) => {
    const bytes = readFileSync(path);
    const whole = await decodeSong(decoder, bytes, Number.MAX_SAFE_INTEGER);
    await decoder.reset();
    const sliced = await decodeSong(decoder, bytes, 4072);
    expect(pcmFrameCount(sliced)).toBe(pcmFrameCount(whole));
    expect(samePcm(sliced, whole)).toBe(true);
  });

  it('starts a fresh song after reset', async () => {
    const bytes = readFileSync(SONGS[0]);
    const first = await decodeSong(decoder, bytes, 4072);
    decoder.decode(bytes.subarray(0, bytes.length / 2)); // abandoned half-way
    await decoder.reset();
    expect(decoder.samplesDecoded).toBe(0);
    const second = await decodeSong(decoder, bytes, 4072);
    expect(samePcm(second, first)).toBe(true);
  });

  it('starts the next song on a new mpg123 handle, building no WASM instance', async () => {
    const bytes = readFileSync(SONGS[0]);
    await decoder.reset();
    const first = await decodeSong(decoder, bytes, 4072);
    decoder.decode(bytes.subarray(0, bytes.length / 3)); // cut short mid-frame
    // (The Node typings here declare WebAssembly only as a namespace of types.)
    const host = globalThis as unknown as { WebAssembly: { instantiate(): unknown } };
    const instantiate = vi.spyOn(host.WebAssembly, 'instantiate');
    try {
      await decoder.reset();
      expect(instantiate).not.toHaveBeenCalled();
    } finally {
      instantiate.mockRestore();
    }
    expect(samePcm(await decodeSong(decoder, bytes, 4072), first)).toBe(true);
  });

  it('turns garbage into no audio and a clear error at the end, without crashing', () => {
    const garbage = new Uint8Array(200_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
    for (let offset = 0; offset < garbage.length; offset += 4072) {
      expect(decoder.decode(garbage.subarray(offset, offset + 4072))).toBeNull();
    }
    expect(() => decoder.end()).toThrow(DecoderError);
    expect(() => decoder.end()).toThrow('Could not decode this song');
  });

  it('treats an empty song as nothing to decode rather than an error', () => {
    expect(decoder.decode(new Uint8Array(0))).toBeNull();
    expect(decoder.end()).toBeNull();
  });
});
