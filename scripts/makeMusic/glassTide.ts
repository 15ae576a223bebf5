/** Song 2, Glass Tide. */
import { duck } from './effects';
import { type MelodyPlan, atOrAbove, chord, composeMelody, voiceProgression } from './harmony';
import {
  type FmOptions,
  type PadOptions,
  bass,
  clap,
  fmVoice,
  hat,
  kick,
  pad,
} from './instruments';
import { type Mix, addMono, addStereo, createMix, mergeMix, placed } from './mix';
import type { Rng } from './random';
import type { Timeline } from './song';

// prettier-ignore
export const GLASS_CHORDS = [
  'Am7', 'Fmaj7', 'C', 'G',
  'Am7', 'Fmaj7', 'C', 'G',
  'Am7', 'Fmaj7', 'C', 'G',
  'Fmaj7', 'Amadd9',
].map(chord);

export const GLASS_MELODY: MelodyPlan = {
  form: '----ABACABACDZ',
  rhythms: {
    A: '.75 .75 .5 1 .5 .5',
    B: 'r.5 .5 .5 1 .5 1',
    C: '1 .5 .5 2',
    D: '.5 .5 .5 .5 1 1',
    Z: '4',
  },
  cadences: 'CZ',
  scale: [9, 11, 0, 2, 4, 5, 7], // A natural minor
  range: [64, 81],
  start: 72,
};

export const GLASS_PAD: PadOptions = {
  wave: 'saw',
  cutoff: 2200,
  attack: 0.08,
  release: 0.6,
  detuneCents: 11,
};
export const GLASS_BELL: FmOptions = {
  ratio: 3.5,
  index: 1.6,
  indexDecay: 0.08,
  decay: 0.25,
  tine: 0,
};
export const GLASS_KEYS: FmOptions = {
  ratio: 1,
  index: 1.9,
  indexDecay: 0.35,
  decay: 1.1,
  tine: 0.18,
};

/** Song 2: a brisk A-minor dance groove with FM electric piano and glassy bells. */
export function arrangeGlassTide(mix: Mix, rng: Rng, timeline: Timeline, length: number): void {
  const { at, beatSeconds } = timeline;
  const voicings = voiceProgression(GLASS_CHORDS, 55, 74);
  const lastBar = GLASS_CHORDS.length - 1;
  // Pad and bass sit on their own bus so they can duck under the kick.
  const ducked = createMix(length);
  const kickTimes: number[] = [];
  const bellOrder = [0, 1, 2, 3, 1, 2, 3, 0, 2, 3, 0, 1, 3, 2, 1, 2];
  GLASS_CHORDS.forEach((current, bar) => {
    const voicing = voicings[bar];
    const hold = beatSeconds * (bar === lastBar ? 4.8 : 4);
    addStereo(ducked, pad(rng, voicing, hold, GLASS_PAD), placed(at(bar, 0), 0.22, 0, 0.3));
    // Glassy 16th-note bells two octaves above the pad, weaving between the speakers.
    for (let step = 0; step < (bar === lastBar ? 1 : 16); step++) {
      const note = voicing[bellOrder[step] % voicing.length] + 24;
      const tone = fmVoice(note, beatSeconds * 0.2, GLASS_BELL);
      const gain = step % 4 ? 0.035 : 0.05;
      addMono(mix, tone, placed(at(bar, step * 0.25), gain, Math.sin(step * 0.9) * 0.6, 0.5));
    }
    if (bar >= 2 && bar < lastBar) {
      const root = atOrAbove(current.bass, 33);
      for (let step = 0; step < (bar === lastBar - 1 ? 1 : 8); step++) {
        const note = step === 3 || step === 7 ? root + 12 : root;
        const tone = bass(note, beatSeconds * (bar === lastBar - 1 ? 3 : 0.4), 'saw');
        addMono(ducked, tone, placed(at(bar, step * 0.5), 0.33));
      }
    }
    if (bar >= 2 && bar < lastBar - 1) addGlassDrums(mix, rng, at, bar, kickTimes);
  });
  addMono(mix, kick(rng, 52, 0.45), placed(at(lastBar - 1, 0), 0.8, 0, 0.15));
  kickTimes.push(at(lastBar - 1, 0));
  duck(ducked, kickTimes, 0.55, 0.12);
  mergeMix(mix, ducked);

  for (const event of composeMelody(rng, GLASS_MELODY, GLASS_CHORDS)) {
    const hold = event.beats * beatSeconds * (event.beats >= 4 ? 1.2 : 0.9);
    const tone = fmVoice(event.note, hold, GLASS_KEYS);
    addMono(mix, tone, placed(at(event.bar, event.beat), 0.3 * event.velocity, -0.15, 0.35));
  }
}

/** Four-on-the-floor kick with off-beat open hats; claps and 16th ticks join from bar 4. */
export function addGlassDrums(
  mix: Mix,
  rng: Rng,
  at: Timeline['at'],
  bar: number,
  kickTimes: number[],
): void {
  for (let beat = 0; beat < 4; beat++) {
    addMono(mix, kick(rng, 52, 0.22), placed(at(bar, beat), 0.9, 0, 0.03));
    kickTimes.push(at(bar, beat));
    addMono(mix, hat(rng, 0.16), placed(at(bar, beat + 0.5), 0.09, 0.25, 0.15));
  }
  if (bar < 4) return;
  for (const beat of [1, 3]) {
    addMono(mix, clap(rng), placed(at(bar, beat), 0.35, 0, 0.3));
  }
  for (let step = 1; step < 16; step += 2) {
    addMono(mix, hat(rng, 0.02), placed(at(bar, step * 0.25), 0.04, -0.3));
  }
}
