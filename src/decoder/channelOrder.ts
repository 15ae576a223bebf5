/**
 * Vorbis and Opus (mapping family 1) order 3 to 8 channels differently from WAV and FLAC, whose
 * order (FL FR FC LFE BL BR SL SR) is also what Web Audio's speaker layouts expect. For each
 * count: the input channel that goes to each output position.
 */
const VORBIS_TO_WAVE: Readonly<Record<number, readonly number[]>> = {
  3: [0, 2, 1], // L C R → L R C
  5: [0, 2, 1, 3, 4], // FL C FR RL RR
  6: [0, 2, 1, 5, 3, 4], // FL C FR RL RR LFE
  7: [0, 2, 1, 6, 5, 3, 4], // FL C FR SL SR RC LFE → FL FR FC LFE BC SL SR
  8: [0, 2, 1, 7, 5, 6, 3, 4], // FL C FR SL SR RL RR LFE → FL FR FC LFE BL BR SL SR
};

/** Reorders a Vorbis-ordered channel list into WAV order (1, 2 and 4 channels agree already). */
export function vorbisToWaveOrder<T>(channels: readonly T[]): T[] {
  const order = VORBIS_TO_WAVE[channels.length];
  return order ? order.map((index) => channels[index]) : [...channels];
}
