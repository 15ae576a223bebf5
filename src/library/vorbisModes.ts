/**
 * The block flag of each mode of a Vorbis setup header. The modes are its last fields
 * ([6 bits count − 1] then per mode [1 flag, 16 window type 0, 16 transform type 0, 8 mapping],
 * then the framing bit), read backwards from the framing bit as liboggz, ffmpeg and
 * codec-parser do: walking forwards would mean decoding every codebook.
 */
export function vorbisModeBlockFlags(setup: Uint8Array): number[] {
  const bit = (k: number) => (setup[k >> 3] >> (k & 7)) & 1;
  let last = setup.length - 1;
  while (last >= 0 && setup[last] === 0) last--;
  if (last < 0) throw new Error('an empty Vorbis setup header');
  const framing = last * 8 + (31 - Math.clz32(setup[last]));
  const zeros = (from: number) => {
    for (let k = from; k < from + 32; k++) if (bit(k)) return false;
    return true;
  };
  let most = 0;
  while (most < 64 && framing - 41 * (most + 1) - 6 >= 0 && zeros(framing - 41 * (most + 1) + 1)) {
    most++;
  }
  for (let count = most; count > 0; count--) {
    const start = framing - 41 * count;
    let field = 0;
    for (let k = 0; k < 6; k++) field |= bit(start - 6 + k) << k;
    if (field === count - 1) {
      return Array.from({ length: count }, (_, mode) => bit(start + 41 * mode));
    }
  }
  throw new Error('no Vorbis mode table found');
}

/** Samples (per channel) of an audio packet's block, from its mode number. */
export function vorbisBlockSize(
  packet: Uint8Array,
  flags: readonly number[],
  blockSizes: readonly [number, number],
): number {
  const bits = flags.length > 1 ? 32 - Math.clz32(flags.length - 1) : 0;
  const mode = (packet[0] >> 1) & ((1 << bits) - 1);
  return blockSizes[flags[mode] ?? 0];
}
