import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOURCE_DECODER_WORKER } from './decoderWorkerEntry';
import { Mp3StreamDecoder } from './mp3StreamDecoder';
import { concatPcm, pcmFrameCount, type PcmChunk } from './pcmChunk';
import type { StreamDecoder } from './streamDecoder';
import { decodeInSlices } from '../../test/support/decodeInSlices';
import { samePcm } from '../../test/support/samePcm';
import { useWorkerDecoder } from '../../test/support/decoder/useWorkerDecoder';

const MUSIC_DIR = fileURLToPath(new URL('../../music', import.meta.url));
const SONG = join(
  MUSIC_DIR,
  readdirSync(MUSIC_DIR).find((name) => name.endsWith('.mp3')) ?? 'missing.mp3',
);

async function decodeAll(decoder: StreamDecoder, bytes: Uint8Array): Promise<PcmChunk> {
  return concatPcm(await decodeInSlices(decoder, bytes, 4072));
}

describe('WorkerDecoder', () => {
  const newWorker = useWorkerDecoder(SOURCE_DECODER_WORKER);

  it('gives the same samples as decoding in-thread', async () => {
    const bytes = readFileSync(SONG);
    const local = await Mp3StreamDecoder.create();
    const expected = concatPcm(
      [...Array(Math.ceil(bytes.length / 4072)).keys()]
        .map((i) => local.decode(bytes.subarray(i * 4072, (i + 1) * 4072)))
        .filter((pcm): pcm is PcmChunk => pcm !== null),
    );
    local.free();

    const worker = newWorker();
    const decoded = await decodeAll(worker, bytes);
    expect(samePcm(decoded, expected)).toBe(true);
  });

  it('leaves the caller its bytes (the copy is what gets transferred)', async () => {
    const worker = newWorker();
    const bytes = new Uint8Array(readFileSync(SONG).subarray(0, 8000));
    await worker.decode(bytes);
    expect(bytes.byteLength).toBe(8000);
  });

  it('decodes a second song after reset', async () => {
    const bytes = readFileSync(SONG);
    const worker = newWorker();
    const first = await decodeAll(worker, bytes);
    await worker.decode(bytes.subarray(0, 50_000));
    await worker.reset();
    const second = await decodeAll(worker, bytes);
    expect(samePcm(second, first)).toBe(true);
  });

  it('decodes a song’s first audio in one call, then the rest sample for sample', async () => {
    const bytes = readFileSync(SONG);
    const worker = newWorker();
    const whole = await decodeAll(worker, bytes);
    await worker.reset();
    const { pcm, used } = await worker.decodeUntil(bytes.subarray(0, 64 * 1024), 0.05);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(64 * 1024);
    expect(pcmFrameCount(pcm as PcmChunk)).toBeGreaterThanOrEqual(0.05 * whole.sampleRate);
    const rest = await decodeInSlices(worker, bytes.subarray(used), 4072);
    expect(samePcm(concatPcm([pcm as PcmChunk, ...rest]), whole)).toBe(true);
  });

  it('reports an undecodable song as a rejected end()', async () => {
    const worker = newWorker();
    expect(await worker.decode(new Uint8Array(10_000).fill(0x41))).toBeNull();
    await expect(worker.end()).rejects.toThrow('Could not decode this song');
    await worker.reset();
    expect(await worker.end()).toBeNull();
  });

  it('rejects pending and later requests once terminated', async () => {
    const worker = newWorker();
    const pending = worker.decode(readFileSync(SONG)).catch((error: Error) => error);
    await worker.terminate();
    expect(String(await pending)).toContain('terminated');
    await expect(worker.decode(new Uint8Array(10))).rejects.toThrow('terminated');
  });
});
