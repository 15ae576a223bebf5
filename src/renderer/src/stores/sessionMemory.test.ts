import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useQueueStore } from './queueStore';
import { readPersisted, readQueueMemory, readTableMemory } from './sessionMemory';
import { useSongTableStore } from './songTableStore';

const queueState = {
  upNext: [
    { key: 4, songId: 2 },
    { key: 7, songId: 1 },
  ],
  shuffle: true,
  repeat: 'one',
};
const tableState = { sort: { key: 'title', direction: 'descending' }, view: 'albums' };

describe('readPersisted and the readers', () => {
  it('accepts what the stores write', () => {
    const json = JSON.stringify({ state: queueState, version: 1 });
    expect(readPersisted(json, readQueueMemory)).toEqual({ state: queueState, version: 1 });
    expect(readTableMemory(tableState)).toEqual(tableState);
  });

  it('drops fields the stores do not remember', () => {
    const stored = { ...queueState, history: [1], panelOpen: true };
    expect(readQueueMemory(stored)).toEqual(queueState);
    expect(readTableMemory({ ...tableState, scope: { kind: 'album' } })).toEqual(tableState);
  });

  it.each([
    ['not JSON', '{"state":'],
    ['no envelope', JSON.stringify(queueState)],
    ['null', 'null'],
    ['a bad version', JSON.stringify({ state: queueState, version: 'x' })],
  ])('rejects %s', (_name, json) => {
    expect(readPersisted(json, readQueueMemory)).toBeNull();
  });

  it.each([
    ['an unknown repeat mode', { ...queueState, repeat: 'twice' }],
    ['a non-boolean shuffle', { ...queueState, shuffle: 'yes' }],
    ['a fractional song id', { ...queueState, upNext: [{ key: 1, songId: 1.5 }] }],
    ['a negative key', { ...queueState, upNext: [{ key: -1, songId: 1 }] }],
    [
      'duplicate keys',
      {
        ...queueState,
        upNext: [
          { key: 1, songId: 1 },
          { key: 1, songId: 2 },
        ],
      },
    ],
    ['entries that are not a list', { ...queueState, upNext: { 0: { key: 1, songId: 1 } } }],
  ])('rejects a queue with %s', (_name, state) => {
    expect(readQueueMemory(state)).toBeNull();
  });

  it.each([
    ['an unknown sort key', { ...tableState, sort: { key: 'mood', direction: 'ascending' } }],
    ['an unknown direction', { ...tableState, sort: { key: 'title', direction: 'up' } }],
    ['an unknown view', { ...tableState, view: 'genres' }],
    ['no sort', { view: 'songs' }],
  ])('rejects a table with %s', (_name, state) => {
    expect(readTableMemory(state)).toBeNull();
  });
});

/** A Storage over a Map: what localStorage is to the page. */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, String(value)),
    removeItem: (name) => void items.delete(name),
    clear: () => items.clear(),
  };
}

describe('the stores remember across a restart', () => {
  let storage: Storage;
  const initialQueue = useQueueStore.getState();
  const initialTable = useSongTableStore.getState();

  beforeEach(() => {
    storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    useQueueStore.setState(initialQueue, true);
    useSongTableStore.setState(initialTable, true);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('writes the queue, shuffle, repeat, sort and view, and reads them back', async () => {
    const queue = useQueueStore.getState();
    queue.addToQueue([3, 1]);
    queue.setShuffle(true, null);
    queue.cycleRepeat();
    queue.togglePanel();
    useSongTableStore.getState().sortBy('title');
    useSongTableStore.getState().setView('artists');

    // A restart: the stores start from their defaults, then read what was stored.
    const stored = ['tidewave.queue', 'tidewave.songTable'].map((name) => storage.getItem(name));
    vi.stubGlobal('localStorage', fakeStorage());
    useQueueStore.setState(initialQueue, true);
    useSongTableStore.setState(initialTable, true);
    expect(useQueueStore.getState().upNext).toEqual([]);
    vi.stubGlobal('localStorage', storage);
    expect(['tidewave.queue', 'tidewave.songTable'].map((name) => storage.getItem(name))).toEqual(
      stored,
    );
    await useQueueStore.persist.rehydrate();
    await useSongTableStore.persist.rehydrate();

    const restored = useQueueStore.getState();
    expect(restored.upNext.map((entry) => entry.songId)).toEqual([3, 1]);
    expect(restored.shuffle).toBe(true);
    expect(restored.repeat).toBe('all');
    expect(restored.panelOpen).toBe(false);
    expect(useSongTableStore.getState().sort).toEqual({ key: 'title', direction: 'ascending' });
    expect(useSongTableStore.getState().view).toBe('artists');

    // A song added after the restart gets a key no remembered entry has.
    restored.addToQueue([2]);
    const keys = useQueueStore.getState().upNext.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(3);
  });

  it('ignores a corrupt stored value with a warning and keeps the defaults', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    storage.setItem('tidewave.queue', '{"state":{"upNext":[{"key":1}],"shuffle":true');
    storage.setItem('tidewave.songTable', JSON.stringify({ state: { view: 'x' }, version: 1 }));

    await useQueueStore.persist.rehydrate();
    await useSongTableStore.persist.rehydrate();

    expect(useQueueStore.getState().upNext).toEqual([]);
    expect(useQueueStore.getState().shuffle).toBe(false);
    expect(useSongTableStore.getState().sort).toEqual(initialTable.sort);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('writes the table memory only when it changes, not on each new set of visible rows', () => {
    const write = vi.spyOn(storage, 'setItem');
    useSongTableStore.getState().sortBy('title');
    expect(write).toHaveBeenCalledTimes(1);
    // A filter keystroke publishes new visible rows; the sort and view stay as they were.
    for (let i = 0; i < 5; i++) {
      useSongTableStore.getState().setVisible({ songs: [{ id: i }], positions: [0] });
    }
    expect(write).toHaveBeenCalledTimes(1);
    useSongTableStore.getState().setView('albums');
    expect(write).toHaveBeenCalledTimes(2);
    expect(JSON.parse(storage.getItem('tidewave.songTable') ?? '{}')).toMatchObject({
      state: { sort: { key: 'title' }, view: 'albums' },
    });
  });
});
