import { useState } from 'react';
import { retryCountdown } from '../lib/retryCountdown';
import { useClock } from '../lib/useClock';

interface RetryNoteProps {
  attempt: number;
  delayMs: number;
  reason: string;
}

/**
 * The reconnect status's note: the next attempt, counting down (a number that stood still for
 * the whole wait read as a frozen app), then why. Keyed by the attempt, so each one counts from
 * when the page heard of it.
 */
export function RetryNote({ attempt, delayMs, reason }: RetryNoteProps) {
  const [since] = useState(() => Date.now());
  const now = useClock(250);
  return (
    <span className="status-note">
      {` · attempt ${attempt} `}
      {/* Hidden from screen readers: the status is a live region, read again at every change. */}
      <span aria-hidden="true">{retryCountdown(since, delayMs, Math.max(now, since))}</span>
      {`; ${reason}`}
    </span>
  );
}
