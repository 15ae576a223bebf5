/** Song 1, Harbor Lights. */
import {
  type MelodyPlan,
  atOrAbove,
  chord,
  composeMelody,
  rhythm,
  voiceProgression,
} from './harmony';
import { type PadOptions, bass, hat, kick, pad, pluck, snare } from './instruments';
import { type Mix, addMono, addStereo, placed } from './mix';
import type { Rng } from './random';
import type { Timeline } from './song';

// prettier-ignore
export const HARBOR_CHORDS = [
  'Dadd9', 'A/C#', 'Bm7', 'Gmaj7',
  'Dadd9', 'A/C#', 'Bm7', 'Gmaj7',
  'Bm7', 'Gmaj7', 'Asus4', 'Dadd9',
].map(chord);

export const HARBOR_MELODY: MelodyPlan = {
  form: '----ABACABDZ',
  rhythms: { A: '1 .5 .5 1.5 .5', B: '1.5 .5 .5 .5 1', C: '.5 .5 1 2', D: '1 1 1 1', Z: '4' },
  cadences: 'CZ',
  scale: [2, 4, 6, 7, 9, 11, 1], // D major
  range: [66, 83],
  start: 74,
};

export const HARBOR_PAD: PadOptions = {
  wave: 'saw',
  cutoff: 1400,
  attack: 0.6,
  release: 1.4,
  detuneCents: 7,
};

/** Song 1: an unhurried D-major ballad of plucked strings over a warm pad. */
export function arrangeHarborLights(mix: Mix, rng: Rng, timeline: Timeline): void {
  const { at, beatSeconds } = timeline;
  const voicings = voiceProgression(HARBOR_CHORDS, 52, 71);
  const arpOrder = [0, 1, 2, 3, 2, 1, 2, 3];
  HARBOR_CHORDS.forEach((current, bar) => {
    const last = bar === HARBOR_CHORDS.length - 1;
    const voicing = voicings[bar];
    const hold = beatSeconds * (last ? 5.6 : 4);
    addStereo(mix, pad(rng, voicing, hold, HARBOR_PAD), placed(at(bar, 0), 0.28, 0, 0.4));
    // Finger-picked 8th-note arpeggio an octave above the pad.
    for (let step = 0; step < (last ? 1 : arpOrder.length); step++) {
      const note = voicing[arpOrder[step] % voicing.length] + 12;
      const tone = pluck(rng, note, beatSeconds * (last ? 4 : 1.5), {
        brightness: 0.35,
        decay: 1.2,
      });
      const side = step % 2 ? 0.35 : -0.35;
      addMono(mix, tone, placed(at(bar, step * 0.5), step % 2 ? 0.13 : 0.16, side, 0.3));
    }
    const root = atOrAbove(current.bass, 38);
    for (const [beat, beats] of rhythm(last ? '4' : '1.5 .5 2')) {
      const note = beat === 1.5 ? root + 12 : root;
      const tone = bass(note, beats * beatSeconds * 0.92, 'sine');
      addMono(mix, tone, placed(at(bar, beat), 0.55, 0, 0.05));
    }
    if (bar >= 1 && !last) addHarborDrums(mix, rng, at, bar);
  });
  addMono(mix, kick(rng, 48, 0.35), placed(at(HARBOR_CHORDS.length - 1, 0), 0.7, 0, 0.1));

  for (const event of composeMelody(rng, HARBOR_MELODY, HARBOR_CHORDS)) {
    const hold = event.beats * beatSeconds * (event.beats >= 4 ? 1.5 : 0.95);
    const tone = pluck(rng, event.note, hold, { brightness: 0.7, decay: 2.2 });
    addMono(mix, tone, placed(at(event.bar, event.beat), 0.42 * event.velocity, 0.1, 0.45));
  }
}

/** Closed hats from bar 1; kick and a soft brushed snare join from bar 2. */
export function addHarborDrums(mix: Mix, rng: Rng, at: Timeline['at'], bar: number): void {
  for (let step = 0; step < 8; step++) {
    addMono(mix, hat(rng, 0.03), placed(at(bar, step * 0.5), step % 2 ? 0.06 : 0.1, 0.3, 0.1));
  }
  if (bar < 2) return;
  for (const beat of [0, 2.5]) {
    addMono(mix, kick(rng, 48, 0.3), placed(at(bar, beat), 0.85, 0, 0.05));
  }
  for (const beat of [1, 3]) {
    addMono(mix, snare(rng, 2200, 0.09), placed(at(bar, beat), 0.3, -0.1, 0.35));
  }
}
