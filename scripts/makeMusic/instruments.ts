/** Instruments: each returns a buffer starting at the note onset, including its ring-out. */
import { SAMPLE_RATE, TAU } from './constants';
import { type Stereo, createStereo, seconds } from './mix';
import { type Rng, noise } from './random';
import {
  type Wave,
  centsToRatio,
  filterInPlace,
  gateEnvelope,
  midiToHz,
  noiseBuffer,
  renderOscillator,
} from './synth';

export interface PadOptions {
  wave: Wave;
  cutoff: number;
  attack: number;
  release: number;
  detuneCents: number;
}

/** Detuned oscillator stack per note, spread left/right, low-passed for warmth. */
export function pad(rng: Rng, notes: readonly number[], hold: number, options: PadOptions): Stereo {
  const length = seconds(hold + options.release);
  const out = createStereo(length);
  for (const note of notes) {
    const freq = midiToHz(note);
    const low = renderOscillator(
      options.wave,
      freq * centsToRatio(-options.detuneCents),
      length,
      rng(),
    );
    const mid = renderOscillator(options.wave, freq, length, rng());
    const high = renderOscillator(
      options.wave,
      freq * centsToRatio(options.detuneCents),
      length,
      rng(),
    );
    for (let i = 0; i < length; i++) {
      out.left[i] += low[i] + 0.6 * mid[i];
      out.right[i] += high[i] + 0.6 * mid[i];
    }
  }
  for (const side of [out.left, out.right]) {
    filterInPlace(side, options.cutoff, 0.7, 'low');
    const scale = 1 / (1.6 * notes.length);
    for (let i = 0; i < length; i++) {
      side[i] *= scale * gateEnvelope(i / SAMPLE_RATE, options.attack, hold, options.release);
    }
  }
  return out;
}

export interface PluckOptions {
  /** 0…1: how much high end the pick excitation has. */
  brightness: number;
  /** Seconds for the string to decay by 60 dB. */
  decay: number;
}

/**
 * Karplus–Strong plucked string. A first-order all-pass supplies the fractional part of the
 * delay so high notes stay in tune with the pad.
 */
export function pluck(rng: Rng, note: number, hold: number, options: PluckOptions): Float32Array {
  const freq = midiToHz(note);
  const period = SAMPLE_RATE / freq;
  const delay = Math.floor(period - 0.5);
  const fraction = period - 0.5 - delay;
  const allPass = (1 - fraction) / (1 + fraction);
  const loss = 0.001 ** (1 / (options.decay * freq));
  const line = new Float32Array(delay);
  let smooth = 0;
  let mean = 0;
  for (let i = 0; i < delay; i++) {
    smooth += options.brightness * (noise(rng) - smooth);
    line[i] = smooth;
    mean += smooth / delay;
  }
  for (let i = 0; i < delay; i++) line[i] -= mean;

  const release = 0.08;
  const length = seconds(Math.min(hold, options.decay) + release);
  const out = new Float32Array(length);
  let index = 0;
  let previous = 0;
  let apIn = 0;
  let apOut = 0;
  for (let n = 0; n < length; n++) {
    const current = line[index];
    const averaged = 0.5 * (current + previous);
    previous = current;
    apOut = allPass * averaged + apIn - allPass * apOut;
    apIn = averaged;
    line[index] = apOut * loss;
    out[n] =
      current * gateEnvelope(n / SAMPLE_RATE, 0.002, length / SAMPLE_RATE - release, release);
    index = index + 1 === delay ? 0 : index + 1;
  }
  return out;
}

export interface FmOptions {
  /** Modulator frequency as a multiple of the carrier. */
  ratio: number;
  /** Peak modulation index (brightness of the attack). */
  index: number;
  /** Seconds for the modulation index to fall by 1/e. */
  indexDecay: number;
  /** Seconds for the amplitude to fall by 1/e. */
  decay: number;
  /** Optional high "tine" partial for electric-piano bite. */
  tine: number;
}

/** Two-operator FM voice: electric piano with ratio 1, glassy bells with non-integer ratios. */
export function fmVoice(note: number, hold: number, options: FmOptions): Float32Array {
  const freq = midiToHz(note);
  const release = 0.2;
  const length = seconds(hold + release);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    const index = options.index * Math.exp(-t / options.indexDecay);
    const modulator = Math.sin(TAU * freq * options.ratio * t) * index;
    const tine = options.tine * Math.sin(TAU * freq * 7.1 * t) * Math.exp(-t / 0.03);
    const amplitude = Math.exp(-t / options.decay) * gateEnvelope(t, 0.003, hold, release);
    out[i] = (Math.sin(TAU * freq * t + modulator) + tine) * amplitude;
  }
  return out;
}

/** Breathy flute-like lead: near-sine tone, delayed vibrato and a whisper of filtered noise. */
export function flute(rng: Rng, note: number, hold: number): Float32Array {
  const freq = midiToHz(note);
  const release = 0.3;
  const length = seconds(hold + release);
  const breath = noiseBuffer(rng, length);
  filterInPlace(breath, freq * 2, 2, 'band');
  const out = new Float32Array(length);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    const vibratoDepth = 0.006 * Math.min(1, Math.max(0, (t - 0.25) / 0.4));
    phase += (freq * (1 + vibratoDepth * Math.sin(TAU * 5.2 * t))) / SAMPLE_RATE;
    const tone = Math.sin(TAU * phase) + 0.18 * Math.sin(2 * TAU * phase);
    out[i] = (tone + 0.25 * breath[i]) * gateEnvelope(t, 0.07, hold, release);
  }
  return out;
}

export type BassTone = 'sine' | 'saw';

/** Round sine bass (gently saturated for harmonics) or a filtered saw for busier songs. */
export function bass(note: number, hold: number, tone: BassTone): Float32Array {
  const freq = midiToHz(note);
  const release = 0.07;
  const length = seconds(hold + release);
  const out =
    tone === 'saw'
      ? renderOscillator('saw', freq, length, 0)
      : renderOscillator('triangle', freq, length, 0.25);
  filterInPlace(out, tone === 'saw' ? 700 : 300, 0.8, 'low');
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    out[i] = Math.tanh(1.6 * out[i]) * gateEnvelope(t, 0.006, hold, release);
  }
  return out;
}

/** Sine kick: a fast downward pitch sweep gives the thump, a 2 ms noise tick the attack. */
export function kick(rng: Rng, tune: number, decay: number): Float32Array {
  const length = seconds(decay * 4);
  const out = new Float32Array(length);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    phase += (tune + tune * 2.5 * Math.exp(-t / 0.03)) / SAMPLE_RATE;
    const click = t < 0.002 ? 0.3 * noise(rng) * (1 - t / 0.002) : 0;
    out[i] = Math.sin(TAU * phase) * Math.exp(-t / decay) + click;
  }
  return out;
}

/** Snare/brush: band-passed noise over a short low tone. */
export function snare(rng: Rng, center: number, noiseDecay: number): Float32Array {
  const length = seconds(noiseDecay * 5);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, center, 0.9, 'band');
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    const body = 0.5 * Math.sin(TAU * 190 * t) * Math.exp(-t / 0.05);
    out[i] = out[i] * 1.6 * Math.exp(-t / noiseDecay) + body;
  }
  return out;
}

/** Hand clap: three quick noise bursts followed by a short diffuse tail. */
export function clap(rng: Rng): Float32Array {
  const length = seconds(0.4);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, 1300, 1.4, 'band');
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    const burst = t < 0.03 ? Math.exp(-(t % 0.01) / 0.003) : 0;
    const tail = t >= 0.02 ? Math.exp(-(t - 0.02) / 0.09) : 0;
    out[i] *= 2.2 * Math.max(burst, tail);
  }
  return out;
}

/** Hi-hat: high-passed noise; the decay decides closed versus open. */
export function hat(rng: Rng, decay: number): Float32Array {
  const length = seconds(decay * 5);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, 7500, 0.8, 'high');
  for (let i = 0; i < length; i++) out[i] *= Math.exp(-i / SAMPLE_RATE / decay);
  return out;
}

/** Shaker: soft-attack band-passed noise, a gentler 16th-note pulse than a hi-hat. */
export function shaker(rng: Rng): Float32Array {
  const length = seconds(0.12);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, 5500, 1.2, 'band');
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    out[i] *= (t < 0.012 ? t / 0.012 : Math.exp(-(t - 0.012) / 0.03)) * 1.5;
  }
  return out;
}

/** Rim click: a short woody tone plus a tick of noise. */
export function rim(rng: Rng): Float32Array {
  const length = seconds(0.15);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, 3000, 2, 'band');
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    out[i] = 0.5 * out[i] * Math.exp(-t / 0.01) + Math.sin(TAU * 820 * t) * Math.exp(-t / 0.02);
  }
  return out;
}
