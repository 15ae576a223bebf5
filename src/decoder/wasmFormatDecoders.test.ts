import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi, type Mock } from 'vitest';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { samePcm } from '../../test/support/samePcm';
import { concatPcm } from './pcmChunk';
import { WasmFormatDecoder } from './wasmFormatDecoders';

const run = promisify(execFile);
/** Later than any test here takes: no spare is ready, so a reset that readies builds one. */
const NO_SPARE_YET_MS = 60_000;

/**
 * Runs `run` on a `format` decoder with no spare instance ready, while a spy counts the instances
 * built (WebAssembly.instantiate); frees both after, whatever `run` does.
 */
async function withInstantiateSpy(
  format: 'flac' | 'vorbis',
  run: (decoder: WasmFormatDecoder, instantiate: Mock<() => unknown>) => Promise<void>,
): Promise<void> {
  const decoder = await WasmFormatDecoder.create(format, { spareAfterMs: NO_SPARE_YET_MS });
  // (The Node typings here declare WebAssembly only as a namespace of types.)
  const host = globalThis as unknown as { WebAssembly: { instantiate(): unknown } };
  const instantiate = vi.spyOn(host.WebAssembly, 'instantiate');
  try {
    await run(decoder, instantiate);
  } finally {
    instantiate.mockRestore();
    decoder.free();
  }
}

describe('WasmFormatDecoder', () => {
  let dir: string;
  const songs = new Map<string, Uint8Array>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-wasm-formats-'));
    const wav = join(dir, 'noise.wav');
    await run('sox', [
      ...['-n', '-r', '44100', '-c', '2', '-b', '16', wav],
      ...['synth', '1', 'pinknoise', 'sine', '220', 'gain', '-9'],
    ]);
    await run('oggenc', ['-Q', '-o', join(dir, 'song.ogg'), wav]);
    await run('flac', ['-s', '-f', '--ogg', '-o', join(dir, 'song.oga'), wav]);
    songs.set('vorbis', new Uint8Array(await readFile(join(dir, 'song.ogg'))));
    songs.set('flac', new Uint8Array(await readFile(join(dir, 'song.oga'))));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['vorbis', 'flac'] as const)(
    'starts a song after one that ended on the instance its flush readied; after one cut short, on a new one (%s)',
    async (format) => {
      const bytes = songs.get(format) as Uint8Array;
      await withInstantiateSpy(format, async (decoder, instantiate) => {
        const whole = concatPcm(await decodeInSlices(decoder, bytes, 4096));
        instantiate.mockClear(); // the flush at the song's end built the next instance
        await decoder.reset();
        expect(instantiate).not.toHaveBeenCalled();
        // Three quarters: past Vorbis' first audio page, so the gate has let the bytes through.
        await decoder.decode(bytes.subarray(0, (bytes.length * 3) >> 2));
        await decoder.reset();
        expect(instantiate).toHaveBeenCalled();
        expect(samePcm(concatPcm(await decodeInSlices(decoder, bytes, 4096)), whole)).toBe(true);
      });
    },
  );

  it('keeps the Vorbis instance for the next song after one cut while its headers were held', async () => {
    const bytes = songs.get('vorbis') as Uint8Array;
    await withInstantiateSpy('vorbis', async (decoder, instantiate) => {
      const whole = concatPcm(await decodeInSlices(decoder, bytes, 4096));
      await decoder.reset(); // the flush at the song's end readied the instance: kept
      instantiate.mockClear();
      // The identification header and part of the next page: the gate holds them all.
      expect(await decoder.decode(bytes.subarray(0, 200))).toBeNull();
      await decoder.reset();
      expect(instantiate).not.toHaveBeenCalled();
      expect(samePcm(concatPcm(await decodeInSlices(decoder, bytes, 4096)), whole)).toBe(true);
    });
  });

  it("holds the next Vorbis song's headers again after a song that ended inside its own", async () => {
    const bytes = songs.get('vorbis') as Uint8Array;
    await withInstantiateSpy('vorbis', async (decoder, instantiate) => {
      await decoder.decode(bytes.subarray(0, 200));
      // Its end gives the held bytes to the library: no audio in them.
      await expect(decoder.end()).rejects.toThrow();
      await decoder.reset();
      instantiate.mockClear();
      // Held by the gate again (it was readied with the decoder), so the library is not fed.
      expect(await decoder.decode(bytes.subarray(0, 200))).toBeNull();
      await decoder.reset();
      expect(instantiate).not.toHaveBeenCalled();
      const again = concatPcm(await decodeInSlices(decoder, bytes, 4096));
      await decoder.reset();
      expect(samePcm(concatPcm(await decodeInSlices(decoder, bytes, 4096)), again)).toBe(true);
    });
  });
});
