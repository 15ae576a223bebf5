/** Mastering: reverb return, peak normalisation, fades; and rendering a whole song. */
import { reverb } from './effects';
import { type Mix, type Stereo, createMix, seconds } from './mix';
import { createRng } from './random';
import { type Song, createTimeline } from './song';
import { filterInPlace } from './synth';

export const PEAK_TARGET = 0.89; // about -1 dBFS, headroom for MP3 overshoot
export const FADE_IN_SECONDS = 0.01;
export const FADE_OUT_SECONDS = 2.5;

export function master(mix: Mix, song: Song): Stereo {
  const wet = reverb(mix.send, song.reverb.room, song.reverb.damp);
  const out = mix.dry;
  const length = out.left.length;
  for (const [side, reverbSide] of [
    [out.left, wet.left],
    [out.right, wet.right],
  ] as const) {
    for (let i = 0; i < length; i++) side[i] += reverbSide[i] * song.reverb.level;
    // Remove DC and sub-sonic rumble that would only waste bits.
    filterInPlace(side, 25, 0.7, 'high');
  }
  const fadeIn = seconds(FADE_IN_SECONDS);
  const fadeOut = seconds(FADE_OUT_SECONDS);
  let peak = 0;
  for (let i = 0; i < length; i++) {
    const fromEnd = length - 1 - i;
    const gain =
      Math.min(1, i / fadeIn) *
      (fromEnd < fadeOut ? Math.sin(((fromEnd / fadeOut) * Math.PI) / 2) : 1);
    out.left[i] *= gain;
    out.right[i] *= gain;
    peak = Math.max(peak, Math.abs(out.left[i]), Math.abs(out.right[i]));
  }
  const scale = PEAK_TARGET / peak;
  for (let i = 0; i < length; i++) {
    out.left[i] *= scale;
    out.right[i] *= scale;
  }
  return out;
}

export function renderSong(song: Song): Stereo {
  const timeline = createTimeline(song.bpm, song.swing);
  const length = seconds(song.bars * 4 * timeline.beatSeconds + song.tailSeconds);
  const mix = createMix(length);
  song.arrange(mix, createRng(song.seed), timeline, length);
  return master(mix, song);
}
