import { startThrottledProxy, type ThrottledProxy } from '../../test/support/throttledProxy';
import { BARE_CHUNK_BYTES, BareRequest } from '../bareServer';
import { StreamCounter } from '../streamCounter';
import { metricRow, type MetricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { timePausedSwitches } from '../pausedSwitchTiming';
import { timeStops } from '../stopTiming';
import { timeSwitches } from '../switchTiming';
import { now } from '../timing';
import { RawClient } from '../../test/support/rawClient';
import { timePlaysFromIdle } from './timeToFirstAudio';

/** 2 Mbit/s with 50 ms each way, as in test/server/slowLink.test.ts. */
const LINK = { bitsPerSecond: 2_000_000, delayMs: 50 };
const TIMEOUT_MS = 30_000;

/** The link's own floor: one request, one 4 KB chunk back, through the same kind of proxy. */
async function linkFloor(barePort: number, count: number): Promise<number[]> {
  const proxy = await startThrottledProxy({ ...LINK, targetPort: barePort });
  const client = await StreamCounter.connect(proxy.port, { kind: 'bare' });
  try {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = now();
      await client.request(BareRequest.chunk, BARE_CHUNK_BYTES, TIMEOUT_MS);
      samples.push(now() - started);
    }
    return samples;
  } finally {
    client.close();
    await proxy.close();
  }
}

export const slowLink: Scenario = {
  name: 'slowlink',
  async run(context: BenchContext) {
    const plays = context.quick ? 3 : 20;
    const rounds = context.quick ? 2 : 12;
    const pausedRounds = context.quick ? 1 : 3;
    const holdMs = context.quick ? 300 : 1000;
    const pausedMs = context.quick ? 1500 : 10_000;
    // With the pause extension the queue must not grow with the pause: a short and a long one.
    const announcedPauses = context.quick ? [1500, 5000] : [10_000, 60_000];
    // A switch after a pause, pause sent: the same floor; 10 min only in a full run (one round).
    const switchPauses = context.quick
      ? [{ ms: 1500, rounds: 1 }]
      : [
          { ms: 10_000, rounds: pausedRounds },
          { ms: 60_000, rounds: pausedRounds },
          { ms: 600_000, rounds: 1 },
        ];
    const quickNote = context.quick ? '; quick run: 1.5 s only (10 s, 60 s, 10 min: full run)' : '';
    const songs = context.library.bundled;
    const songIds = songs.map((song) => song.id);
    const server = await context.servers.paced();
    const bare = await context.servers.bare();
    const progress = (line: string) => context.progress(`slowlink ${line}`);
    const floor = {
      label: 'link floor: round trip + one 4 KB chunk',
      values: await linkFloor(bare.port, context.quick ? 5 : 30),
    };

    const probe = context.player;
    let proxy: ThrottledProxy | null = null;
    let wire: RawClient | null = null;
    const rows: MetricRow[] = [];
    try {
      proxy = await startThrottledProxy({ ...LINK, targetPort: server.port });
      await probe.connect(proxy.port);
      await timePlaysFromIdle(probe, songIds, 1, () => {});
      const ttfa = await timePlaysFromIdle(probe, songIds, plays, progress);
      rows.push(
        metricRow('2 Mbit/s, 50 ms', 'time to first audio', 'ms', ttfa, { reference: floor }),
      );

      const switches = await timeSwitches(
        probe,
        rounds,
        { songIds, holdMs, timeoutMs: TIMEOUT_MS },
        progress,
      );
      rows.push(
        metricRow(
          '2 Mbit/s, 50 ms',
          `song switch after ${holdMs / 1000} s of A`,
          'ms',
          switches.map((s) => s.ms),
          {
            reference: floor,
          },
        ),
      );

      wire = await RawClient.connect(proxy.port, '127.0.0.1', {
        keepPackets: false,
        noDelay: true,
      });
      // Longer than a round trip, so a stray byte sent after the reply would have arrived.
      const stopPlan = { songIds, holdMs, settleMs: 200, timeoutMs: TIMEOUT_MS };
      const stops = await timeStops(wire, rounds, stopPlan, progress);
      rows.push(
        metricRow(
          '2 Mbit/s, 50 ms',
          `stop → reply after ${holdMs / 1000} s of streaming`,
          'ms',
          stops.map((s) => s.ms),
          {
            reference: floor,
          },
        ),
      );
      const held = await timeStops(wire, pausedRounds, { ...stopPlan, pausedMs }, progress);
      const announced = [];
      for (const ms of announcedPauses) {
        const plan = { ...stopPlan, pausedMs: ms, announcePause: true };
        announced.push({ ms, samples: await timeStops(wire, pausedRounds, plan, progress) });
      }
      const switched = [];
      for (const { ms, rounds: count } of switchPauses) {
        const plan = { songIds, holdMs, pausedMs: ms, timeoutMs: TIMEOUT_MS };
        switched.push({ ms, samples: await timePausedSwitches(wire, count, plan, progress) });
      }
      const pauseLabel = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);
      rows.push(
        ...switched.flatMap(({ ms, samples }) => [
          metricRow(
            '2 Mbit/s, 50 ms',
            `switch → B's first bytes after a ${pauseLabel(ms)} pause, pause sent`,
            'ms',
            samples.map((s) => s.switchMs),
            { reference: floor, note: `stop + play B sent together${quickNote}` },
          ),
          metricRow(
            '2 Mbit/s, 50 ms',
            `its stop → reply (${pauseLabel(ms)} pause, pause sent)`,
            'ms',
            samples.map((s) => s.stopMs),
            { reference: floor },
          ),
          metricRow(
            '2 Mbit/s, 50 ms',
            `old-song bytes ahead of B (${pauseLabel(ms)} pause, pause sent)`,
            'KB',
            samples.map((s) => s.bytesAhead / 1024),
            { note: 'should not grow with the pause' },
          ),
        ]),
      );
      rows.push(
        metricRow(
          '2 Mbit/s, 50 ms',
          `stop → reply after reader paused ${pausedMs / 1000} s`,
          'ms',
          held.map((s) => s.ms),
          {
            reference: floor,
          },
        ),
        metricRow(
          '2 Mbit/s, 50 ms',
          'old-song bytes ahead of that stop reply',
          'KB',
          held.map((s) => s.bytesAhead / 1024),
        ),
        // Pacing limits the rate, not the bytes in flight: a reader that stops reading still
        // gets the song at the pacer's rate, into socket buffers, until they are full.
        metricRow(
          '2 Mbit/s, 50 ms',
          'song bytes queued per second of pause',
          'KB/s',
          held.map((s) => s.bytesAhead / 1024 / (pausedMs / 1000)),
          {
            reference: {
              label: "the song's own byte rate",
              values: held.map((_, i) => songs[i % songs.length].bytesPerSecond / 1024),
            },
          },
        ),
        ...announced.flatMap(({ ms, samples }) => [
          metricRow(
            '2 Mbit/s, 50 ms',
            `stop → reply after a ${ms / 1000} s pause, pause sent`,
            'ms',
            samples.map((s) => s.ms),
            { reference: floor, note: 'pause extension (PROTOCOL §17)' },
          ),
          metricRow(
            '2 Mbit/s, 50 ms',
            `old-song bytes ahead of it (${ms / 1000} s pause, pause sent)`,
            'KB',
            samples.map((s) => s.bytesAhead / 1024),
            { note: 'should not grow with the pause' },
          ),
        ]),
        metricRow(
          '2 Mbit/s, 50 ms',
          'old-song bytes after stop reply',
          'bytes',
          [...stops, ...held, ...announced.flatMap((a) => a.samples)].map((s) => s.bytesAfter),
          {
            note: 'must be 0',
          },
        ),
      );
      return rows;
    } finally {
      wire?.destroy();
      await probe.disconnect();
      await proxy?.close();
    }
  },
};
