// Targeted run of the abuse scenario's stalled-streams attack (issue 15 B4), with a list round
// trip every quarter of the settle time: `npx tsx bench/stalledProbe.ts [settleMs]`.
import path from 'node:path';
import { abuseAttacks } from './abuseAttacks';
import { BenchLibrary } from './benchLibrary';
import { listRoundTrips } from './listRoundTrip';
import { MemorySampler } from './memorySampler';
import { ServerHandle } from './serverHandle';
import { sleep } from './timing';

const count = 5_000;
const settleMs = Number(process.argv[2] ?? 5_000);
const library = await BenchLibrary.create(path.resolve(import.meta.dirname, '../music'), {
  longMinutes: 60,
  shortMinutes: 5,
});
const caps = count + 50;
const server = await ServerHandle.start(
  {
    kind: 'tidewave',
    folder: library.folder,
    pacing: 'default',
    limits: { maxConnections: caps, maxConnectionsPerAddress: caps },
  },
  { openFiles: 2 * caps + 200 },
);
const plan = abuseAttacks(false).find((candidate) => candidate.name === 'stalled streams');
if (!plan) throw new Error('abuseAttacks has no stalled streams attack');
try {
  const base = await server.usage(true);
  const before = await listRoundTrips(server.port, 10, 10_000, 15_000);
  const sampler = new MemorySampler(server);
  sampler.start(250);
  const t0 = performance.now();
  const attack = await plan.start(server.port, library.long.id);
  console.error(`opened ${attack.connections} in ${(performance.now() - t0).toFixed(0)} ms`);
  for (let i = 0; i < 4; i++) {
    await sleep(settleMs / 4);
    const trip = await listRoundTrips(server.port, 1, 60_000);
    console.error(
      `t=${(performance.now() - t0).toFixed(0)} list ${trip.times.map((t) => t.toFixed(1))}`,
    );
  }
  const under = await listRoundTrips(server.port, 10, 10_000, 15_000);
  const usage = await server.usage();
  const peak = Math.max(await sampler.stop(), usage.rssBytes);
  const sorted = [...under.times].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      connections: attack.connections,
      listBeforeMedianMs: [...before.times].sort((a, b) => a - b)[5],
      listUnderMs: sorted.map((t) => +t.toFixed(1)),
      failed: under.failed,
      baseRssMB: base.rssBytes / 2 ** 20,
      peakRssMB: peak / 2 ** 20,
      perStreamKB: (peak - base.rssBytes) / 1024 / attack.connections,
      stats: usage.stats,
    }),
  );
  attack.stop();
} finally {
  await server.close();
  await library.dispose();
}
