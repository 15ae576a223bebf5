import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { FALSE_SYNC_RATE, makeFalseSyncSong } from '../../test/support/flacFalseSync';
import { flacFrameOffsets } from '../../test/support/flacFrameOffsets';
import { sameSamples, sameWithout } from '../../test/support/samePcm';
import { FlacFormatDecoder } from './flacFormatDecoder';
import { concatPcm, type PcmChunk } from './pcmChunk';
import { SongDecoder } from './songDecoder';

const run = promisify(execFile);
const BLOCK = 1152;
const SECONDS = 3;

async function decode(decoder: SongDecoder, bytes: Uint8Array, slice = 4096): Promise<PcmChunk> {
  await decoder.reset();
  return concatPcm(await decodeInSlices(decoder, bytes, slice));
}

describe('FLAC decoding', () => {
  let dir: string;
  let song: Uint8Array;
  let offsets: number[];
  let decoder: SongDecoder;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-flac-damage-'));
    const wav = join(dir, 'noise.wav');
    await run('sox', [
      ...['-n', '-r', '44100', '-c', '2', '-b', '16', wav],
      ...['synth', String(SECONDS), 'pinknoise', 'sine', '220', 'gain', '-9'],
    ]);
    await run('flac', ['-s', '-f', '-b', String(BLOCK), '-o', join(dir, 'noise.flac'), wav]);
    song = new Uint8Array(await readFile(join(dir, 'noise.flac')));
    offsets = await flacFrameOffsets(join(dir, 'noise.flac'));
    decoder = await SongDecoder.create();
  });
  afterAll(async () => {
    decoder.free();
    await rm(dir, { recursive: true, force: true });
  });

  it('decodes Ogg FLAC (the library parses its pages) like the same audio in native FLAC', async () => {
    const ogg = join(dir, 'noise.oga');
    await run('flac', [
      '-s',
      '-f',
      '--ogg',
      '-b',
      String(BLOCK),
      '-o',
      ogg,
      join(dir, 'noise.wav'),
    ]);
    const fromOgg = await decode(decoder, new Uint8Array(await readFile(ogg)));
    const native = await decode(decoder, song);
    expect(fromOgg.channels.length).toBe(2);
    for (const [index, channel] of fromOgg.channels.entries()) {
      expect(sameSamples(channel, native.channels[index])).toBe(true);
    }
  });

  it('plays the last frame of a file with an ID3v1 tag after it', async () => {
    const tag = new Uint8Array(128);
    tag.set(new TextEncoder().encode('TAGSome title'));
    const tagged = new Uint8Array(song.length + tag.length);
    tagged.set(song);
    tagged.set(tag, song.length);
    const got = await decode(decoder, tagged);
    const intact = await decode(decoder, song);
    for (const [index, channel] of got.channels.entries()) {
      expect(channel.length).toBe(SECONDS * 44100);
      expect(sameSamples(channel, intact.channels[index])).toBe(true);
    }
  });

  it('loses only a damaged frame: every frame after it plays', async () => {
    const intact = await decode(decoder, song);
    expect(intact.channels[0].length).toBe(SECONDS * 44100);
    const damaged = song.slice();
    damaged[offsets[5] + 300] ^= 0x55; // inside the sixth frame's audio, past its header

    const got = await decode(decoder, damaged);
    // libFLAC drops the frame whose CRC fails; the rest is the intact song without it.
    expect(sameWithout(got, intact, 5 * BLOCK, BLOCK)).toBe(true);
  });

  it('plays every sample of a song with a copy of the next frame header inside a frame', async () => {
    const crafted = await makeFalseSyncSong(dir);
    for (const slice of [4096, crafted.bytes.length]) {
      const got = await decode(decoder, crafted.bytes, slice);
      expect(got.sampleRate).toBe(FALSE_SYNC_RATE);
      expect(got.channels).toHaveLength(2);
      // What `flac -d` gives: the samples encoded, at WAV's scale.
      for (const [index, channel] of got.channels.entries()) {
        const want = Float32Array.from(crafted.samples[index], (sample) => sample / 32768);
        expect(sameSamples(channel, want), `channel ${index}, slices of ${slice}`).toBe(true);
      }
    }
  });

  it('starts a song cut short on the spare libFLAC instance made while it played', async () => {
    const flac = await FlacFormatDecoder.create({ spareAfterMs: 0 });
    try {
      const whole = concatPcm(await decodeInSlices(flac, song, 4096));
      await flac.reset();
      await flac.decode(song.subarray(0, song.length >> 1)); // switched away from half-way
      await vi.waitFor(() => expect(flac.spareReady).toBe(true));
      // The reset on the next song's path builds no WASM instance (libFLAC's own reset does).
      const host = globalThis as unknown as { WebAssembly: { instantiate(): unknown } };
      const instantiate = vi.spyOn(host.WebAssembly, 'instantiate');
      await flac.reset();
      expect(instantiate).not.toHaveBeenCalled();
      instantiate.mockRestore();
      const again = concatPcm(await decodeInSlices(flac, song, 4096));
      for (const [index, channel] of again.channels.entries()) {
        expect(sameSamples(channel, whole.channels[index])).toBe(true);
      }
    } finally {
      flac.free();
    }
  });
});
