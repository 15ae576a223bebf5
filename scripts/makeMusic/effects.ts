/** Effects: reverb, ping-pong echo, ducking. */
import { SAMPLE_RATE } from './constants';
import { type Mix, type Stereo, createStereo, seconds } from './mix';

export const COMB_TUNING = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
export const ALLPASS_TUNING = [556, 441, 341, 225];
export const STEREO_SPREAD = 23;

/** Freeverb-style mono-in/stereo-out reverb: parallel damped combs into series all-passes. */
export function reverb(send: Stereo, room: number, damp: number): Stereo {
  const length = send.left.length;
  const input = new Float32Array(length);
  for (let i = 0; i < length; i++) input[i] = (send.left[i] + send.right[i]) * 0.015;
  return {
    left: reverbChannel(input, room, damp, 0),
    right: reverbChannel(input, room, damp, STEREO_SPREAD),
  };
}

export function reverbChannel(
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
export function pingPong(source: Stereo, delaySeconds: number, feedback: number): Stereo {
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
export function duck(
  mix: Mix,
  kickTimes: readonly number[],
  depth: number,
  recovery: number,
): void {
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
