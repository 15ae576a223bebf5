/** Oscillators, filters and envelopes. */
import { SAMPLE_RATE } from './constants';
import { type Rng, noise } from './random';

export function midiToHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

export function centsToRatio(cents: number): number {
  return 2 ** (cents / 1200);
}

/** PolyBLEP residual: smooths the saw's jump so bright pads do not alias audibly. */
export function polyBlep(phase: number, step: number): number {
  if (phase < step) {
    const x = phase / step;
    return x + x - x * x - 1;
  }
  if (phase > 1 - step) {
    const x = (phase - 1) / step;
    return x * x + x + x + 1;
  }
  return 0;
}

export type Wave = 'saw' | 'triangle';

export function renderOscillator(
  wave: Wave,
  freq: number,
  length: number,
  phase0: number,
): Float32Array {
  const out = new Float32Array(length);
  const step = freq / SAMPLE_RATE;
  let phase = phase0;
  for (let i = 0; i < length; i++) {
    out[i] = wave === 'saw' ? 2 * phase - 1 - polyBlep(phase, step) : 1 - 4 * Math.abs(phase - 0.5);
    phase += step;
    if (phase >= 1) phase -= 1;
  }
  return out;
}

export type FilterMode = 'low' | 'band' | 'high';

/** Topology-preserving state-variable filter (Simper); stable even when swept hard. */
export function filterInPlace(
  buffer: Float32Array,
  cutoff: number,
  q: number,
  mode: FilterMode,
): void {
  const g = Math.tan((Math.PI * Math.min(cutoff, SAMPLE_RATE * 0.45)) / SAMPLE_RATE);
  const k = 1 / q;
  const a1 = 1 / (1 + g * (g + k));
  const a2 = g * a1;
  const a3 = g * a2;
  let ic1 = 0;
  let ic2 = 0;
  for (let i = 0; i < buffer.length; i++) {
    const v0 = buffer[i];
    const v3 = v0 - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    buffer[i] = mode === 'low' ? v2 : mode === 'band' ? v1 : v0 - k * v1 - v2;
  }
}

/** Attack/hold/release gate: linear attack, flat hold, raised-cosine release (no clicks). */
export function gateEnvelope(t: number, attack: number, hold: number, release: number): number {
  if (t < attack) return t / attack;
  if (t < hold) return 1;
  const r = (t - hold) / release;
  return r >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * r);
}

export function noiseBuffer(rng: Rng, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = noise(rng);
  return out;
}
