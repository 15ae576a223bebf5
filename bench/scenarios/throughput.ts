import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import type { LibrarySong } from '../benchLibrary';
import type { ServerHandle } from '../serverHandle';
import { StreamCounter } from '../streamCounter';
import { now, withTimeout } from '../timing';

const TIMEOUT_MS = 120_000;
const MB = 1024 * 1024;

interface Drain {
  mbPerSecond: number;
  /** Server CPU per MB sent, in milliseconds. */
  cpuMsPerMb: number;
}

/** One client takes the whole song as fast as it can; the server's CPU is read around it. */
async function drainOnce(
  server: ServerHandle,
  kind: 'tidewave' | 'bare',
  song: LibrarySong,
): Promise<Drain> {
  const { sizeBytes } = song;
  const source = kind === 'bare' ? ({ kind } as const) : ({ kind, songId: song.id } as const);
  const client = await StreamCounter.connect(server.port, source);
  try {
    const cpuBefore = (await server.usage()).cpuMicros;
    const started = now();
    const done = kind === 'bare' ? client.wireBytesAtLeast(sizeBytes) : client.nextSongEnd();
    client.start();
    await withTimeout(done, TIMEOUT_MS, `draining a ${Math.round(sizeBytes / MB)} MB song`);
    const seconds = (now() - started) / 1000;
    const cpuMs = ((await server.usage()).cpuMicros - cpuBefore) / 1000;
    return { mbPerSecond: sizeBytes / MB / seconds, cpuMsPerMb: cpuMs / (sizeBytes / MB) };
  } finally {
    client.close();
  }
}

export const throughput: Scenario = {
  name: 'throughput',
  async run(context: BenchContext) {
    const rounds = context.quick ? 2 : 7;
    const song = context.library.long;
    const ours = await context.servers.unpaced();
    const bare = await context.servers.bare();
    const oursDrains: Drain[] = [];
    const bareDrains: Drain[] = [];
    await drainOnce(ours, 'tidewave', song); // warm-up: page cache, JIT
    await drainOnce(bare, 'bare', song);
    for (let round = 0; round < rounds; round++) {
      context.progress(`throughput round ${round + 1}/${rounds}`);
      oursDrains.push(await drainOnce(ours, 'tidewave', song));
      bareDrains.push(await drainOnce(bare, 'bare', song));
    }
    const size = `${Math.round(song.sizeBytes / MB)} MB song`;
    const label = 'bare createReadStream().pipe(socket)';
    return [
      metricRow(
        'throughput',
        `1 client drains a ${size}, pacing off`,
        'MB/s',
        oursDrains.map((d) => d.mbPerSecond),
        {
          reference: { label, values: bareDrains.map((d) => d.mbPerSecond) },
        },
      ),
      metricRow(
        'throughput',
        'server CPU per MB sent',
        'CPU ms/MB',
        oursDrains.map((d) => d.cpuMsPerMb),
        {
          reference: { label, values: bareDrains.map((d) => d.cpuMsPerMb) },
        },
      ),
    ];
  },
};
