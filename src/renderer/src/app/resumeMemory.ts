import type { TidewaveApi } from '../../../shared/tidewaveApi';
import { errorMessage } from '../lib/errorMessage';
import { useConnectionStore } from '../stores/connectionStore';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { useSettings } from '../stores/settingsStore';
import { pointToRemember, pointToRestore, shouldRemember, type Remembered } from './resumePoint';

/**
 * Session memory of the song and position (issue 10): written through main's settings (an
 * atomic file) as the song plays, pauses or seeks and when the page goes away; on the first
 * list of the same server after a start, the song and position come back, not playing — Play
 * then asks for the song from that position (`play ID SECONDS`).
 */
export function connectResumeMemory(bridge: Pick<TidewaveApi, 'setSettings'>): () => void {
  let last: Remembered | null = null;
  let restoreDone = false;

  const remember = (force: boolean) => {
    if (!restoreDone) return; // the point stays as it was until it has been offered back
    const player = usePlayerStore.getState();
    const point = pointToRemember(player, useConnectionStore.getState().connection);
    if (!point) return;
    const now = Date.now();
    if (!force && !shouldRemember(last, point, player.status, now)) return;
    last = { point, status: player.status, at: now };
    bridge.setSettings({ resume: point }).catch((error: unknown) => {
      console.warn('Tidewave: could not remember the position:', errorMessage(error));
    });
  };

  const tryRestore = () => {
    if (restoreDone) return;
    const player = usePlayerStore.getState();
    // The person chose a song before the list came: theirs wins.
    if (player.songId !== null || player.status !== 'idle') {
      restoreDone = true;
      return;
    }
    const settings = useSettings.getState().settings;
    const { connection } = useConnectionStore.getState();
    const { songs } = useLibraryStore.getState();
    if (!settings || connection.status !== 'connected' || songs.length === 0) return;
    restoreDone = true;
    const point = pointToRestore(settings.resume, connection, songs);
    if (!point) return;
    usePlayerStore.setState({ songId: point.songId, elapsedSeconds: point.seconds });
    useLibraryStore.getState().select(point.songId);
  };

  const onPageHide = () => remember(true);
  window.addEventListener('pagehide', onPageHide);
  const unsubscribers = [
    useSettings.subscribe(tryRestore),
    useLibraryStore.subscribe(tryRestore),
    usePlayerStore.subscribe(() => {
      tryRestore();
      remember(false);
    }),
  ];
  tryRestore();
  return () => {
    window.removeEventListener('pagehide', onPageHide);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
