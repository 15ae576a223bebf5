import type { PlayingReport, SongInfo, TidewaveApi } from '../../../shared/tidewaveApi';
import { shownSong } from '../lib/shownSong';
import { useLibraryStore } from '../stores/libraryStore';
import type { PlayerState } from '../stores/playerState';
import { usePlayerStore } from '../stores/playerStore';

/** What main is told plays: the status and the song's names (for the tray and notification). */
export function playingReport(
  player: Pick<PlayerState, 'status' | 'songId'> & Partial<Pick<PlayerState, 'departed'>>,
  songs: readonly SongInfo[],
): PlayingReport {
  const song = shownSong(songs, player.departed ?? null, player.songId);
  return {
    status: player.status,
    songId: player.songId,
    title: song?.title ?? null,
    artist: song?.artist ?? null,
  };
}

/**
 * Sends main a report each time what plays changes (not on every clock tick): main's tray,
 * notification and sleep blocker follow it (src/main/desktopPresence.ts).
 */
export function connectPlayingReport(bridge: Pick<TidewaveApi, 'reportPlaying'>): () => void {
  let lastKey = '';
  const update = () => {
    const report = playingReport(usePlayerStore.getState(), useLibraryStore.getState().songs);
    const key = JSON.stringify(report);
    if (key === lastKey) return;
    lastKey = key;
    bridge.reportPlaying(report);
  };
  const unsubscribers = [usePlayerStore.subscribe(update), useLibraryStore.subscribe(update)];
  update();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
