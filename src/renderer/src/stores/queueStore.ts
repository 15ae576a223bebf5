import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  chooseNext,
  choosePrevious,
  nextRepeatMode,
  startedPatch,
  type NextChoice,
  type PlayOrderState,
  type PlaySource,
} from '../queue/playOrder';
import {
  insertEntries,
  followEntries,
  moveEntry,
  removeEntry,
  type QueueEntry,
} from '../queue/queueList';
import {
  afterReadied,
  readiedFrom,
  readiedStarted,
  readiedStillDue,
  startReadiedSongsPatch,
  type ReadiedSong,
} from '../queue/readiedSongs';
import type { Random } from '../queue/shuffleRound';
import { readQueueMemory, sessionStorageFor, type QueueMemory } from './sessionMemory';

interface QueueStore extends PlayOrderState {
  /** The key the next queued entry gets. */
  nextKey: number;
  /** Whether the Up next panel shows. */
  panelOpen: boolean;
  /** The songs last added and where, for the screen-reader announcement. */
  lastAdded: { songIds: readonly number[]; where: 'front' | 'end'; key: number } | null;
  /**
   * The titles of the entries a new song list last took out, for the screen-reader announcement
   * (the songs are gone from the list by then, so their titles are kept here); the newer of this
   * and lastAdded is said, the other is null.
   */
  lastRemoved: { titles: readonly (string | null)[]; key: number } | null;
  /** Where shuffle draws from (tests pass a seeded one). */
  random: Random;
  /** Songs appended to follow gaplessly that have not started yet, in play order. */
  readied: ReadiedSong[];
  addToQueue(songIds: readonly number[]): void;
  playNext(songIds: readonly number[]): void;
  remove(key: number): void;
  move(from: number, to: number): void;
  clear(): void;
  /**
   * A new song list arrived: entries follow their songs' ids (see followEntries); those dropped
   * are kept by title (from the old list; null if it did not have them) in lastRemoved.
   */
  followSongs(
    newId: (songId: number) => number | null,
    titleOf: (songId: number) => string | null,
  ): void;
  /** Shuffle on or off; a new round starts with the playing song counted as played. */
  setShuffle(on: boolean, current: number | null): void;
  cycleRepeat(): void;
  togglePanel(): void;
  /** Picks (and takes from the queue) the song after `current`; see chooseNext. */
  takeNext(context: readonly number[], current: number | null, auto: boolean): NextChoice | null;
  /**
   * Picks the song to follow `current` (the last readied one, if any) at its end, appended after
   * the stream `afterStream`, and keeps it as readied: the queue is left as it is until it starts.
   */
  ready(context: readonly number[], current: number, afterStream: number): ReadiedSong | null;
  /** The audible stream is now `audible`: the readied songs it has reached start (readiedStarted). */
  settleReadied(audible: number | null): void;
  /**
   * Starts these readied songs now, as if heard: every one when the last failed on its way (it
   * counts as played), or those a change of the queue came too late to take back.
   */
  startReadied(songs: readonly ReadiedSong[]): void;
  /**
   * Keeps the readied songs that still follow the queue as it is, and returns the rest, which
   * must not play (their streams are to be dropped); empty when all still follow.
   */
  unreadyStale(): ReadiedSong[];
  /** What was appended is gone (a play, a stop): nothing is readied any more. */
  dropReadied(): void;
  takePrevious(context: readonly number[], current: number | null): NextChoice | null;
  /** A song started playing (see startedPatch). */
  started(songId: number, from: PlaySource): void;
}

const initial = {
  upNext: [] as QueueEntry[],
  shuffle: false,
  repeat: 'off' as const,
  cursor: null,
  round: [] as number[],
  history: [] as number[],
  nextKey: 1,
  panelOpen: false,
  lastAdded: null,
  lastRemoved: null,
  readied: [] as ReadiedSong[],
};

/**
 * The play queue and play order (shuffle, repeat); the player store asks it what comes next.
 * The queue, shuffle and repeat are remembered across restarts (see sessionMemory).
 */
export const useQueueStore = create<QueueStore>()(
  persist(storeOf, {
    name: 'tidewave.queue',
    version: 1,
    storage: sessionStorageFor(readQueueMemory),
    partialize: ({ upNext, shuffle, repeat }): QueueMemory => ({ upNext, shuffle, repeat }),
    merge(persisted, current) {
      const memory = readQueueMemory(persisted);
      if (!memory) return current;
      // New entries must not reuse a remembered key.
      const nextKey = Math.max(current.nextKey, ...memory.upNext.map((entry) => entry.key + 1));
      return { ...current, ...memory, nextKey };
    },
  }),
);

function storeOf(set: (patch: Partial<QueueStore>) => void, get: () => QueueStore): QueueStore {
  const entries = (songIds: readonly number[]) => {
    const first = get().nextKey;
    set({ nextKey: first + songIds.length });
    return songIds.map((songId, i) => ({ key: first + i, songId }));
  };
  const apply = (choice: NextChoice | null) => {
    if (choice) set(choice.patch);
    return choice;
  };
  return {
    ...initial,
    random: Math.random,
    addToQueue(songIds) {
      const added = entries(songIds);
      const lastAdded = { songIds, where: 'end' as const, key: added[0]?.key ?? 0 };
      set({ upNext: insertEntries(get().upNext, added, 'end'), lastAdded, lastRemoved: null });
    },
    playNext(songIds) {
      const added = entries(songIds);
      const lastAdded = { songIds, where: 'front' as const, key: added[0]?.key ?? 0 };
      set({ upNext: insertEntries(get().upNext, added, 'front'), lastAdded, lastRemoved: null });
    },
    remove(key) {
      set({ upNext: removeEntry(get().upNext, key) });
    },
    move(from, to) {
      set({ upNext: moveEntry(get().upNext, from, to) });
    },
    clear() {
      set({ upNext: [] });
    },
    followSongs(newId, titleOf) {
      const before = get().upNext;
      const upNext = followEntries(before, newId);
      const same =
        upNext.length === before.length && upNext.every((e, i) => e.songId === before[i].songId);
      if (same) return;
      const kept = new Set(upNext.map((entry) => entry.key));
      const gone = before.filter((entry) => !kept.has(entry.key));
      if (gone.length === 0) {
        set({ upNext });
        return;
      }
      // A fresh key (never an entry's), so the same titles removed again are said again.
      const key = get().nextKey;
      const lastRemoved = { titles: gone.map((entry) => titleOf(entry.songId)), key };
      set({ upNext, lastRemoved, lastAdded: null, nextKey: key + 1 });
    },
    setShuffle(shuffle, current) {
      set({ shuffle, round: current === null ? [] : [current] });
    },
    cycleRepeat() {
      set({ repeat: nextRepeatMode(get().repeat) });
    },
    togglePanel() {
      set({ panelOpen: !get().panelOpen });
    },
    takeNext(context, current, auto) {
      return apply(chooseNext(get(), context, current, auto, get().random));
    },
    takePrevious(context, current) {
      return apply(choosePrevious(get(), context, current));
    },
    ready(context, current, afterStream) {
      const { readied } = get();
      const upcoming = afterReadied(get(), readied);
      const choice = chooseNext(upcoming, context, current, true, get().random);
      if (!choice) return null;
      const song = readiedFrom(choice, upcoming, afterStream);
      set({ readied: [...readied, song] });
      return song;
    },
    settleReadied(audible) {
      const { readied } = get();
      const count = readiedStarted(readied, audible);
      if (count > 0) get().startReadied(readied.slice(0, count));
    },
    startReadied(songs) {
      if (songs.length === 0) return;
      const readied = get().readied.filter((song) => !songs.includes(song));
      set({ ...startReadiedSongsPatch(get(), songs), readied });
    },
    unreadyStale() {
      const { readied } = get();
      const due = readiedStillDue(get(), readied);
      if (due < readied.length) set({ readied: readied.slice(0, due) });
      return readied.slice(due);
    },
    dropReadied() {
      if (get().readied.length > 0) set({ readied: [] });
    },
    started(songId, from) {
      set(startedPatch(get(), songId, from));
    },
  };
}
