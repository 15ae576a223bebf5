import fc from 'fast-check';

/**
 * When an action is taken, counted from the one before it:
 * - `now`: at once, in the same turn (stop then play at once; Next, Next);
 * - `turns`: after `n` turns of the event loop (the worker's and the socket's replies come in);
 * - `firstAudio`: at the current song's first audio chunk (at once if it had one, or no song
 *   plays): inside the listener call that brought it when `then` is 0 (sharper than the app,
 *   whose requests come in their own turn), else `then` turns later;
 * - `end`: the same at the current song's end by itself (or its stop, or failure); a bundled
 *   song (50 s) is taken 3 s in instead; with `microtask`, a microtask after that listener call
 *   (an in-process listener that awaits once before it plays: the song's pump has just
 *   returned, and the player has not yet readied the decoder after it);
 * - `ms`: after `n` milliseconds (a song a while in: FLAC and Vorbis make their spare
 *   instance for the next song 500 ms after a song's first bytes).
 */
export type When =
  | { at: 'now' }
  | { at: 'turns'; n: number }
  | { at: 'ms'; n: number }
  | { at: 'firstAudio'; then: number }
  | { at: 'end'; then: number; microtask?: true };

export type SkipAction =
  /**
   * `start`: a fraction of the song's length (0: its start). `song` 'same': the song played
   * last, again (a seek, or a click on the progress bar while it starts).
   */
  { kind: 'play'; song: number | 'same'; start: number; when: When } | { kind: 'stop'; when: When };

/**
 * A sequence, the song the final plain play asks for, how the renderer keeps up, and the link
 * to the server.
 */
export interface SkipRun {
  actions: SkipAction[];
  finalSong: number;
  /** `lagging`: it plays at 8 times real time and holds at most a second (the pump waits). */
  renderer: 'instant' | 'lagging';
  /** `slow`: 20 Mbit/s and 5 ms each way, so a replaced song's bytes are still on their way. */
  link: 'loopback' | 'slow';
}

const when: fc.Arbitrary<When> = fc.oneof(
  fc.constant<When>({ at: 'now' }),
  fc.integer({ min: 1, max: 40 }).map<When>((n) => ({ at: 'turns', n })),
  fc.nat(3).map<When>((then) => ({ at: 'firstAudio', then })),
  fc.nat(3).map<When>((then) => ({ at: 'end', then })),
  fc.constant<When>({ at: 'end', then: 0, microtask: true }),
  fc.integer({ min: 20, max: 700 }).map<When>((n) => ({ at: 'ms', n })),
);

/** Mostly plays from the start; a seek in a third of them, never in the last fifth. */
const start = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 80 }).map((percent) => percent / 100) },
);

/**
 * Short sequences over `songCount` songs; `shortSongs` are the ones whose end is worth waiting
 * for, and the final play picks one of them so the check hears it whole.
 */
export function skipRuns(songCount: number, shortSongs: readonly number[]): fc.Arbitrary<SkipRun> {
  const song = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: songCount - 1 }) },
    { weight: 1, arbitrary: fc.constant('same' as const) },
  );
  const action: fc.Arbitrary<SkipAction> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('play' as const), song, start, when }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop' as const), when }) },
  );
  return fc.record({
    actions: fc.array(action, { minLength: 1, maxLength: 6 }),
    finalSong: fc.constantFrom(...shortSongs),
    renderer: fc.constantFrom('instant' as const, 'lagging' as const),
    link: fc.constantFrom('loopback' as const, 'slow' as const),
  });
}

/** One line per action, for a failure's report. */
export function describeRun(run: SkipRun, names: readonly string[]): string {
  const at = (w: When) =>
    w.at === 'turns' || w.at === 'ms'
      ? `after ${w.n} ${w.at}`
      : w.at === 'now'
        ? 'at once'
        : `at ${w.at}${w.then > 0 ? `, ${w.then} turns later` : ''}${w.at === 'end' && w.microtask ? ', a microtask later' : ''}`;
  const lines = run.actions.map((a) =>
    a.kind === 'stop'
      ? `stop ${at(a.when)}`
      : `play ${a.song === 'same' ? 'the same song' : `"${names[a.song]}"`} from ${a.start} of it ${at(a.when)}`,
  );
  return [
    `a renderer ${run.renderer}, a ${run.link} link`,
    ...lines,
    `final: play "${names[run.finalSong]}"`,
  ].join('\n');
}
