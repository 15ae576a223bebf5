/**
 * Adding then subtracting 1.5 × 2^52 rounds a float64 of magnitude under 2^51 to the nearest
 * integer (the sum lands where float64's step is exactly 1): the same as Math.round for values
 * that are never exactly halfway, and several times faster in V8 for a whole channel.
 */
const ROUND = 6755399441055744;

/**
 * The FLAC decoder divides a b-bit sample by 2^(b-1) - 1; WAV readers, `flac -d` and ffmpeg
 * divide by 2^(b-1), so that the same integer gives the same float in every format.
 *
 * Up to 24 bits one multiplication by m = (2^(b-1) - 1) / 2^(b-1) does it: the product is exact
 * in float64 (24 + 23 bits), k / (2^(b-1) - 1) × m is k / 2^(b-1) exactly, so the product is off
 * the wanted float32 by the decoder's own rounding times m, which is under half a float32 step
 * (both lie in one binade but at ±1, where the product is exact; and k / (2^(b-1) - 1) is never
 * halfway between two float32s). The float32 store then rounds it to k / 2^(b-1). Wider samples
 * recover the integer first (the multiplier 2^(1-b) is a power of two, so multiplying equals
 * dividing by 2^(b-1)).
 */
export function rescaleIntegers(samples: Float32Array, bitDepth: number): void {
  const length = samples.length;
  if (bitDepth <= 24) {
    const toWave = 1 - 2 ** (1 - bitDepth);
    for (let i = 0; i < length; i++) samples[i] *= toWave;
    return;
  }
  const decoderScale = 2 ** (bitDepth - 1) - 1;
  const scale = 1 / 2 ** (bitDepth - 1);
  for (let i = 0; i < length; i++) {
    samples[i] = (samples[i] * decoderScale + ROUND - ROUND) * scale;
  }
}
