// A server in a process of its own, for tests that measure what the server's memory holds.
// Run with `node --expose-gc --import tsx memoryProbeServer.ts FOLDER` and an IPC channel: it
// serves FOLDER twice, paced and unpaced, sends `{ paced, unpaced }` (the two ports), and answers
// each 'measure' message with a `ProbeMemory`.
import { setTimeout as sleep } from 'node:timers/promises';
import { createLibraryServer } from '../../src/server';

export interface ProbeMemory {
  /** Heap and buffer memory still referenced after full collections. */
  retained: number;
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  connections: number;
  /** Bytes the servers' open connections have handed to the kernel so far. */
  bytesSent: number;
}

const folder = process.argv[2];
const collect = (globalThis as { gc?: () => void }).gc;
if (!folder || !collect || !process.send) {
  throw new Error('usage: node --expose-gc --import tsx memoryProbeServer.ts FOLDER (with IPC)');
}
// Hundreds of streams from 127.0.0.1: above the per-address cap, which is not under test here.
const limits = { maxConnections: 10_000, maxConnectionsPerAddress: 10_000 };
const paced = await createLibraryServer({ folder, port: 0, limits });
const unpaced = await createLibraryServer({ folder, port: 0, pacing: false, limits });
const ports = { paced: (await paced.listen()).port, unpaced: (await unpaced.listen()).port };

process.on('message', (message) => {
  if (message !== 'measure') return;
  void (async () => {
    // Buffer memory is swept concurrently after a collection, later on a busy machine: collect
    // until two readings agree.
    let last = Infinity;
    for (let round = 0; round < 20; round++) {
      collect();
      await sleep(50);
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      if (Math.abs(heapUsed + arrayBuffers - last) < 32 * 1024) break;
      last = heapUsed + arrayBuffers;
    }
    const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
    const reply: ProbeMemory = {
      retained: heapUsed + arrayBuffers,
      rss,
      heapUsed,
      arrayBuffers,
      connections: paced.connectionCount + unpaced.connectionCount,
      bytesSent: paced.stats().bytesSent + unpaced.stats().bytesSent,
    };
    process.send?.(reply);
  })();
});
process.on('disconnect', () => process.exit(0));
process.send(ports);
