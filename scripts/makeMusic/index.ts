/**
 * Generates the bundled sample library in music/: three short original songs synthesised
 * entirely in code, encoded to MP3 with lamejs and tagged (with cover art) via node-id3.
 * Every random choice comes from a seeded PRNG, so re-running reproduces the same bytes.
 * The output is dedicated to the public domain (CC0 1.0, see music/LICENSE.md).
 *
 * Run with `npm run make-music`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mp3Encoder } from '@breezystack/lamejs';
import NodeID3 from 'node-id3';
import { PNG } from 'pngjs';

const SAMPLE_RATE = 44100;
const BITRATE_KBPS = 192;
const MP3_FRAME_SAMPLES = 1152;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'music');
const ARTIST = 'Tidewave Ensemble';
const ALBUM = 'Tidewave Sampler';
const YEAR = '2026';
const CC0_URL = 'https://creativecommons.org/publicdomain/zero/1.0/';
const TAU = Math.PI * 2;

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

type Rng = () => number;

/** mulberry32: tiny and fast; plenty for musical choices and noise, and fully reproducible. */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function noise(rng: Rng): number {
  return rng() * 2 - 1;
}

// ---------------------------------------------------------------------------------------------
// Buffers and mixing
// ---------------------------------------------------------------------------------------------

interface Stereo {
  left: Float32Array;
  right: Float32Array;
}

/** Each song mixes into a dry bus plus a reverb send that is reverberated once at the end. */
interface Mix {
  dry: Stereo;
  send: Stereo;
}

interface Placement {
  /** Start time in seconds. */
  at: number;
  gain: number;
  /** -1 (left) … 1 (right). */
  pan: number;
  /** Fraction of the signal also fed to the reverb. */
  send: number;
}

function placed(at: number, gain: number, pan = 0, send = 0): Placement {
  return { at, gain, pan, send };
}

function createStereo(length: number): Stereo {
  return { left: new Float32Array(length), right: new Float32Array(length) };
}

function createMix(length: number): Mix {
  return { dry: createStereo(length), send: createStereo(length) };
}

function seconds(count: number): number {
  return Math.max(1, Math.round(count * SAMPLE_RATE));
}

/** Equal-power pan law, so panned parts keep their loudness. */
function panGains(pan: number): [number, number] {
  const angle = ((pan + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}

function addMono(mix: Mix, source: Float32Array, place: Placement): void {
  const [gainLeft, gainRight] = panGains(place.pan);
  addStereo(mix, { left: source, right: source }, place, gainLeft, gainRight);
}

function addStereo(mix: Mix, source: Stereo, place: Placement, gainLeft = 1, gainRight = 1): void {
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

function mergeMix(target: Mix, source: Mix): void {
  for (const bus of ['dry', 'send'] as const) {
    for (const side of ['left', 'right'] as const) {
      const into = target[bus][side];
      const from = source[bus][side];
      for (let i = 0; i < into.length; i++) into[i] += from[i];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Oscillators, filters and envelopes
// ---------------------------------------------------------------------------------------------

function midiToHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

function centsToRatio(cents: number): number {
  return 2 ** (cents / 1200);
}

/** PolyBLEP residual: smooths the saw's jump so bright pads do not alias audibly. */
function polyBlep(phase: number, step: number): number {
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

type Wave = 'saw' | 'triangle';

function renderOscillator(wave: Wave, freq: number, length: number, phase0: number): Float32Array {
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

type FilterMode = 'low' | 'band' | 'high';

/** Topology-preserving state-variable filter (Simper); stable even when swept hard. */
function filterInPlace(buffer: Float32Array, cutoff: number, q: number, mode: FilterMode): void {
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
function gateEnvelope(t: number, attack: number, hold: number, release: number): number {
  if (t < attack) return t / attack;
  if (t < hold) return 1;
  const r = (t - hold) / release;
  return r >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * r);
}

function noiseBuffer(rng: Rng, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = noise(rng);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Instruments (each returns a buffer starting at the note onset, including its ring-out)
// ---------------------------------------------------------------------------------------------

interface PadOptions {
  wave: Wave;
  cutoff: number;
  attack: number;
  release: number;
  detuneCents: number;
}

/** Detuned oscillator stack per note, spread left/right, low-passed for warmth. */
function pad(rng: Rng, notes: readonly number[], hold: number, options: PadOptions): Stereo {
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

interface PluckOptions {
  /** 0…1: how much high end the pick excitation has. */
  brightness: number;
  /** Seconds for the string to decay by 60 dB. */
  decay: number;
}

/**
 * Karplus–Strong plucked string. A first-order all-pass supplies the fractional part of the
 * delay so high notes stay in tune with the pad.
 */
function pluck(rng: Rng, note: number, hold: number, options: PluckOptions): Float32Array {
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

interface FmOptions {
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
function fmVoice(note: number, hold: number, options: FmOptions): Float32Array {
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
function flute(rng: Rng, note: number, hold: number): Float32Array {
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

type BassTone = 'sine' | 'saw';

/** Round sine bass (gently saturated for harmonics) or a filtered saw for busier songs. */
function bass(note: number, hold: number, tone: BassTone): Float32Array {
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
function kick(rng: Rng, tune: number, decay: number): Float32Array {
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
function snare(rng: Rng, center: number, noiseDecay: number): Float32Array {
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
function clap(rng: Rng): Float32Array {
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
function hat(rng: Rng, decay: number): Float32Array {
  const length = seconds(decay * 5);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, 7500, 0.8, 'high');
  for (let i = 0; i < length; i++) out[i] *= Math.exp(-i / SAMPLE_RATE / decay);
  return out;
}

/** Shaker: soft-attack band-passed noise, a gentler 16th-note pulse than a hi-hat. */
function shaker(rng: Rng): Float32Array {
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
function rim(rng: Rng): Float32Array {
  const length = seconds(0.15);
  const out = noiseBuffer(rng, length);
  filterInPlace(out, 3000, 2, 'band');
  for (let i = 0; i < length; i++) {
    const t = i / SAMPLE_RATE;
    out[i] = 0.5 * out[i] * Math.exp(-t / 0.01) + Math.sin(TAU * 820 * t) * Math.exp(-t / 0.02);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------

const COMB_TUNING = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
const ALLPASS_TUNING = [556, 441, 341, 225];
const STEREO_SPREAD = 23;

/** Freeverb-style mono-in/stereo-out reverb: parallel damped combs into series all-passes. */
function reverb(send: Stereo, room: number, damp: number): Stereo {
  const length = send.left.length;
  const input = new Float32Array(length);
  for (let i = 0; i < length; i++) input[i] = (send.left[i] + send.right[i]) * 0.015;
  return {
    left: reverbChannel(input, room, damp, 0),
    right: reverbChannel(input, room, damp, STEREO_SPREAD),
  };
}

function reverbChannel(
  input: Float32Array,
  room: number,
  damp: number,
  spread: number,
): Float32Array {
  const out = new Float32Array(input.length);
  const feedback = room * 0.28 + 0.7;
  for (const tuning of COMB_TUNING) {
    const buffer = new Float32Array(tuning + spread);
    let index = 0;
    let store = 0;
    for (let i = 0; i < input.length; i++) {
      const delayed = buffer[index];
      store = delayed * (1 - damp) + store * damp;
      buffer[index] = input[i] + store * feedback;
      out[i] += delayed;
      index = index + 1 === buffer.length ? 0 : index + 1;
    }
  }
  for (const tuning of ALLPASS_TUNING) {
    const buffer = new Float32Array(tuning + spread);
    let index = 0;
    for (let i = 0; i < out.length; i++) {
      const delayed = buffer[index];
      buffer[index] = out[i] + delayed * 0.5;
      out[i] = delayed - out[i];
      index = index + 1 === buffer.length ? 0 : index + 1;
    }
  }
  return out;
}

/** Ping-pong echo: repeats alternate sides and darken, which reads as space, not clutter. */
function pingPong(source: Stereo, delaySeconds: number, feedback: number): Stereo {
  const delay = seconds(delaySeconds);
  const length = source.left.length;
  const wet = createStereo(length);
  let toneLeft = 0;
  let toneRight = 0;
  for (let i = delay; i < length; i++) {
    // The input enters on the left, then bounces left -> right -> left; a one-pole low-pass on
    // each hop darkens successive repeats.
    const input = (source.left[i - delay] + source.right[i - delay]) * 0.5;
    toneLeft += 0.4 * (input + feedback * wet.right[i - delay] - toneLeft);
    toneRight += 0.4 * (feedback * wet.left[i - delay] - toneRight);
    wet.left[i] = toneLeft;
    wet.right[i] = toneRight;
  }
  return wet;
}

/** Sidechain-style ducking: dips a bus after every kick so the groove breathes. */
function duck(mix: Mix, kickTimes: readonly number[], depth: number, recovery: number): void {
  const length = mix.dry.left.length;
  const gain = new Float32Array(length).fill(1);
  for (const time of kickTimes) {
    const start = Math.round(time * SAMPLE_RATE);
    const end = Math.min(length, start + seconds(recovery * 5));
    for (let i = Math.max(0, start); i < end; i++) {
      const dip = 1 - depth * Math.exp(-(i - start) / SAMPLE_RATE / recovery);
      gain[i] = Math.min(gain[i], dip);
    }
  }
  for (const bus of [mix.dry, mix.send]) {
    for (let i = 0; i < length; i++) {
      bus.left[i] *= gain[i];
      bus.right[i] *= gain[i];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Harmony and melody
// ---------------------------------------------------------------------------------------------

const NOTE_NAMES: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
const QUALITIES: Record<string, readonly number[]> = {
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

interface Chord {
  /** Pitch classes of the chord tones, root first. */
  tones: readonly number[];
  /** Pitch class the bass plays (differs from the root for slash chords). */
  bass: number;
}

function pitchClass(name: string): number {
  const base = NOTE_NAMES[name[0]];
  if (base === undefined) throw new Error(`Unknown note name ${name}`);
  const accidental = name[1] === '#' ? 1 : name[1] === 'b' ? -1 : 0;
  return (base + accidental + 12) % 12;
}

/** Parses symbols such as 'Bm7', 'Gmaj7', 'A/C#' or 'Dadd9'. */
function chord(symbol: string): Chord {
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
function atOrAbove(pc: number, floor: number): number {
  return floor + ((pc - floor + 120) % 12);
}

/**
 * Close-position voicing (within [low, high]) that moves least from the previous chord, so the
 * pad glides between chords instead of jumping.
 */
function voiceChord(
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

function voiceProgression(chords: readonly Chord[], low: number, high: number): number[][] {
  const voicings: number[][] = [];
  for (const current of chords) {
    voicings.push(voiceChord(current.tones, voicings[voicings.length - 1] ?? [], low, high));
  }
  return voicings;
}

interface NoteEvent {
  bar: number;
  beat: number;
  beats: number;
  note: number;
  velocity: number;
}

/** [start beat, length in beats] cells of one bar's rhythm. */
type Rhythm = readonly (readonly [number, number])[];

/**
 * Parses a compact rhythm such as 'r.5 .5 1 2': note lengths in beats, laid end to end, where
 * an 'r' prefix marks a rest of that length.
 */
function rhythm(pattern: string): Rhythm {
  const cells: [number, number][] = [];
  let beat = 0;
  for (const token of pattern.split(' ')) {
    const length = Number(token.replace('r', ''));
    if (!token.startsWith('r')) cells.push([beat, length]);
    beat += length;
  }
  return cells;
}

interface MelodyPlan {
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

const STEP_CHOICES = [-3, -2, -1, -1, -1, 0, 1, 1, 1, 2, 2, 3];

/** Moves `steps` scale degrees from `note` (which must already be in the scale). */
function stepInScale(note: number, steps: number, scale: readonly number[]): number {
  let result = note;
  for (let taken = 0; taken < Math.abs(steps);) {
    result += Math.sign(steps);
    if (scale.includes(((result % 12) + 12) % 12)) taken++;
  }
  return result;
}

/** Nearest note (preferring the given direction on ties) whose pitch class is in `allowed`. */
function nearestIn(note: number, allowed: readonly number[], direction: number): number {
  for (let distance = 0; distance < 12; distance++) {
    for (const sign of direction >= 0 ? [1, -1] : [-1, 1]) {
      const candidate = note + sign * distance;
      if (allowed.includes(((candidate % 12) + 12) % 12)) return candidate;
    }
  }
  return note;
}

/** Like `nearestIn`, but looks the other way if the preferred direction leaves the range. */
function snapInRange(
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
function nextMelodyNote(previous: number, step: number, plan: MelodyPlan): number {
  const note = stepInScale(previous, step, plan.scale);
  if (note >= plan.range[0] && note <= plan.range[1]) return note;
  return stepInScale(previous, -Math.sign(step) * Math.abs(step), plan.scale);
}

/**
 * Motif-based melody: each rhythm letter gets one random contour (scale steps) that is reused
 * whenever the letter recurs, so the tune has recognisable repetition. Strong beats and long
 * notes snap to chord tones, which keeps every sequence consonant over the progression.
 */
function composeMelody(rng: Rng, plan: MelodyPlan, chords: readonly Chord[]): NoteEvent[] {
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

// ---------------------------------------------------------------------------------------------
// Songs
// ---------------------------------------------------------------------------------------------

interface Timeline {
  beatSeconds: number;
  /** Start time in seconds of a beat position, optionally swinging off-beat 16ths. */
  at: (bar: number, beat: number) => number;
}

function createTimeline(bpm: number, swing = 0): Timeline {
  const beatSeconds = 60 / bpm;
  return {
    beatSeconds,
    at: (bar, beat) => {
      const isOffSixteenth = Math.abs((beat % 0.5) - 0.25) < 1e-9;
      return (bar * 4 + beat + (isOffSixteenth ? swing * 0.25 : 0)) * beatSeconds;
    },
  };
}

interface Rgb {
  r: number;
  g: number;
  b: number;
}

interface Song {
  track: number;
  title: string;
  genre: string;
  seed: number;
  bpm: number;
  bars: number;
  /** Fraction of a 16th by which off-beat 16ths are delayed. */
  swing: number;
  tailSeconds: number;
  reverb: { room: number; damp: number; level: number };
  arrange: (mix: Mix, rng: Rng, timeline: Timeline, length: number) => void;
  cover: (rng: Rng) => (x: number, y: number) => Rgb;
}

// prettier-ignore
const HARBOR_CHORDS = [
  'Dadd9', 'A/C#', 'Bm7', 'Gmaj7',
  'Dadd9', 'A/C#', 'Bm7', 'Gmaj7',
  'Bm7', 'Gmaj7', 'Asus4', 'Dadd9',
].map(chord);

const HARBOR_MELODY: MelodyPlan = {
  form: '----ABACABDZ',
  rhythms: { A: '1 .5 .5 1.5 .5', B: '1.5 .5 .5 .5 1', C: '.5 .5 1 2', D: '1 1 1 1', Z: '4' },
  cadences: 'CZ',
  scale: [2, 4, 6, 7, 9, 11, 1], // D major
  range: [66, 83],
  start: 74,
};

const HARBOR_PAD: PadOptions = {
  wave: 'saw',
  cutoff: 1400,
  attack: 0.6,
  release: 1.4,
  detuneCents: 7,
};

/** Song 1: an unhurried D-major ballad of plucked strings over a warm pad. */
function arrangeHarborLights(mix: Mix, rng: Rng, timeline: Timeline): void {
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
function addHarborDrums(mix: Mix, rng: Rng, at: Timeline['at'], bar: number): void {
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

// prettier-ignore
const GLASS_CHORDS = [
  'Am7', 'Fmaj7', 'C', 'G',
  'Am7', 'Fmaj7', 'C', 'G',
  'Am7', 'Fmaj7', 'C', 'G',
  'Fmaj7', 'Amadd9',
].map(chord);

const GLASS_MELODY: MelodyPlan = {
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

const GLASS_PAD: PadOptions = {
  wave: 'saw',
  cutoff: 2200,
  attack: 0.08,
  release: 0.6,
  detuneCents: 11,
};
const GLASS_BELL: FmOptions = { ratio: 3.5, index: 1.6, indexDecay: 0.08, decay: 0.25, tine: 0 };
const GLASS_KEYS: FmOptions = { ratio: 1, index: 1.9, indexDecay: 0.35, decay: 1.1, tine: 0.18 };

/** Song 2: a brisk A-minor dance groove with FM electric piano and glassy bells. */
function arrangeGlassTide(mix: Mix, rng: Rng, timeline: Timeline, length: number): void {
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
function addGlassDrums(
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

// prettier-ignore
const FERRY_CHORDS = [
  'Fmaj7', 'Em7', 'Dm7', 'Cmaj7',
  'Fmaj7', 'Em7', 'Dm7', 'Cmaj7',
  'Fmaj7',
].map(chord);

const FERRY_MELODY: MelodyPlan = {
  form: '-ABACABAZ',
  rhythms: { A: '1.5 .5 2', B: 'r.5 .5 1 1.5 .5', C: '1 1 2', Z: '4' },
  cadences: 'CZ',
  scale: [0, 2, 4, 5, 7, 9, 11], // white keys, heard as F lydian over these chords
  range: [69, 86],
  start: 77,
};

const FERRY_PAD: PadOptions = {
  wave: 'triangle',
  cutoff: 1800,
  attack: 0.9,
  release: 1.8,
  detuneCents: 5,
};

/** Song 3: a slow, swung lydian night drift with a breathy lead, harp sweeps and echoes. */
function arrangeNightFerry(mix: Mix, rng: Rng, timeline: Timeline, length: number): void {
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
function addFerryDrums(mix: Mix, rng: Rng, at: Timeline['at'], bar: number): void {
  for (let step = 0; step < 16; step++) {
    const gain = step % 4 === 2 ? 0.09 : 0.05;
    addMono(mix, shaker(rng), placed(at(bar, step * 0.25), gain, 0.35, 0.2));
  }
  for (const beat of [0, 2.75]) {
    addMono(mix, kick(rng, 45, 0.32), placed(at(bar, beat), 0.7, 0, 0.05));
  }
  addMono(mix, rim(rng), placed(at(bar, 2), 0.22, -0.2, 0.45));
}

// ---------------------------------------------------------------------------------------------
// Cover art
// ---------------------------------------------------------------------------------------------

const COVER_SIZE = 128;

function rgb(hex: number): Rgb {
  return { r: (hex >> 16) & 255, g: (hex >> 8) & 255, b: hex & 255 };
}

function lerp(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.min(1, Math.max(0, t));
  return { r: a.r + (b.r - a.r) * k, g: a.g + (b.g - a.g) * k, b: a.b + (b.b - a.b) * k };
}

/** 0 outside, 1 inside, with a one-pixel soft edge (cheap antialiasing). */
function coverage(distanceInside: number): number {
  return Math.min(1, Math.max(0, distanceInside + 0.5));
}

/** Dusk over a harbour: gradient sky, half-set sun and its rippling reflection. */
function harborCover(): (x: number, y: number) => Rgb {
  const horizon = 80;
  const sky = [rgb(0x1b1f4a), rgb(0xb24a6b), rgb(0xf29a52)];
  const sun = rgb(0xffd98a);
  return (x, y) => {
    if (y < horizon) {
      const t = y / horizon;
      const base =
        t < 0.55 ? lerp(sky[0], sky[1], t / 0.55) : lerp(sky[1], sky[2], (t - 0.55) / 0.45);
      return lerp(base, sun, coverage(26 - Math.hypot(x - 64, y - horizon)));
    }
    const depth = (y - horizon) / (COVER_SIZE - horizon);
    const water = lerp(rgb(0x35305e), rgb(0x10122e), depth);
    const halfWidth = 24 * (1 - depth * 0.7);
    const ripple = Math.sin(y * 1.4) > 0.1 ? 1 : 0;
    return lerp(water, sun, 0.75 * ripple * coverage(halfWidth - Math.abs(x - 64)) * (1 - depth));
  };
}

/** Faceted glass: a teal-to-violet diagonal gradient cut into diamonds with bright seams. */
function glassCover(): (x: number, y: number) => Rgb {
  const from = rgb(0x12b8a6);
  const to = rgb(0x5a3fa6);
  const white = rgb(0xffffff);
  return (x, y) => {
    const base = lerp(from, to, (x + y) / (2 * COVER_SIZE));
    const u = (x + y) / 18;
    const v = (x - y + COVER_SIZE) / 18;
    const parity = (Math.floor(u) + Math.floor(v)) % 2 === 0;
    const faceted = lerp(base, parity ? white : rgb(0x0b1030), parity ? 0.1 : 0.12);
    const seam = Math.min(u % 1, 1 - (u % 1), v % 1, 1 - (v % 1));
    const ring = Math.abs(Math.abs(x - 64) + Math.abs(y - 64) - 40);
    const glow = Math.max(coverage(0.9 - seam * 18) * 0.3, coverage(2 - ring) * 0.7);
    return lerp(faceted, white, glow);
  };
}

/** Night crossing: starry sky, crescent moon and a small lit ferry on dark waves. */
function ferryCover(rng: Rng): (x: number, y: number) => Rgb {
  const stars = Array.from({ length: 45 }, () => ({
    x: rng() * COVER_SIZE,
    y: rng() * 88,
    size: 0.4 + rng() * 0.8,
  }));
  const waterline = 96;
  const night = [rgb(0x050921), rgb(0x22346a)];
  const lamp = rgb(0xffd36b);
  return (x, y) => {
    if (y >= waterline) {
      const wave = Math.sin(x / 7 + y * 0.9) * 1.5;
      const crest = (y + wave) % 7 < 1.2 ? 0.35 : 0;
      return lerp(rgb(0x0a1230), rgb(0x4a6cb0), crest * (1 - (y - waterline) / 40));
    }
    let colour = lerp(night[0], night[1], y / waterline);
    for (const star of stars) {
      colour = lerp(
        colour,
        rgb(0xf4f1dc),
        coverage(star.size - Math.hypot(x - star.x, y - star.y)),
      );
    }
    const moon = Math.min(15 - Math.hypot(x - 92, y - 30), Math.hypot(x - 99, y - 25) - 13);
    colour = lerp(colour, rgb(0xf6efc9), coverage(moon));
    const hull = y >= 88 && Math.abs(x - 46) <= 20 - (y - 88);
    const cabin = y >= 80 && y < 88 && x >= 36 && x <= 54;
    const window = y >= 82 && y < 85 && x >= 38 && x <= 52 && (x - 38) % 5 < 3;
    if (window) return lamp;
    if (hull || cabin) return rgb(0x03040b);
    return colour;
  };
}

function renderCover(shader: (x: number, y: number) => Rgb): Buffer {
  const png = new PNG({ width: COVER_SIZE, height: COVER_SIZE });
  for (let y = 0; y < COVER_SIZE; y++) {
    for (let x = 0; x < COVER_SIZE; x++) {
      // Sample the pixel centre so shapes stay symmetric.
      const { r, g, b } = shader(x + 0.5, y + 0.5);
      const offset = (y * COVER_SIZE + x) * 4;
      png.data[offset] = Math.round(r);
      png.data[offset + 1] = Math.round(g);
      png.data[offset + 2] = Math.round(b);
      png.data[offset + 3] = 255;
    }
  }
  // Opaque art: store as RGB to keep the tag small.
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true });
}

// ---------------------------------------------------------------------------------------------
// Mastering
// ---------------------------------------------------------------------------------------------

const PEAK_TARGET = 0.89; // about -1 dBFS, headroom for MP3 overshoot
const FADE_IN_SECONDS = 0.01;
const FADE_OUT_SECONDS = 2.5;

function master(mix: Mix, song: Song): Stereo {
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

function renderSong(song: Song): Stereo {
  const timeline = createTimeline(song.bpm, song.swing);
  const length = seconds(song.bars * 4 * timeline.beatSeconds + song.tailSeconds);
  const mix = createMix(length);
  song.arrange(mix, createRng(song.seed), timeline, length);
  return master(mix, song);
}

// ---------------------------------------------------------------------------------------------
// MP3 encoding
// ---------------------------------------------------------------------------------------------

const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const LAME_ENCODER_DELAY = 576; // samples of priming LAME (and lamejs) emits before the audio
const SIDE_INFO_BYTES = 32; // MPEG-1 Layer III, two channels

function toInt16(sample: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
}

/** lamejs returns Int8Array chunks (its typings say Uint8Array); view them as unsigned bytes. */
function asBytes(chunk: Uint8Array | Int8Array): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function encodeFrames(audio: Stereo): Uint8Array {
  const encoder = new Mp3Encoder(2, SAMPLE_RATE, BITRATE_KBPS);
  const chunks: Uint8Array[] = [];
  const total = audio.left.length;
  for (let offset = 0; offset < total; offset += MP3_FRAME_SAMPLES) {
    // The final block is passed at its true length so no extra silence gets encoded.
    const count = Math.min(MP3_FRAME_SAMPLES, total - offset);
    const left = new Int16Array(count);
    const right = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      left[i] = toInt16(audio.left[offset + i]);
      right[i] = toInt16(audio.right[offset + i]);
    }
    chunks.push(asBytes(encoder.encodeBuffer(left, right)));
  }
  chunks.push(asBytes(encoder.flush()));
  return concatBytes(chunks);
}

function frameLength(stream: Uint8Array, offset: number): number {
  const isMpeg1Layer3 = stream[offset] === 0xff && (stream[offset + 1] & 0xfe) === 0xfa;
  const kbps = MPEG1_LAYER3_KBPS[stream[offset + 2] >> 4];
  const is44k = ((stream[offset + 2] >> 2) & 3) === 0;
  if (!isMpeg1Layer3 || !kbps || !is44k) throw new Error(`Bad MP3 frame header at ${offset}`);
  return Math.floor((144000 * kbps) / SAMPLE_RATE) + ((stream[offset + 2] >> 1) & 1);
}

function countFrames(stream: Uint8Array): number {
  let frames = 0;
  let offset = 0;
  while (offset < stream.length) {
    offset += frameLength(stream, offset);
    frames++;
  }
  if (offset !== stream.length) throw new Error('MP3 stream ends mid-frame');
  return frames;
}

/** CRC-16/ARC, the checksum the LAME tag uses for both the audio and the tag itself. */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * lamejs's Mp3Encoder never writes the Xing/Info frame, so build one: an otherwise silent
 * first frame whose "Info" (CBR) header gives the exact frame count and a seek table, and whose
 * LAME extension records encoder delay and padding so decoders can trim them (gapless, exact
 * duration).
 */
function buildInfoFrame(audio: Uint8Array, sampleCount: number): Uint8Array {
  const frames = countFrames(audio);
  const padding = frames * MP3_FRAME_SAMPLES - LAME_ENCODER_DELAY - sampleCount;
  if (padding < 0 || padding > 0xfff) throw new Error(`Unexpected encoder padding ${padding}`);
  const size = Math.floor((144000 * BITRATE_KBPS) / SAMPLE_RATE);
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  frame.set(audio.subarray(0, 4));
  frame[2] &= ~0x02; // no padding slot: this frame is exactly `size` bytes
  const streamBytes = size + audio.length;
  const writeAscii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) frame[offset + i] = text.charCodeAt(i);
  };

  let p = 4 + SIDE_INFO_BYTES;
  writeAscii(p, 'Info');
  view.setUint32(p + 4, 0x0f); // frames, bytes, TOC and quality fields present
  view.setUint32(p + 8, frames);
  view.setUint32(p + 12, streamBytes);
  p += 16;
  for (let i = 0; i < 100; i++) frame[p + i] = Math.floor((i * 256) / 100); // CBR: linear seek
  p += 100;
  view.setUint32(p, 57); // LAME's quality figure for its default settings (q=3, V4)
  p += 4;

  writeAscii(p, 'LAME3.98r'); // lamejs is a port of LAME 3.98
  p += 9;
  frame[p++] = 0x01; // tag revision 0, method 1 = CBR
  frame[p++] = 186; // lowpass / 100 Hz: LAME's 18.6 kHz choice for 192 kbps
  p += 8; // peak amplitude and ReplayGain fields left empty
  frame[p++] = 0; // encoding flags / ATH type
  frame[p++] = BITRATE_KBPS;
  frame[p++] = LAME_ENCODER_DELAY >> 4;
  frame[p++] = ((LAME_ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  frame[p++] = padding & 0xff;
  frame[p++] = (1 << 6) | (1 << 2); // source rate 44.1 kHz, stereo mode "stereo"
  frame[p++] = 0; // MP3 gain
  p += 2; // preset and surround info
  view.setUint32(p, streamBytes);
  view.setUint16(p + 4, crc16(audio));
  p += 6;
  view.setUint16(p, crc16(frame.subarray(0, p)));
  return frame;
}

function encodeMp3(audio: Stereo): Uint8Array {
  const frames = encodeFrames(audio);
  return concatBytes([buildInfoFrame(frames, audio.left.length), frames]);
}

// ---------------------------------------------------------------------------------------------
// Library
// ---------------------------------------------------------------------------------------------

const SONGS: readonly Song[] = [
  {
    track: 1,
    title: 'Harbor Lights',
    genre: 'Ambient Pop',
    seed: 0x4a11b0,
    bpm: 96,
    bars: 12,
    swing: 0,
    tailSeconds: 2.5,
    reverb: { room: 0.78, damp: 0.45, level: 0.9 },
    arrange: arrangeHarborLights,
    cover: harborCover,
  },
  {
    track: 2,
    title: 'Glass Tide',
    genre: 'Electronic',
    seed: 0x91a55e,
    bpm: 120,
    bars: 14,
    swing: 0,
    tailSeconds: 2,
    reverb: { room: 0.7, damp: 0.3, level: 0.7 },
    arrange: arrangeGlassTide,
    cover: glassCover,
  },
  {
    track: 3,
    title: 'Night Ferry',
    genre: 'Chillout',
    seed: 0x0fe22e,
    bpm: 72,
    bars: 9,
    swing: 0.3,
    tailSeconds: 2.5,
    reverb: { room: 0.85, damp: 0.55, level: 1 },
    arrange: arrangeNightFerry,
    cover: ferryCover,
  },
];

function songTags(song: Song, sampleCount: number): NodeID3.Tags {
  return {
    title: song.title,
    artist: ARTIST,
    performerInfo: ARTIST,
    album: ALBUM,
    trackNumber: `${song.track}/${SONGS.length}`,
    year: YEAR,
    genre: song.genre,
    bpm: String(song.bpm),
    length: String(Math.round((sampleCount / SAMPLE_RATE) * 1000)),
    comment: { language: 'eng', text: 'CC0 1.0. Generated by scripts/makeMusic.ts.' },
    copyrightUrl: CC0_URL,
    image: {
      mime: 'image/png',
      type: { id: NodeID3.TagConstants.AttachedPicture.PictureType.FRONT_COVER },
      description: `${song.title} cover`,
      imageBuffer: renderCover(song.cover(createRng(song.seed ^ 0xc0ffee))),
    },
  };
}

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const song of SONGS) {
    const audio = renderSong(song);
    const mp3 = encodeMp3(audio);
    // NodeID3.write(tags, buffer) scans the whole buffer for a stray "ID3" to strip, which could
    // cut audio data; building the tag alone and prepending it is safer.
    const tag = NodeID3.create(songTags(song, audio.left.length));
    const file = join(OUT_DIR, `${String(song.track).padStart(2, '0')} - ${song.title}.mp3`);
    writeFileSync(file, Buffer.concat([tag, mp3]));
    const duration = (audio.left.length / SAMPLE_RATE).toFixed(2);
    console.log(`${file}: ${duration} s, ${tag.length + mp3.length} bytes`);
  }
}

main();
