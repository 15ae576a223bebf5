/**
 * `bytes` cut at the given offsets, as a property test's arbitrary cuts: each taken modulo the
 * length + 1, any order, any repetition. Views, in order; together exactly `bytes`.
 */
export function sliceAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...points, bytes.length].map((p, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1], p));
}
