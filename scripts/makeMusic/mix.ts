/** Stereo buffers, placements and the dry/reverb mix each song renders into. */
import { SAMPLE_RATE } from './constants';

export interface Stereo {
  left: Float32Array;
  right: Float32Array;
}

/** Each song mixes into a dry bus plus a reverb send that is reverberated once at the end. */
export interface Mix {
  dry: Stereo;
  send: Stereo;
}

export interface Placement {
  /** Start time in seconds. */
  at: number;
  gain: number;
  /** -1 (left) … 1 (right). */
  pan: number;
  /** Fraction of the signal also fed to the reverb. */
  send: number;
}

export function placed(at: number, gain: number, pan = 0, send = 0): Placement {
  return { at, gain, pan, send };
}

export function createStereo(length: number): Stereo {
  return { left: new Float32Array(length), right: new Float32Array(length) };
}

export function createMix(length: number): Mix {
  return { dry: createStereo(length), send: createStereo(length) };
}

export function seconds(count: number): number {
  return Math.max(1, Math.round(count * SAMPLE_RATE));
}

/** Equal-power pan law, so panned parts keep their loudness. */
export function panGains(pan: number): [number, number] {
  const angle = ((pan + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}

export function addMono(mix: Mix, source: Float32Array, place: Placement): void {
  const [gainLeft, gainRight] = panGains(place.pan);
  addStereo(mix, { left: source, right: source }, place, gainLeft, gainRight);
}

export function addStereo(
  mix: Mix,
  source: Stereo,
  place: Placement,
  gainLeft = 1,
  gainRight = 1,
): void {
  const offset = Math.round(place.at * SAMPLE_RATE);
  const end = Math.min(source.left.length, mix.dry.left.length - offset);
  const left = place.gain * gainLeft;
  const right = place.gain * gainRight;
  for (let i = Math.max(0, -offset); i < end; i++) {
    const l = source.left[i] * left;
    const r = source.right[i] * right;
    mix.dry.left[offset + i] += l;
    mix.dry.right[offset + i] += r;
    mix.send.left[offset + i] += l * place.send;
    mix.send.right[offset + i] += r * place.send;
  }
}

export function mergeMix(target: Mix, source: Mix): void {
  for (const bus of ['dry', 'send'] as const) {
    for (const side of ['left', 'right'] as const) {
      const into = target[bus][side];
      const from = source[bus][side];
      for (let i = 0; i < into.length; i++) into[i] += from[i];
    }
  }
}
