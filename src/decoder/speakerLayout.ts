import type { PcmChunk } from './pcmChunk';

const MINUS_3_DB = Math.SQRT1_2;

/**
 * Web Audio mixes 1, 2, 4 and 6 (5.1) channels to the output's layout by its speaker rules;
 * any other count falls back to "discrete" mixing, which plays the first two channels and drops
 * the rest (the centre, surrounds). So 3, 5, 7 and 8 channels (in WAV order) are put into the
 * 5.1 layout before they leave the decoder: channels that have a 5.1 place keep it untouched,
 * and 6.1/7.1's extra side or back channels are folded into the surrounds at -3 dB. 1, 2, 4 and
 * 6 channels pass as they are, bit for bit.
 */
export function fitSpeakerLayout(pcm: PcmChunk): PcmChunk {
  const input = pcm.channels;
  const count = input.length;
  if (count !== 3 && count !== 5 && count !== 7 && count !== 8) return pcm;
  const frames = input[0]?.length ?? 0;
  const silence = () => new Float32Array(frames);
  const fold = (a: Float32Array, b: Float32Array, gain: number) => {
    const mixed = new Float32Array(frames);
    for (let i = 0; i < frames; i++) mixed[i] = a[i] * gain + b[i] * MINUS_3_DB;
    return mixed;
  };
  // 5.1 in WAV order: FL FR FC LFE BL BR.
  const [fl, fr, fc] = input;
  let channels: Float32Array[];
  if (count === 3) channels = [fl, fr, fc, silence(), silence(), silence()];
  else if (count === 5) channels = [fl, fr, fc, silence(), input[3], input[4]];
  else if (count === 7) {
    // FL FR FC LFE BC SL SR: the sides become the surrounds, with half the back centre each.
    channels = [fl, fr, fc, input[3], fold(input[5], input[4], 1), fold(input[6], input[4], 1)];
  } else {
    // FL FR FC LFE BL BR SL SR: back and side of each half share its surround.
    const bl = fold(input[4], input[6], MINUS_3_DB);
    channels = [fl, fr, fc, input[3], bl, fold(input[5], input[7], MINUS_3_DB)];
  }
  return { sampleRate: pcm.sampleRate, channels };
}
