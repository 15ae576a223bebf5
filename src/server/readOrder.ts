/**
 * Which song-file read goes next when many streams want one (ReadGate): the one whose listener
 * will run out of audio soonest, and none far ahead of its need while other streams are still
 * waiting for their first audio. So a thousand listeners who ask at once each get their first
 * quarter second before any gets its multi-second burst, and no listener already playing runs dry.
 */

/** What a player holds before it starts: the app's first chunk (and the bench's start rule). */
export const FIRST_AUDIO_SECONDS = 0.25;
/**
 * While streams wait for their first audio, a read may run only if its listener would run out of
 * audio within this long: enough to keep every playing stream ahead of real time, small enough
 * that the bursts wait.
 */
export const HOLD_HORIZON_MS = 250;
/**
 * A playing stream's next read is due this long before its listener would run out of audio, so
 * that a queue of reads ahead of it cannot make it late: the margin the order keeps for it.
 */
export const READ_AHEAD_MS = 750;
/**
 * A starting stream holds back the others' bursts for at most this long, however slow its
 * file or its reader: one stalled peer cannot hold up everyone else's bursts for longer.
 */
export const START_CLAIM_MS = 1_500;

/** A read waiting for its turn. */
export interface ReadTurn {
  /** When its listener runs out of audio without it (ms, the gate's clock); sooner goes first. */
  deadline: number;
  /** Arrival order, which breaks ties. */
  seq: number;
}

/**
 * The deadline a read waits under: its own, or its arrival if that is already past. Overdue reads
 * then wait in arrival order, as in a plain queue: when the server cannot keep up with everyone,
 * the streams that started long ago do not all go first while the playing ones run dry.
 */
export function turnDeadline(deadline: number, now: number): number {
  return Math.max(deadline, now);
}

/** Orders waiting reads: soonest deadline first, then first come. */
export function compareReadTurns(a: ReadTurn, b: ReadTurn): number {
  return a.deadline - b.deadline || a.seq - b.seq;
}

/**
 * Whether a read due at `deadline` may start at `now`: always when no stream is waiting for its
 * first audio (`startingStreams` 0), otherwise only if its listener needs it within the horizon.
 */
export function mayReadNow(deadline: number, now: number, startingStreams: number): boolean {
  return startingStreams === 0 || deadline <= now + HOLD_HORIZON_MS;
}

/**
 * When a held read may be looked at again: when its deadline comes within the horizon, or when
 * the oldest start claim expires, whichever is sooner (null when neither is known).
 */
export function nextLookAt(deadline: number, oldestClaimExpiry: number | null): number {
  const due = deadline - HOLD_HORIZON_MS;
  return oldestClaimExpiry === null ? due : Math.min(due, oldestClaimExpiry);
}

export interface StreamClock {
  /** When the stream was asked for (ms), moved later by pauses. */
  startedAt: number;
  /** When it had sent its first audio (ms), moved later by pauses; null before. */
  firstAudioAt: number | null;
  sentBytes: number;
  firstAudioBytes: number;
  bytesPerMs: number;
}

/**
 * When this stream's next read is due: READ_AHEAD_MS before a listener would run out of what was
 * sent (a player starts once it holds its first audio, then plays in real time). Before its
 * first audio, the start plus FIRST_AUDIO_SECONDS: what the listener waits for is the first sound.
 */
export function readDueAt(clock: StreamClock): number {
  if (clock.firstAudioAt === null) return clock.startedAt + FIRST_AUDIO_SECONDS * 1000;
  const dryAt = clock.firstAudioAt + (clock.sentBytes - clock.firstAudioBytes) / clock.bytesPerMs;
  return dryAt - READ_AHEAD_MS;
}
