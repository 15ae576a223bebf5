import { memo, type MouseEvent } from 'react';
import { PlayIcon } from '../icons';
import { AddIcon, PlayNextIcon } from '../upNext/queueIcons';
import type { Column } from './columns';
import type { QueuePlacement } from './queueKeys';
import type { TableSong } from './tableSong';
import { TRUNCATES_CLASS } from './useHoverTitle';

interface SongRowProps {
  song: TableSong;
  columns: readonly Column[];
  /** Position among the rows shown (0-based); the header is row 1 for assistive tech. */
  index: number;
  top: number;
  playing: boolean;
  paused: boolean;
  selected: boolean;
  /** Kept in the DOM but hidden, for a filter to show again (parkedRows.ts). */
  parked?: boolean;
  onPlay(songId: number): void;
  onSelect(songId: number): void;
  onQueue(songId: number, placement: QueuePlacement): void;
}

export function rowDomId(songId: number): string {
  return `song-row-${songId}`;
}

/**
 * The now-playing bars: they animate `transform` only (the compositor moves them, nothing is
 * laid out again) and hold still while paused.
 */
function NowPlayingBars({ paused }: { paused: boolean }) {
  return (
    <span className={`eq${paused ? ' is-paused' : ''}`} aria-hidden="true">
      <i />
      <i />
      <i />
    </span>
  );
}

/**
 * The row's buttons are no Tab stops, so a click on one leaves the focus on the grid: Space then
 * pauses and the arrows move, as after a click on the row. A focused button would take Space
 * (and Enter) to play its song again from the start, or queue it again.
 */
function keepFocusOnGrid(event: MouseEvent<HTMLButtonElement>): void {
  event.preventDefault();
  event.currentTarget.closest<HTMLElement>('[role="grid"]')?.focus({ preventScroll: true });
}

/** One song of the virtual grid, placed at `top` by a transform. Double-click plays. */
export const SongRow = memo(function SongRow({
  song,
  columns,
  index,
  top,
  playing,
  paused,
  selected,
  parked = false,
  onPlay,
  onSelect,
  onQueue,
}: SongRowProps) {
  const classes = [
    'song-row',
    playing && 'is-playing',
    selected && 'is-selected',
    parked && 'is-parked',
  ];
  return (
    <tr
      id={parked ? undefined : rowDomId(song.id)}
      className={classes.filter(Boolean).join(' ')}
      aria-rowindex={parked ? undefined : index + 2}
      aria-selected={parked ? undefined : selected}
      aria-current={playing ? 'true' : undefined}
      aria-hidden={parked ? true : undefined}
      data-song-id={parked ? undefined : song.id}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(song.id)}
      onDoubleClick={() => onPlay(song.id)}
    >
      <td className="cell-play">
        <button
          type="button"
          className="icon-button row-play"
          aria-label={`Play ${song.title}`}
          tabIndex={-1}
          onMouseDown={keepFocusOnGrid}
          onClick={(e) => {
            e.stopPropagation();
            onPlay(song.id);
          }}
        >
          {playing ? <NowPlayingBars paused={paused} /> : <PlayIcon size={16} />}
        </button>
      </td>
      {columns.map((column) => {
        const text = column.text(song);
        return (
          <td
            key={column.key}
            className={
              column.truncates ? `${column.className} ${TRUNCATES_CLASS}` : column.className
            }
            // A right-to-left title starts at the right and is cut at its end, not its start.
            dir={column.truncates ? 'auto' : undefined}
          >
            {text}
          </td>
        );
      })}
      {/* Over the grid's last track, kept empty for them; Q and Shift+Q do the same. */}
      <td className="cell-actions">
        <button
          type="button"
          className="icon-button row-queue"
          aria-label={`Queue ${song.title} to play next`}
          title="Play next (Shift+Q)"
          tabIndex={-1}
          onMouseDown={keepFocusOnGrid}
          onClick={(e) => {
            e.stopPropagation();
            onQueue(song.id, 'next');
          }}
        >
          <PlayNextIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button row-queue"
          aria-label={`Add ${song.title} to the queue`}
          title="Add to queue (Q)"
          tabIndex={-1}
          onMouseDown={keepFocusOnGrid}
          onClick={(e) => {
            e.stopPropagation();
            onQueue(song.id, 'end');
          }}
        >
          <AddIcon size={16} />
        </button>
      </td>
    </tr>
  );
});
