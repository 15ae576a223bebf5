import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { focusById, UP_NEXT_ID, UP_NEXT_TOGGLE_ID } from '../../app/focusTargets';
import { useLibraryStore } from '../../stores/libraryStore';
import { usePlayerStore } from '../../stores/playerStore';
import { useQueueStore } from '../../stores/queueStore';
import { QueueItem } from './QueueItem';
import { focusAfterLeaving } from './queueFocus';

const PANEL = -1;

/**
 * The "Up next" panel: the queue in play order, beside the library (so it stays while the
 * library switches between songs, albums and artists). Shown while the queue toggle is on; its
 * toggle puts the focus on the panel itself (QueueControls), and Escape here takes it back.
 */
export function UpNextPanel() {
  const open = useQueueStore((s) => s.panelOpen);
  const upNext = useQueueStore((s) => s.upNext);
  const remove = useQueueStore((s) => s.remove);
  const move = useQueueStore((s) => s.move);
  const clear = useQueueStore((s) => s.clear);
  const togglePanel = useQueueStore((s) => s.togglePanel);
  // The entry already asked for to follow the song playing (readiedSongs.ts), if any.
  const startingKey = useQueueStore((s) => s.readied[0]?.key ?? null);
  const songs = useLibraryStore((s) => s.songs);
  const play = usePlayerStore((s) => s.play);
  const listRef = useRef<HTMLOListElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  /** The entry whose play button gets focus after a move or a removal (PANEL: the panel). */
  const [focusKey, setFocusKey] = useState<number | null>(null);
  /** Entries leave (played, removed, cleared): the focus goes where focusAfterLeaving says. */
  const focusAfter = useCallback((leaving: readonly number[]) => {
    const list = useQueueStore.getState().upNext;
    setFocusKey(focusAfterLeaving(list, new Set(leaving)) ?? PANEL);
  }, []);

  const byId = useMemo(() => new Map(songs.map((song) => [song.id, song])), [songs]);

  const onPlay = useCallback(
    (entryKey: number) => {
      const list = useQueueStore.getState().upNext;
      const index = list.findIndex((e) => e.key === entryKey);
      if (index < 0) return;
      const entry = list[index];
      focusAfter([entryKey]);
      remove(entryKey);
      void play(entry.songId, 0, 'queue');
    },
    [remove, play, focusAfter],
  );
  const onRemove = useCallback(
    (entryKey: number) => {
      focusAfter([entryKey]);
      remove(entryKey);
    },
    [remove, focusAfter],
  );
  // Clear turns disabled under the keyboard user's focus: the panel takes it.
  const onClear = useCallback(() => {
    focusAfter(useQueueStore.getState().upNext.map((entry) => entry.key));
    clear();
  }, [clear, focusAfter]);
  const onMove = useCallback(
    (from: number, to: number, entryKey: number) => {
      move(from, to);
      setFocusKey(entryKey);
    },
    [move],
  );

  // Escape from inside closes the panel and returns to its toggle (handled here, so the window's
  // Escape, which closes the host panel, does not run as well).
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      togglePanel();
      focusById(UP_NEXT_TOGGLE_ID);
    },
    [togglePanel],
  );

  useLayoutEffect(() => {
    if (focusKey === null) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(
      `[data-queue-key="${focusKey}"] .queue-play`,
    );
    if (focusKey === PANEL) panelRef.current?.focus();
    else button?.focus();
    setFocusKey(null);
  }, [focusKey, upNext]);

  if (!open) return null;
  return (
    <aside
      id={UP_NEXT_ID}
      className="up-next"
      aria-labelledby="up-next-title"
      ref={panelRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="up-next-head">
        <h2 id="up-next-title">Up next</h2>
        <span className="up-next-count">
          {upNext.length === 1 ? '1 song' : `${upNext.length} songs`}
        </span>
        <button type="button" onClick={onClear} disabled={upNext.length === 0}>
          Clear
        </button>
      </div>
      {upNext.length === 0 ? (
        <p className="empty-state">
          Nothing queued. Press Q on a song to add it, Shift+Q to play it next.
        </p>
      ) : (
        <ol className="up-next-list" ref={listRef} aria-label="Queued songs">
          {upNext.map((entry, index) => {
            const song = byId.get(entry.songId);
            return (
              <QueueItem
                key={entry.key}
                entryKey={entry.key}
                index={index}
                count={upNext.length}
                title={song?.title ?? `Song ${entry.songId}`}
                artist={song?.artist ?? null}
                startingNext={entry.key === startingKey}
                onPlay={onPlay}
                onRemove={onRemove}
                onMove={onMove}
              />
            );
          })}
        </ol>
      )}
    </aside>
  );
}
