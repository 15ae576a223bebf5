/** Where along the progress bar (0 to 1) a pointer at `clientX` is; past its ends counts as them. */
export function pointerFraction(clientX: number, left: number, width: number): number {
  if (!(width > 0)) return 0;
  return Math.min(1, Math.max(0, (clientX - left) / width));
}
