import type { MediaKey, TidewaveApi } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import { useConnectionStore } from '../stores/connectionStore';
import { useHostStore } from '../stores/hostStore';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { useSettings } from '../stores/settingsStore';
import { errorMessage } from '../lib/errorMessage';
import { followLibraryChange } from './libraryChanges';

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
      if (before.status === 'connected' && now.status !== 'connected') {
        usePlayerStore.getState().handleConnectionLost();
        // After a deliberate disconnect the list is gone; after a failure it stays for Retry.
        if (now.status === 'disconnected' && !now.error) useLibraryStore.getState().clear();
      }
    }),
    useSettings.subscribe(({ settings }) => engine().setVolume(settings?.volume ?? 1)),
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
  ]);
  for (const result of results) {
    if (result.status === 'rejected')
      console.error('Loading state failed:', errorMessage(result.reason));
  }
  // Loading a 'connected' state triggers the first song list through the subscription above.
  engine().setVolume(useSettings.getState().settings?.volume ?? 1);
}
