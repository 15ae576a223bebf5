/** Harmony and melody: chord symbols, voicing, rhythms and composed melodies. */
import { type Rng, pick } from './random';

export const NOTE_NAMES: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
export const QUALITIES: Record<string, readonly number[]> = {
  '': [0, 4, 7],
  m: [0, 3, 7],
  '7': [0, 4, 7, 10],
  m7: [0, 3, 7, 10],
  maj7: [0, 4, 7, 11],
  add9: [0, 4, 7, 14],
  madd9: [0, 3, 7, 14],
  sus2: [0, 2, 7],
  sus4: [0, 5, 7],
};

export interface Chord {
  /** Pitch classes of the chord tones, root first. */
  tones: readonly number[];
  /** Pitch class the bass plays (differs from the root for slash chords). */
  bass: number;
}

export function pitchClass(name: string): number {
  const base = NOTE_NAMES[name[0]];
  if (base === undefined) throw new Error(`Unknown note name ${name}`);
  const accidental = name[1] === '#' ? 1 : name[1] === 'b' ? -1 : 0;
  return (base + accidental + 12) % 12;
}

/** Parses symbols such as 'Bm7', 'Gmaj7', 'A/C#' or 'Dadd9'. */
export function chord(symbol: string): Chord {
  const [main, slash] = symbol.split('/');
  const rootLength = main[1] === '#' || main[1] === 'b' ? 2 : 1;
  const root = pitchClass(main.slice(0, rootLength));
  const intervals = QUALITIES[main.slice(rootLength)];
  if (!intervals) throw new Error(`Unknown chord quality in ${symbol}`);
  return {
    tones: intervals.map((interval) => (root + interval) % 12),
    bass: slash ? pitchClass(slash) : root,
  };
}

/** The lowest MIDI note with the given pitch class at or above `floor`. */
export function atOrAbove(pc: number, floor: number): number {
  return floor + ((pc - floor + 120) % 12);
}

/**
 * Close-position voicing (within [low, high]) that moves least from the previous chord, so the
 * pad glides between chords instead of jumping.
 */
export function voiceChord(
  chordTones: readonly number[],
  previous: readonly number[],
  low: number,
  high: number,
): number[] {
  // Order tones by pitch above the root (so an added 9th sits between root and third), which
  // makes every rotation a genuine close-position inversion.
  const above = (pc: number): number => (pc - chordTones[0] + 12) % 12;
  const ordered = [...chordTones].sort((a, b) => above(a) - above(b));
  const candidates: number[][] = [];
  for (let rotation = 0; rotation < ordered.length; rotation++) {
    for (let octave = 0; octave < 2; octave++) {
      const voicing: number[] = [];
      let floor = low + octave * 12;
      for (let i = 0; i < ordered.length; i++) {
        const note = atOrAbove(ordered[(rotation + i) % ordered.length], floor);
        voicing.push(note);
        floor = note + 1;
      }
      if (voicing[voicing.length - 1] <= high) candidates.push(voicing);
    }
  }
  const centre = (low + high) / 2;
  const cost = (voicing: number[]): number =>
    previous.length === 0
      ? Math.abs(voicing.reduce((sum, n) => sum + n, 0) / voicing.length - centre)
      : voicing.reduce(
          (sum, note) => sum + Math.min(...previous.map((p) => Math.abs(p - note))),
          0,
        );
  return candidates.reduce((best, next) => (cost(next) < cost(best) ? next : best));
}

export function voiceProgression(chords: readonly Chord[], low: number, high: number): number[][] {
  const voicings: number[][] = [];
  for (const current of chords) {
    voicings.push(voiceChord(current.tones, voicings[voicings.length - 1] ?? [], low, high));
  }
  return voicings;
}

export interface NoteEvent {
  bar: number;
  beat: number;
  beats: number;
  note: number;
  velocity: number;
}

/** [start beat, length in beats] cells of one bar's rhythm. */
export type Rhythm = readonly (readonly [number, number])[];

/**
 * Parses a compact rhythm such as 'r.5 .5 1 2': note lengths in beats, laid end to end, where
 * an 'r' prefix marks a rest of that length.
 */
export function rhythm(pattern: string): Rhythm {
  const cells: [number, number][] = [];
  let beat = 0;
  for (const token of pattern.split(' ')) {
    const length = Number(token.replace('r', ''));
    if (!token.startsWith('r')) cells.push([beat, length]);
    beat += length;
  }
  return cells;
}

export interface MelodyPlan {
  /** One letter per bar naming its rhythm; '-' rests. Repeated letters repeat the contour. */
  form: string;
  /** Rhythm per letter, in the notation of `rhythm()`. */
  rhythms: Record<string, string>;
  /** Letters whose last note resolves to the chord root. */
  cadences: string;
  scale: readonly number[];
  range: readonly [number, number];
  start: number;
}

export const STEP_CHOICES = [-3, -2, -1, -1, -1, 0, 1, 1, 1, 2, 2, 3];

/** Moves `steps` scale degrees from `note` (which must already be in the scale). */
export function stepInScale(note: number, steps: number, scale: readonly number[]): number {
  let result = note;
  for (let taken = 0; taken < Math.abs(steps);) {
    result += Math.sign(steps);
    if (scale.includes(((result % 12) + 12) % 12)) taken++;
  }
  return result;
}

/** Nearest note (preferring the given direction on ties) whose pitch class is in `allowed`. */
export function nearestIn(note: number, allowed: readonly number[], direction: number): number {
  for (let distance = 0; distance < 12; distance++) {
    for (const sign of direction >= 0 ? [1, -1] : [-1, 1]) {
      const candidate = note + sign * distance;
      if (allowed.includes(((candidate % 12) + 12) % 12)) return candidate;
    }
  }
  return note;
}

/** Like `nearestIn`, but looks the other way if the preferred direction leaves the range. */
export function snapInRange(
  note: number,
  allowed: readonly number[],
  direction: number,
  plan: MelodyPlan,
): number {
  const snapped = nearestIn(note, allowed, direction);
  if (snapped >= plan.range[0] && snapped <= plan.range[1]) return snapped;
  return nearestIn(note, allowed, -(direction || 1));
}

/** Steps through the scale, bouncing back off the edges of the melody's range. */
export function nextMelodyNote(previous: number, step: number, plan: MelodyPlan): number {
  const note = stepInScale(previous, step, plan.scale);
  if (note >= plan.range[0] && note <= plan.range[1]) return note;
  return stepInScale(previous, -Math.sign(step) * Math.abs(step), plan.scale);
}

/**
 * Motif-based melody: each rhythm letter gets one random contour (scale steps) that is reused
 * whenever the letter recurs, so the tune has recognisable repetition. Strong beats and long
 * notes snap to chord tones, which keeps every sequence consonant over the progression.
 */
export function composeMelody(rng: Rng, plan: MelodyPlan, chords: readonly Chord[]): NoteEvent[] {
  const contours = new Map<string, number[]>();
  const events: NoteEvent[] = [];
  let previous = plan.start;
  for (let bar = 0; bar < plan.form.length; bar++) {
    const letter = plan.form[bar];
    if (letter === '-') continue;
    const cells = rhythm(plan.rhythms[letter]);
    const contour = contours.get(letter) ?? cells.map(() => pick(rng, STEP_CHOICES));
    contours.set(letter, contour);
    const tones = chords[bar].tones;
    cells.forEach(([beat, beats], index) => {
      const step = contour[index];
      let note = nextMelodyNote(previous, step, plan);
      if (index === cells.length - 1 && plan.cadences.includes(letter)) {
        note = snapInRange(note, [tones[0]], step, plan);
      } else if (beat % 2 === 0 || beats >= 1) {
        note = snapInRange(note, tones, step, plan);
      }
      const velocity = (beat % 1 === 0 ? 0.95 : 0.75) + rng() * 0.1;
      events.push({ bar, beat, beats, note, velocity });
      previous = note;
    });
  }
  return events;
}
