/** What this needs of Electron's powerMonitor (injected, so tests pass a plain emitter). */
export interface WakeSource {
  on(event: 'resume', listener: () => void): unknown;
  off(event: 'resume', listener: () => void): unknown;
}

/**
 * When the machine wakes from sleep, the server connection may have died unnoticed or be
 * waiting out a long backoff: have the player check it at once. Returns the undo.
 */
export function reconnectOnWake(
  power: WakeSource,
  playback: { checkConnection(): void },
  log: (message: string) => void = () => {},
): () => void {
  const onResume = () => {
    log('The system woke up: checking the server connection');
    playback.checkConnection();
  };
  power.on('resume', onResume);
  return () => void power.off('resume', onResume);
}
