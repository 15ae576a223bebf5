import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pcmFrameCount } from './pcmChunk';
import type { WorkerDecoder } from './workerDecoder';
import { useWorkerDecoder } from '../../test/support/decoder/useWorkerDecoder';

/** Answers each decode with one frame per reset it was sent. */
const RESET_COUNTING_WORKER = fileURLToPath(
  new URL('../../test/support/decoder/resetCountingWorker.ts', import.meta.url),
);

async function resetsSeen(worker: WorkerDecoder): Promise<number> {
  const pcm = await worker.decode(new Uint8Array(1));
  return pcm ? pcmFrameCount(pcm) : 0;
}

describe('WorkerDecoder.reset', () => {
  const newWorker = useWorkerDecoder(RESET_COUNTING_WORKER);

  it('sends no second reset while nothing was asked since the first (a stop, then a play)', async () => {
    const worker = newWorker();
    await worker.reset();
    await worker.reset();
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(1);
  });

  it('sends a reset when the last one has not answered yet, or failed', async () => {
    const worker = newWorker();
    await Promise.all([worker.reset(), worker.reset()]); // the first's outcome unknown
    expect(await resetsSeen(worker)).toBe(2);
    await worker.decodeUntil(new Uint8Array(1), -1); // the next reset fails
    await expect(worker.reset()).rejects.toThrow('no instance');
    await worker.reset(); // found in review: this took the failed one's answer
    expect(await resetsSeen(worker)).toBe(4);
  });

  it('sends a reset after anything else was asked', async () => {
    const worker = newWorker();
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(1);
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(2);
    await worker.end();
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(3);
  });
});
