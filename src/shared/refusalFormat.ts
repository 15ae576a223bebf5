import type { RefusalInfo, RefusalReason } from './refusalInfo';

/** How a refusal reads, the same in the app's host panel and in the server CLI. Pure. */

const REASONS: Record<RefusalReason, string> = {
  'no-proof': 'no access code',
  'wrong-code': 'wrong access code',
  'bad-response': 'unreadable access code response',
  'too-many': 'too many wrong codes',
};

export function refusalReasonText(reason: RefusalReason): string {
  return REASONS[reason];
}

/** Whole seconds, rounded up: a wait of 0.2 s still reads "1 s". */
function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/**
 * `wrong access code ×3, waiting 8 s` or `too many wrong codes ×11, blocked for 52 s`: the last
 * reason, how many refusals, then the cap while it lasts, else the delay the last one got.
 */
export function describeRefusal(refusal: RefusalInfo, now: number): string {
  const what = `${refusalReasonText(refusal.reason)} ×${refusal.count}`;
  if (refusal.cappedUntil !== null && refusal.cappedUntil > now) {
    return `${what}, blocked for ${seconds(refusal.cappedUntil - now)}`;
  }
  return refusal.delayMs > 0 ? `${what}, waiting ${seconds(refusal.delayMs)}` : what;
}
