/**
 * What the reconnect status says of the next attempt: whole seconds left of the wait main
 * announced `delayMs` ago (counted from `sinceMs`, when the page heard of it), or 'now'.
 */
export function retryCountdown(sinceMs: number, delayMs: number, nowMs: number): string {
  const left = Math.ceil((sinceMs + delayMs - nowMs) / 1000);
  return left > 0 ? `in ${left} s` : 'now';
}
