import { measureFirstAudioFloor } from '../firstAudioFloor';
import { metricRow } from '../metricRow';
import type { PlayerProbe } from '../playerProbe';
import type { BenchContext, Scenario } from '../scenario';
import { timeServerFirstBytes } from '../serverFirstBytes';
import { now } from '../timing';

const TIMEOUT_MS = 10_000;

/** From play request to the first decoded chunk, through the app's pipeline, one play at a time. */
export async function timePlaysFromIdle(
  probe: PlayerProbe,
  songIds: readonly number[],
  plays: number,
  progress: (line: string) => void,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < plays; i++) {
    if (i % 10 === 0) progress(`play ${i + 1}/${plays}`);
    const started = now();
    const streamId = await probe.play(songIds[i % songIds.length]);
    samples.push((await probe.firstAudioAt(streamId, TIMEOUT_MS)) - started);
    await probe.stop();
  }
  return samples;
}

export const timeToFirstAudio: Scenario = {
  name: 'ttfa',
  async run(context: BenchContext) {
    const plays = context.quick ? 30 : 60;
    const songs = context.library.bundled;
    const songIds = songs.map((song) => song.id);
    const server = await context.servers.paced();
    const bare = await context.servers.bare();
    const probe = context.player;
    await probe.connect(server.port);
    let samples: number[];
    try {
      await timePlaysFromIdle(probe, songIds, 1, () => {}); // decoder worker started
      samples = await timePlaysFromIdle(probe, songIds, plays, (line) =>
        context.progress(`ttfa ${line}`),
      );
    } finally {
      await probe.disconnect();
    }
    const order = Array.from({ length: plays }, (_, i) => songs[i % songs.length].file);
    const floor = await measureFirstAudioFloor(bare.port, order, TIMEOUT_MS);
    // The server's share alone, after the player's plays: the same songs, their heads cached.
    const firstBytes = await timeServerFirstBytes(
      server.port,
      bare.port,
      songIds,
      plays,
      TIMEOUT_MS,
    );
    return [
      metricRow('loopback', 'time to first audio (play → first PCM chunk)', 'ms', samples, {
        reference: { label: 'floor: 4 KB round trip + first frame decode', values: floor },
      }),
      metricRow(
        'loopback',
        'server: play sent → first song bytes (raw socket)',
        'ms',
        firstBytes.ours,
        {
          reference: { label: 'bare server: 4 KB round trip', values: firstBytes.bare },
        },
      ),
    ];
  },
};
