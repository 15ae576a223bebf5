import { startField } from '../protocol';

/**
 * The start time to ask for when a song goes on at song sample `nextSample` (of `sampleRate`).
 * A start field has millisecond precision (PROTOCOL §7), which cannot name every sample, so this
 * is the latest time on the wire whose sample round(SECONDS × rate) is not after `nextSample`:
 * the server then starts at or before it, and the player drops the samples in between
 * (planWindow with an exact target). Float rounding is checked on the value actually sent.
 */
export function resumeStartSeconds(nextSample: number, sampleRate: number): number {
  if (!(nextSample > 0) || !(sampleRate > 0)) return 0;
  // round() can reach the sample from one millisecond past the floor: start there, step back.
  let millis = Math.floor((nextSample * 1000) / sampleRate) + 1;
  while (millis > 0 && sampleOf(millis / 1000, sampleRate) > nextSample) millis--;
  return millis / 1000;
}

/**
 * Where a cut stream goes on: exactly at its next sample when the decoded audio told it (and
 * its rate), else from where it was asked from (nothing decoded yet).
 */
export function resumeRequest(
  nextSample: number | null,
  sampleRate: number | null,
  askedSeconds: number,
): { startSeconds: number; exactSample: number | null } {
  if (nextSample === null || sampleRate === null) {
    return { startSeconds: askedSeconds, exactSample: null };
  }
  return { startSeconds: resumeStartSeconds(nextSample, sampleRate), exactSample: nextSample };
}

/** The sample a server starts from for `seconds`, as written on the wire. */
function sampleOf(seconds: number, sampleRate: number): number {
  const field = startField(seconds);
  return field === null ? Infinity : Math.round(Number(field) * sampleRate);
}
