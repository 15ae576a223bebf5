/** Song 3, Night Ferry. */
import { pingPong } from './effects';
import {
  type MelodyPlan,
  atOrAbove,
  chord,
  composeMelody,
  rhythm,
  voiceProgression,
} from './harmony';
import { type PadOptions, bass, flute, kick, pad, pluck, rim, shaker } from './instruments';
import { type Mix, addMono, addStereo, createMix, mergeMix, placed } from './mix';
import type { Rng } from './random';
import type { Timeline } from './song';

// prettier-ignore
export const FERRY_CHORDS = [
  'Fmaj7', 'Em7', 'Dm7', 'Cmaj7',
  'Fmaj7', 'Em7', 'Dm7', 'Cmaj7',
  'Fmaj7',
].map(chord);

export const FERRY_MELODY: MelodyPlan = {
  form: '-ABACABAZ',
  rhythms: { A: '1.5 .5 2', B: 'r.5 .5 1 1.5 .5', C: '1 1 2', Z: '4' },
  cadences: 'CZ',
  scale: [0, 2, 4, 5, 7, 9, 11], // white keys, heard as F lydian over these chords
  range: [69, 86],
  start: 77,
};

export const FERRY_PAD: PadOptions = {
  wave: 'triangle',
  cutoff: 1800,
  attack: 0.9,
  release: 1.8,
  detuneCents: 5,
};

/** Song 3: a slow, swung lydian night drift with a breathy lead, harp sweeps and echoes. */
export function arrangeNightFerry(mix: Mix, rng: Rng, timeline: Timeline, length: number): void {
  const { at, beatSeconds } = timeline;
  const voicings = voiceProgression(FERRY_CHORDS, 53, 72);
  FERRY_CHORDS.forEach((current, bar) => {
    const last = bar === FERRY_CHORDS.length - 1;
    const voicing = voicings[bar];
    const hold = beatSeconds * (last ? 3.2 : 4);
    addStereo(mix, pad(rng, voicing, hold, FERRY_PAD), placed(at(bar, 0), 0.45, 0, 0.5));
    // Harp sweep: chord tones climbing two octaves in 16ths at the top of each bar.
    const sweep = [...voicing, ...voicing.map((note) => note + 12)];
    sweep.forEach((note, step) => {
      const tone = pluck(rng, note + 12, beatSeconds * 3, { brightness: 0.5, decay: 2.5 });
      const place = placed(at(bar, step * 0.25), 0.13 - step * 0.008, -0.6 + step * 0.15, 0.6);
      addMono(mix, tone, place);
    });
    const root = atOrAbove(current.bass, 36);
    for (const [beat, beats] of rhythm(last ? '4' : '2.5 1.5')) {
      const note = beat === 2.5 ? root + 7 : root;
      const tone = bass(note, beats * beatSeconds * 0.9, 'sine');
      addMono(mix, tone, placed(at(bar, beat), 0.6, 0, 0.05));
    }
    if (bar >= 1 && !last) addFerryDrums(mix, rng, at, bar);
  });

  // The lead gets its own bus so only it feeds the ping-pong echo.
  const lead = createMix(length);
  for (const event of composeMelody(rng, FERRY_MELODY, FERRY_CHORDS)) {
    const hold = event.beats * beatSeconds * (event.beats >= 4 ? 1 : 0.92);
    const tone = flute(rng, event.note, hold);
    addMono(lead, tone, placed(at(event.bar, event.beat), 0.3 * event.velocity, 0, 0.4));
  }
  addStereo(lead, pingPong(lead.dry, beatSeconds * 0.75, 0.45), placed(0, 0.5, 0, 0.5));
  mergeMix(mix, lead);
}

/** Swung shaker 16ths, a laid-back kick and a rim click on beat 3. */
export function addFerryDrums(mix: Mix, rng: Rng, at: Timeline['at'], bar: number): void {
  for (let step = 0; step < 16; step++) {
    const gain = step % 4 === 2 ? 0.09 : 0.05;
    addMono(mix, shaker(rng), placed(at(bar, step * 0.25), gain, 0.35, 0.2));
  }
  for (const beat of [0, 2.75]) {
    addMono(mix, kick(rng, 45, 0.32), placed(at(bar, beat), 0.7, 0, 0.05));
  }
  addMono(mix, rim(rng), placed(at(bar, 2), 0.22, -0.2, 0.45));
}
