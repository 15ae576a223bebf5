import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOURCE_DECODER_WORKER } from './decoderWorkerEntry';
import { pcmFrameCount } from './pcmChunk';
import type { WorkerDecoder } from './workerDecoder';
import { useWorkerDecoder } from '../../test/support/decoder/useWorkerDecoder';

const MUSIC_DIR = fileURLToPath(new URL('../../music', import.meta.url));
const SONG = join(
  MUSIC_DIR,
  readdirSync(MUSIC_DIR).find((name) => name.endsWith('.mp3')) ?? 'missing.mp3',
);

/** Frames of a decode's answer (null: none). */
async function frames(answer: ReturnType<WorkerDecoder['decode']>): Promise<number> {
  const pcm = await answer;
  return pcm ? pcmFrameCount(pcm) : 0;
}

describe('WorkerDecoder.abandon', () => {
  const newWorker = useWorkerDecoder(SOURCE_DECODER_WORKER);

  it('drops a decode of the abandoned song, and the next song after a reset decodes whole', async () => {
    const bytes = readFileSync(SONG).subarray(0, 64 * 1024);
    const worker = newWorker();
    await worker.reset();
    const whole = await frames(worker.decode(bytes));
    expect(whole).toBeGreaterThan(0);

    await worker.reset();
    worker.abandon();
    expect(await frames(worker.decode(bytes))).toBe(0);
    const part = await worker.decodeUntil(bytes, 0.05);
    expect(part.pcm).toBeNull();

    await worker.reset();
    expect(await frames(worker.decode(bytes))).toBe(whole);
  });
});
