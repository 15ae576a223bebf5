import { clientMessages } from '../../src/protocol';
import { connectLoopback } from '../connectLoopback';
import { MemorySampler } from '../memorySampler';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import type { ServerHandle } from '../serverHandle';
import { sleep } from '../timing';

const MB = 1024 * 1024;

interface SlowReaderRun {
  rssGrowthMb: number;
  /** Growth from a third of the way in, once the socket buffers are full, to the end. */
  lateRssGrowthMb: number;
  peakRssGrowthMb: number;
  heapGrowthMb: number;
  /** Song bytes the server handed to the kernel: what sits in the socket buffers. */
  kernelKb: number;
  /** Bytes waiting in the server's own (userland) socket queue at the end. */
  userlandKb: number;
}

/** One server, one client that asks for a song and then reads nothing at all. */
async function slowReaderRun(
  fresh: Promise<ServerHandle>,
  songId: number,
  idleMs: number,
): Promise<SlowReaderRun> {
  // A server of its own, so that its memory tells about this one client only.
  const server = await fresh;
  const socket = await connectLoopback(server.port).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  socket.on('error', () => {});
  const sampler = new MemorySampler(server);
  try {
    socket.pause();
    await sleep(100);
    const before = await server.usage(true);
    socket.write(clientMessages.play(songId));
    sampler.start(500);
    await sleep(idleMs / 3);
    const third = await server.usage(true);
    await sleep((idleMs * 2) / 3);
    const peak = await sampler.stop();
    const after = await server.usage(true);
    return {
      rssGrowthMb: (after.rssBytes - before.rssBytes) / MB,
      lateRssGrowthMb: (after.rssBytes - third.rssBytes) / MB,
      peakRssGrowthMb: (Math.max(peak, after.rssBytes) - before.rssBytes) / MB,
      heapGrowthMb: (after.heapUsedBytes - before.heapUsedBytes) / MB,
      kernelKb: (after.stats?.bytesSent ?? 0) / 1024,
      userlandKb: (after.stats?.queuedBytes ?? 0) / 1024,
    };
  } finally {
    await sampler.stop();
    socket.destroy();
    await server.close();
  }
}

/** Runs side by side, each with a fresh server of its own. */
export function slowReaderRuns(quick: boolean): number {
  return quick ? 1 : 3;
}

export const slowReader: Scenario = {
  name: 'slowreader',
  async run(context: BenchContext) {
    const idleMs = context.quick ? 5_000 : 30_000;
    const runs = slowReaderRuns(context.quick);
    const song = context.library.long;
    // The runs are independent servers, so they run side by side: three runs in one run's time.
    context.progress(
      `slowreader: ${runs} servers, a client each that reads nothing for ${idleMs / 1000} s`,
    );
    const results = await Promise.all(
      Array.from({ length: runs }, () => slowReaderRun(context.servers.fresh(), song.id, idleMs)),
    );
    const label = `reads nothing for ${idleMs / 1000} s, pacing off`;
    return [
      metricRow(
        'slow reader',
        `server RSS growth (${label})`,
        'MB',
        results.map((r) => r.rssGrowthMb),
      ),
      metricRow(
        'slow reader',
        'server RSS growth, last two thirds',
        'MB',
        results.map((r) => r.lateRssGrowthMb),
        {
          note: 'should be about 0',
        },
      ),
      metricRow(
        'slow reader',
        'server RSS growth at peak',
        'MB',
        results.map((r) => r.peakRssGrowthMb),
      ),
      metricRow(
        'slow reader',
        'server JS heap growth',
        'MB',
        results.map((r) => r.heapGrowthMb),
      ),
      metricRow(
        'slow reader',
        'song bytes in kernel socket buffers',
        'KB',
        results.map((r) => r.kernelKb),
      ),
      metricRow(
        'slow reader',
        'song bytes queued in the server process',
        'KB',
        results.map((r) => r.userlandKb),
      ),
    ];
  },
};
