import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// vitest does not start workers with --expose-gc; this makes the collector callable anyway.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Heap and buffer memory of this thread still referenced after full collections: what a test
 * can hold a stream's memory to, without the collector's sawtooth in it.
 */
export async function retainedBytes(): Promise<number> {
  // Buffer memory is swept concurrently after a collection; give it a moment, and collect again.
  for (let round = 0; round < 3; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
