import { clientMessages } from '../../src/protocol';
import { connectLoopback } from '../connectLoopback';
import { MemorySampler } from '../memorySampler';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { ServerHandle } from '../serverHandle';
import type { GeneratedSong } from '../songFixtures';
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
async function slowReaderRun(song: GeneratedSong, idleMs: number): Promise<SlowReaderRun> {
  const server = await ServerHandle.start({ kind: 'tidewave', folder: song.folder, pacing: 'off' });
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
    socket.write(clientMessages.play(0));
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

export const slowReader: Scenario = {
  name: 'slowreader',
  async run(context: BenchContext) {
    const idleMs = context.quick ? 5_000 : 30_000;
    const runs = 3;
    const song = await context.fixtures.song320(context.quick ? 30 : 60);
    // The runs are independent servers, so they run side by side: three runs in one run's time.
    context.progress(
      `slowreader: ${runs} servers, a client each that reads nothing for ${idleMs / 1000} s`,
    );
    const results = await Promise.all(
      Array.from({ length: runs }, () => slowReaderRun(song, idleMs)),
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
