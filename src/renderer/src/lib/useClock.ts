import { useEffect, useState } from 'react';

/**
 * The time now, again every `everyMs` while the component is shown: for "connected for" and
 * "blocked for 52 s", which count on between main's pushes. A local clock; nothing is asked.
 */
export function useClock(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
