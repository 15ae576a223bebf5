import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { pcmFrameCount } from './pcmChunk';
import { WorkerDecoder } from './workerDecoder';

/** Answers each decode with one frame per reset it was sent. */
const RESET_COUNTING_WORKER = fileURLToPath(
  new URL('../../test/support/decoder/resetCountingWorker.ts', import.meta.url),
);

async function resetsSeen(worker: WorkerDecoder): Promise<number> {
  const pcm = await worker.decode(new Uint8Array(1));
  return pcm ? pcmFrameCount(pcm) : 0;
}

describe('WorkerDecoder.reset', () => {
  let worker: WorkerDecoder | null = null;
  afterEach(async () => {
    await worker?.terminate();
    worker = null;
  });

  it('sends no second reset while nothing was asked since the first (a stop, then a play)', async () => {
    worker = new WorkerDecoder(RESET_COUNTING_WORKER);
    await worker.reset();
    await worker.reset();
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(1);
  });

  it('sends a reset when the last one has not answered yet, or failed', async () => {
    worker = new WorkerDecoder(RESET_COUNTING_WORKER);
    await Promise.all([worker.reset(), worker.reset()]); // the first's outcome unknown
    expect(await resetsSeen(worker)).toBe(2);
    await worker.decodeUntil(new Uint8Array(1), -1); // the next reset fails
    await expect(worker.reset()).rejects.toThrow('no instance');
    await worker.reset(); // found in review: this took the failed one's answer
    expect(await resetsSeen(worker)).toBe(4);
  });

  it('sends a reset after anything else was asked', async () => {
    worker = new WorkerDecoder(RESET_COUNTING_WORKER);
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(1);
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(2);
    await worker.end();
    await worker.reset();
    expect(await resetsSeen(worker)).toBe(3);
  });
});
