import type { PlayerProbe } from './playerProbe';
import { now, sleep } from './timing';

export interface SwitchSample {
  /** From the request for B to B's first audio chunk, in milliseconds. */
  ms: number;
  /** Audio chunks of A that came out after B was requested (must be 0). */
  oldChunksAfter: number;
}

export interface SwitchPlan {
  songIds: readonly number[];
  /** How long A streams before the switch. */
  holdMs: number;
  timeoutMs: number;
  /** The seed client's way: stop, wait for the reply, sleep this long, then play. */
  seedSleepMs?: number;
}

/** Plays A, lets it stream, then switches to B and times B's first audio. */
export async function timeSwitch(
  probe: PlayerProbe,
  round: number,
  plan: SwitchPlan,
): Promise<SwitchSample> {
  const { songIds } = plan;
  const songA = songIds[round % songIds.length];
  const songB = songIds[(round + 1) % songIds.length];
  const streamA = await probe.play(songA);
  await probe.firstAudioAt(streamA, plan.timeoutMs);
  await sleep(plan.holdMs);
  const started = now();
  const chunksOfA = probe.chunks(streamA);
  if (plan.seedSleepMs !== undefined) {
    await probe.stop();
    await sleep(plan.seedSleepMs);
  }
  const streamB = await probe.play(songB);
  const firstB = await probe.firstAudioAt(streamB, plan.timeoutMs);
  const oldChunksAfter = probe.chunks(streamA) - chunksOfA;
  await probe.stop();
  return { ms: firstB - started, oldChunksAfter };
}

export async function timeSwitches(
  probe: PlayerProbe,
  rounds: number,
  plan: SwitchPlan,
  progress: (line: string) => void,
): Promise<SwitchSample[]> {
  const samples: SwitchSample[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 10 === 0) progress(`switch ${round + 1}/${rounds}`);
    samples.push(await timeSwitch(probe, round, plan));
  }
  return samples;
}
