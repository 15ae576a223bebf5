import { clientMessages, PacketType } from '../src/protocol';
import { now, sleep } from './timing';
import type { RawClient } from '../test/support/rawClient';

export interface PausedSwitchSample {
  /** From sending the switch (stop, play B) to the stop reply, in milliseconds. */
  stopMs: number;
  /** From sending the switch to B's first packet (its start packet, just ahead of its data). */
  switchMs: number;
  /** Song bytes of A that arrived between the switch and the stop reply: queued ahead of it. */
  bytesAhead: number;
}

export interface PausedSwitchPlan {
  songIds: readonly number[];
  /** How long A streams, read as it comes, before the listener pauses. */
  holdMs: number;
  /** How long the client reads nothing, having sent `pause` (PROTOCOL §17). */
  pausedMs: number;
  timeoutMs: number;
}

/**
 * A listener pauses A (the client stops reading and sends `pause`, as the app does), then picks
 * song B: the client sends `stop` and `play B` together, as the app's session does, and reads
 * again. B is asked from 1 ms in, so that its start packet (§7.1) marks its first bytes.
 */
export async function timePausedSwitch(
  client: RawClient,
  round: number,
  plan: PausedSwitchPlan,
): Promise<PausedSwitchSample> {
  const songA = plan.songIds[round % plan.songIds.length];
  const songB = plan.songIds[(round + 1) % plan.songIds.length];
  client.send(clientMessages.play(songA));
  await client.playBytesAtLeast(16 * 1024, plan.timeoutMs);
  await sleep(plan.holdMs);
  client.socket.pause();
  client.send(clientMessages.pause());
  await sleep(plan.pausedMs);
  const started = now();
  const bytesAtStart = client.playBytes;
  const reply = client.nextArrival(PacketType.Stop, plan.timeoutMs);
  const firstOfB = client.nextArrival(PacketType.Start, plan.timeoutMs);
  client.send(Buffer.concat([clientMessages.stop(), clientMessages.play(songB, 0.001)]));
  client.socket.resume();
  const [stopArrival, startArrival] = await Promise.all([reply, firstOfB]);
  const stopB = client.nextArrival(PacketType.Stop, plan.timeoutMs);
  client.send(clientMessages.stop());
  await stopB;
  return {
    stopMs: stopArrival.at - started,
    switchMs: startArrival.at - started,
    bytesAhead: stopArrival.playBytes - bytesAtStart,
  };
}

export async function timePausedSwitches(
  client: RawClient,
  rounds: number,
  plan: PausedSwitchPlan,
  progress: (line: string) => void,
): Promise<PausedSwitchSample[]> {
  const samples: PausedSwitchSample[] = [];
  for (let round = 0; round < rounds; round++) {
    progress(`switch after a ${plan.pausedMs / 1000} s pause ${round + 1}/${rounds}`);
    samples.push(await timePausedSwitch(client, round, plan));
  }
  return samples;
}
