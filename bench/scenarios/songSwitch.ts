import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { timeSwitches } from '../switchTiming';

export const songSwitch: Scenario = {
  name: 'switch',
  async run(context: BenchContext) {
    const rounds = context.quick ? 10 : 30;
    const seedRounds = context.quick ? 2 : 10;
    const songIds = context.library.bundled.map((song) => song.id);
    const server = await context.servers.paced();
    const probe = context.player;
    await probe.connect(server.port);
    const plan = { songIds, holdMs: context.quick ? 150 : 300, timeoutMs: 10_000 };
    const progress = (line: string) => context.progress(`switch ${line}`);
    try {
      const ours = await timeSwitches(probe, rounds, plan, progress);
      const seed = await timeSwitches(probe, seedRounds, { ...plan, seedSleepMs: 1000 }, progress);
      return [
        metricRow(
          'loopback',
          'song switch (play B while A streams → B first PCM)',
          'ms',
          ours.map((s) => s.ms),
          {
            reference: {
              label: "seed's way: stop, sleep 1 s, play",
              values: seed.map((s) => s.ms),
            },
          },
        ),
        metricRow(
          'loopback',
          'A chunks emitted after play(B)',
          'chunks',
          ours.map((s) => s.oldChunksAfter),
          {
            note: 'must be 0',
          },
        ),
      ];
    } finally {
      await probe.disconnect();
    }
  },
};
