import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { flacFrameOffsets } from '../../test/support/flacFrameOffsets';
import type { Fixture } from '../../test/support/formatFixtures';
import { encodeReferenceMp3, MP3_KINDS } from '../../test/support/referenceMp3';
import { referenceDecode, snrDb } from '../../test/support/referenceDecoders';
import { samePcm, sameWithout } from '../../test/support/samePcm';
import { WasmTraps } from '../../test/support/wasmTraps';
import { MAX_FAILURES_PER_SONG } from './libraryFailure';
import { concatPcm, pcmFrameCount, type PcmChunk } from './pcmChunk';
import { SongDecoder } from './songDecoder';

const run = promisify(execFile);
const BLOCK = 1152;
const SECONDS = 3;
const SLICE = 4072;
const MP3_SONG = `${MP3_KINDS[0].name}.mp3`;
const TRAP_MESSAGE = /^Could not decode this song: RuntimeError: memory access out of bounds/;

async function decodeSong(decoder: SongDecoder, bytes: Uint8Array): Promise<PcmChunk> {
  await decoder.reset();
  return concatPcm(await decodeInSlices(decoder, bytes, SLICE));
}

/**
 * A decoding library's WASM traps (as libFLAC did once in CI, "memory access out of bounds" on
 * a damaged frame), and the instance stays broken: its own reset() and free() trap too.
 */
describe('a trap in a decoding library', () => {
  let dir: string;
  const songs = new Map<string, { bytes: Uint8Array; path: string }>();
  let offsets: number[];
  let traps: WasmTraps;
  let decoder: SongDecoder;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-trap-'));
    const at = (name: string) => join(dir, name);
    await run('sox', [
      ...['-n', '-r', '48000', '-c', '2', '-b', '16', at('noise.wav')],
      ...['synth', String(SECONDS), 'pinknoise', 'sine', '220', 'gain', '-9'],
    ]);
    await Promise.all([
      run('flac', ['-s', '-f', '-b', String(BLOCK), '-o', at('song.flac'), at('noise.wav')]),
      run('flac', ['-s', '-f', '--ogg', '-o', at('song.oga'), at('noise.wav')]),
      run('oggenc', ['-Q', '-o', at('song.ogg'), at('noise.wav')]),
      run('opusenc', ['--quiet', at('noise.wav'), at('song.opus')]),
      encodeReferenceMp3(dir, MP3_KINDS[0], SECONDS),
    ]);
    for (const name of ['song.flac', 'song.oga', 'song.ogg', 'song.opus', MP3_SONG]) {
      songs.set(name, { bytes: new Uint8Array(await readFile(at(name))), path: at(name) });
    }
    offsets = await flacFrameOffsets(at('song.flac'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    traps = new WasmTraps();
    decoder = await SongDecoder.create();
  });
  afterEach(() => {
    traps.restore();
  });

  function song(name: string): { bytes: Uint8Array; path: string } {
    const found = songs.get(name);
    if (!found) throw new Error(`no test song ${name}`);
    return found;
  }

  /** The next song decodes as the reference decoder gives it, and the decoder frees cleanly. */
  async function nextSongPlays(name: string, fixture: Fixture): Promise<void> {
    traps.disarm();
    const { bytes, path } = song(name);
    const got = await decodeSong(decoder, bytes);
    const reference = await referenceDecode(path, fixture);
    expect(pcmFrameCount(got), name).toBe(pcmFrameCount(reference));
    if (fixture.kind === 'flac') expect(samePcm(got, reference), name).toBe(true);
    else expect(snrDb(reference, got), name).toBeGreaterThan(100);
    expect(() => decoder.free()).not.toThrow();
  }

  it('in libFLAC on a damaged frame loses that frame alone; the next song plays', async () => {
    const { bytes } = song('song.flac');
    const intact = await decodeSong(decoder, bytes);
    const damaged = bytes.slice();
    damaged[offsets[5] + 300] ^= 0x55; // inside the sixth frame's audio, past its header
    // libFLAC traps on that frame every time it is given it, on any instance.
    traps.trapOnBytes(damaged.subarray(offsets[5], offsets[5] + 32));

    const got = await decodeSong(decoder, damaged);
    expect(traps.sprung).toBeGreaterThanOrEqual(2); // in its batch, then alone
    expect(sameWithout(got, intact, 5 * BLOCK, BLOCK)).toBe(true);
    await nextSongPlays('song.flac', { name: 'song.flac', kind: 'flac', bits: 16 });
  });

  it('in libFLAC on frame after frame fails the song, after a bounded number of instances', async () => {
    const { bytes } = song('song.flac');
    traps.trapOnBytes(bytes.subarray(offsets[0], offsets[0] + 4)); // every frame's first bytes
    await expect(decodeSong(decoder, bytes)).rejects.toThrow(TRAP_MESSAGE);
    expect(traps.sprung).toBe(MAX_FAILURES_PER_SONG + 1);
    await nextSongPlays('song.flac', { name: 'song.flac', kind: 'flac', bits: 16 });
  });

  it.each([
    ['song.oga', 'flac'], // Ogg FLAC: the library's own path, as Vorbis'
    ['song.ogg', 'vorbis'],
    ['song.opus', 'opus'],
    [MP3_SONG, 'mp3'],
  ] as const)('in mid-song %s fails that song clearly; the next song plays', async (name, kind) => {
    const { bytes } = song(name);
    const before = await decodeSong(decoder, bytes);
    await decoder.reset();
    let offset = 0;
    let audible = false; // so the song's instance is made (Opus makes it on its first audio page)
    for (; offset < bytes.length / 3 || !audible; offset += SLICE) {
      audible ||= (await decoder.decode(bytes.subarray(offset, offset + SLICE))) !== null;
    }
    // Armed and sprung within one run of microtasks: no timer (a spare's build) comes between.
    traps.trapNextCall();
    let failure: unknown = null;
    for (; offset < bytes.length && failure === null; offset += SLICE) {
      failure = await decoder.decode(bytes.subarray(offset, offset + SLICE)).then(
        () => null,
        (error: unknown) => error,
      );
    }
    failure ??= await decoder.end().then(
      () => null,
      (error: unknown) => error,
    );
    expect(traps.sprung).toBe(1);
    expect(String(failure)).toMatch(/Could not decode this song: RuntimeError: memory access/);
    if (kind === 'mp3') {
      traps.disarm();
      expect(samePcm(await decodeSong(decoder, bytes), before)).toBe(true);
      expect(() => decoder.free()).not.toThrow();
    } else {
      await nextSongPlays(name, { name, kind });
    }
    // Not reset, not freed, not fed the next song: the trapped instance is never called again.
    expect(traps.callsAfterTrap, name).toBe(0);
  });
});
