import { afterEach } from 'vitest';
import { WorkerDecoder } from '../../../src/decoder/workerDecoder';

/**
 * For the tests of the calling describe: the returned function starts a WorkerDecoder on `entry`
 * when a test wants one (not before, so what the test does first is not shared with a starting
 * worker), and every one a test started is terminated after it, passed or failed.
 */
export function useWorkerDecoder(entry: string | URL): () => WorkerDecoder {
  const started: WorkerDecoder[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((worker) => worker.terminate()));
  });
  return () => {
    const worker = new WorkerDecoder(entry);
    started.push(worker);
    return worker;
  };
}
