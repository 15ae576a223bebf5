/**
 * Adding then subtracting 1.5 × 2^52 rounds a float64 of magnitude under 2^51 to the nearest
 * integer (the sum lands where float64's step is exactly 1): the same as Math.round for values
 * that are never exactly halfway, and several times faster in V8 for a whole channel.
 */
const ROUND = 6755399441055744;

/**
 * The FLAC decoder divides a b-bit sample by 2^(b-1) - 1; WAV readers, `flac -d` and ffmpeg
 * divide by 2^(b-1), so that the same integer gives the same float in every format. The integer
 * is recovered exactly (the float error is under half a step up to 24 bits) and rescaled; the
 * multiplier 2^(1-b) is a power of two, so multiplying equals dividing by 2^(b-1).
 */
export function rescaleIntegers(samples: Float32Array, bitDepth: number): void {
  const decoderScale = 2 ** (bitDepth - 1) - 1;
  const scale = 1 / 2 ** (bitDepth - 1);
  for (let i = 0; i < samples.length; i++) {
    samples[i] = (samples[i] * decoderScale + ROUND - ROUND) * scale;
  }
}
