/**
 * Least audio a client-memory run must play before its RSS slope is reported. A shorter run's
 * slope is mostly start-up (the decoder's buffers, the first garbage collections) spread over
 * too little time: a 5-minute run reads as about 200 MB per audio hour with nothing leaking.
 */
export const MIN_AUDIO_SECONDS_FOR_SLOPE = 30 * 60;

export interface SlopeReport {
  /** The slopes to print, or NaN where the run was too short to mean anything. */
  values: number[];
  note: string;
}

/** What the "RSS slope" row shows for runs that played `audioSeconds` each. */
export function slopeReport(
  runs: ReadonlyArray<{ slopeMbPerAudioHour: number; audioSeconds: number }>,
): SlopeReport {
  const tooShort = runs.filter((run) => run.audioSeconds < MIN_AUDIO_SECONDS_FOR_SLOPE);
  if (tooShort.length === 0) {
    return { values: runs.map((run) => run.slopeMbPerAudioHour), note: 'flat is about 0' };
  }
  const played = Math.round(Math.min(...tooShort.map((run) => run.audioSeconds)) / 60);
  return {
    values: runs.map(() => NaN),
    note:
      `not reported: ${played} min of audio is too short for a slope (start-up dominates); ` +
      `a run of ${MIN_AUDIO_SECONDS_FOR_SLOPE / 60} min or more (the full bench) reports it`,
  };
}
