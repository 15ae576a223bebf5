import { clientMessages, PacketType } from '../src/protocol';
import { now, sleep } from './timing';
import type { RawClient } from '../test/support/rawClient';

export interface StopSample {
  /** From sending stop to the stop reply's arrival, in milliseconds. */
  ms: number;
  /** Song bytes that arrived between sending stop and its reply: what was queued ahead of it. */
  bytesAhead: number;
  /** Song bytes after the reply (must be 0). */
  bytesAfter: number;
}

export interface StopPlan {
  songIds: readonly number[];
  /** How long the song streams, read as it comes, before the stop. */
  holdMs: number;
  /** Then how long the client reads nothing (a paused player), if at all. */
  pausedMs?: number;
  /** Whether it tells the server so with the pause extension (PROTOCOL §17) as it stops reading. */
  announcePause?: boolean;
  /** How long to watch for stray song bytes after the reply. */
  settleMs: number;
  timeoutMs: number;
}

/** Plays a song on a bare protocol client, stops it, and times the stop reply. */
export async function timeStop(
  client: RawClient,
  round: number,
  plan: StopPlan,
): Promise<StopSample> {
  client.send(clientMessages.play(plan.songIds[round % plan.songIds.length]));
  await client.playBytesAtLeast(16 * 1024, plan.timeoutMs);
  await sleep(plan.holdMs);
  if (plan.pausedMs) {
    client.socket.pause();
    if (plan.announcePause) client.send(clientMessages.pause());
    await sleep(plan.pausedMs);
  }
  const started = now();
  const bytesAtStart = client.playBytes;
  const reply = client.nextArrival(PacketType.Stop, plan.timeoutMs);
  client.send(clientMessages.stop());
  client.socket.resume(); // as the app's session does: a request awaiting its reply reads on
  const arrival = await reply;
  await sleep(plan.settleMs);
  return {
    ms: arrival.at - started,
    bytesAhead: arrival.playBytes - bytesAtStart,
    bytesAfter: client.playBytes - arrival.playBytes,
  };
}

export async function timeStops(
  client: RawClient,
  rounds: number,
  plan: StopPlan,
  progress: (line: string) => void,
): Promise<StopSample[]> {
  const samples: StopSample[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 10 === 0) progress(`stop ${round + 1}/${rounds}`);
    samples.push(await timeStop(client, round, plan));
  }
  return samples;
}
