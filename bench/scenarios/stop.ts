import { BareRequest } from '../bareServer';
import { StreamCounter } from '../streamCounter';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { timeStops } from '../stopTiming';
import { now } from '../timing';
import { RawClient } from '../../test/support/rawClient';

const TIMEOUT_MS = 10_000;

/** Round trips of one byte on an open socket: what any reply costs on this machine. */
export async function pingRoundTrips(port: number, count: number): Promise<number[]> {
  const client = await StreamCounter.connect(port, { kind: 'bare' });
  try {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = now();
      await client.request(BareRequest.ping, 1, TIMEOUT_MS);
      samples.push(now() - started);
    }
    return samples;
  } finally {
    client.close();
  }
}

export const stop: Scenario = {
  name: 'stop',
  async run(context: BenchContext) {
    const rounds = context.quick ? 10 : 30;
    const songIds = context.library.bundled.map((song) => song.id);
    const server = await context.servers.paced();
    const bare = await context.servers.bare();
    const client = await RawClient.connect(server.port, '127.0.0.1', {
      keepPackets: false,
      noDelay: true,
    });
    const holdMs = context.quick ? 100 : 200;
    const plan = { songIds, holdMs, settleMs: 100, timeoutMs: TIMEOUT_MS };
    let samples;
    try {
      samples = await timeStops(client, rounds, plan, (line) => context.progress(`stop ${line}`));
    } finally {
      client.destroy();
    }
    const pings = await pingRoundTrips(bare.port, rounds);
    return [
      metricRow(
        'loopback',
        'stop → stop reply',
        'ms',
        samples.map((s) => s.ms),
        {
          reference: { label: 'floor: 1-byte round trip', values: pings },
        },
      ),
      metricRow(
        'loopback',
        'old-song bytes after stop reply',
        'bytes',
        samples.map((s) => s.bytesAfter),
        {
          note: 'must be 0',
        },
      ),
      metricRow(
        'loopback',
        'old-song bytes ahead of stop reply',
        'KB',
        samples.map((s) => s.bytesAhead / 1024),
      ),
    ];
  },
};
