import { installEngine } from '../../../src/renderer/src/audio/engineHolder';
import { installApi } from '../../../src/renderer/src/lib/api';
import { useLibraryStore } from '../../../src/renderer/src/stores/libraryStore';
import { usePlayerStore } from '../../../src/renderer/src/stores/playerStore';
import { useQueueStore } from '../../../src/renderer/src/stores/queueStore';
import { useSongTableStore } from '../../../src/renderer/src/stores/songTableStore';
import { createFakeApi } from './fakeApi';
import { FakeEngine } from './fakeEngine';

export interface PlayerStoreFakes {
  fake: ReturnType<typeof createFakeApi>;
  engine: FakeEngine;
}

const initial = usePlayerStore.getState();

/**
 * A fresh start for a test of the player store (call it in beforeEach): a fake api and engine
 * installed, the store back to its first state, and the fake api's songs as the library.
 */
export function resetPlayerStore(): PlayerStoreFakes {
  const fake = createFakeApi();
  const engine = new FakeEngine();
  installApi(fake.api);
  installEngine(engine);
  usePlayerStore.setState(initial, true);
  useQueueStore.setState({ readied: [] }); // what a test before it appended
  useLibraryStore.setState({ songs: fake.songs, selectedId: null });
  return { fake, engine };
}

const initialQueue = useQueueStore.getState();
const initialTable = useSongTableStore.getState();

/**
 * As resetPlayerStore, for tests of the player and the queue together: the queue and the song
 * table back to their first state too (nothing queued, no sort, no shuffle or repeat).
 */
export function resetPlaybackStores(): PlayerStoreFakes {
  const fakes = resetPlayerStore();
  useQueueStore.setState(initialQueue, true);
  useSongTableStore.setState(initialTable, true);
  return fakes;
}
