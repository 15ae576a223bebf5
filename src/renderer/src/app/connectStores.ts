import type { MediaKey, TidewaveApi } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import { useConnectionStore } from '../stores/connectionStore';
import { useDiscoveryStore } from '../stores/discoveryStore';
import { useHostStore } from '../stores/hostStore';
import { useLibraryStore } from '../stores/libraryStore';
import { useListenersStore } from '../stores/listenersStore';
import { usePlayerStore } from '../stores/playerStore';
import { useQueueStore } from '../stores/queueStore';
import { useSettings } from '../stores/settingsStore';
import { carryOverId } from '../lib/carryOverId';
import { errorMessage } from '../lib/errorMessage';
import { connectMediaSession } from './mediaSession';
import { followLibraryChange } from './libraryChanges';
import { connectPlayingReport } from './playingReport';
import { connectResumeMemory } from './resumeMemory';

const TICK_MS = 250;

export function handleMediaKey(key: MediaKey): void {
  const player = usePlayerStore.getState();
  if (key === 'play-pause') void player.togglePlayPause();
  if (key === 'next') void player.next();
  if (key === 'previous') void player.previous();
  if (key === 'stop') void player.stop();
}

/**
 * Feeds the bridge's events into the stores and the audio engine, keeps the stores in step
 * with each other, and starts the playback clock. Returns a function that undoes it all.
 */
export function connectStores(bridge: TidewaveApi): () => void {
  const unsubscribers = [
    bridge.onConnectionChanged((state) => useConnectionStore.getState().setConnection(state)),
    bridge.onHostChanged((state) => useHostStore.getState().setHost(state)),
    bridge.onStreamEvent((event) => usePlayerStore.getState().handleStreamEvent(event)),
    bridge.onAudio((chunk) => engine().enqueue(chunk)),
    bridge.onMediaKey(handleMediaKey),
    bridge.onLibrariesFound((libraries) => useDiscoveryStore.getState().setLibraries(libraries)),
    bridge.onHostActivity((activity) => useListenersStore.getState().setActivity(activity)),
    bridge.onLibraryChanged((change) =>
      followLibraryChange(change).catch((error: unknown) =>
        console.error('Following a library change failed:', errorMessage(error)),
      ),
    ),
    useConnectionStore.subscribe(({ connection: now }, { connection: before }) => {
      const sameServer = now.host === before.host && now.port === before.port;
      if (now.status === 'connected' && (before.status !== 'connected' || !sameServer)) {
        void useLibraryStore.getState().refresh();
      }
      // While main reconnects, the song's audio plays on and the stream continues after it.
      const live = (status: string) => status === 'connected' || status === 'reconnecting';
      if (live(before.status) && !live(now.status)) {
        usePlayerStore.getState().handleConnectionLost();
        // Leaving on purpose (Disconnect, another server): that library's song and cover go too;
        // after a failure they stay, for Retry.
        if (now.status !== 'error') usePlayerStore.setState({ songId: null, coverUrl: null });
        // After a deliberate disconnect the list is gone; after a failure it stays for Retry.
        if (now.status === 'disconnected' && !now.error) useLibraryStore.getState().clear();
      }
    }),
    // A new list (another server, or a rescan) may lack queued songs, or list them under new
    // ids (a renamed file): the queue follows them as the selection does. An emptied list
    // (disconnect) leaves the queue for when the library is back.
    useLibraryStore.subscribe(({ songs }, before) => {
      if (songs !== before.songs && songs.length > 0) {
        useQueueStore.getState().followSongs(
          (id) => carryOverId(before.songs, songs, id),
          (id) => before.songs.find((song) => song.id === id)?.title ?? null,
        );
      }
    }),
    // A song readied to follow that the listener removed, moved, or put another before (or
    // changed shuffle or repeat under) is taken back: after the change's own handler, so a play
    // it makes (a title in Up next) has flushed it already.
    useQueueStore.subscribe((now, before) => {
      const changed =
        now.upNext !== before.upNext ||
        now.shuffle !== before.shuffle ||
        now.repeat !== before.repeat;
      if (changed) queueMicrotask(() => usePlayerStore.getState().followQueue());
    }),
    useSettings.subscribe(({ settings }) => engine().setVolume(settings?.volume ?? 1)),
    connectMediaSession(),
    connectPlayingReport(bridge),
    connectResumeMemory(bridge),
  ];
  const timer = setInterval(() => usePlayerStore.getState().tick(), TICK_MS);
  void loadInitialState();
  return () => {
    clearInterval(timer);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

async function loadInitialState(): Promise<void> {
  const results = await Promise.allSettled([
    useSettings.getState().load(),
    useHostStore.getState().load(),
    useConnectionStore.getState().load(),
    useDiscoveryStore.getState().load(),
    useListenersStore.getState().load(),
  ]);
  for (const result of results) {
    if (result.status === 'rejected')
      console.error('Loading state failed:', errorMessage(result.reason));
  }
  // Loading a 'connected' state triggers the first song list through the subscription above.
  engine().setVolume(useSettings.getState().settings?.volume ?? 1);
}
