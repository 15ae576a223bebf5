import { memo } from 'react';
import { PlayIcon } from '../icons';
import type { Column } from './columns';
import type { TableSong } from './tableSong';

interface SongRowProps {
  song: TableSong;
  columns: readonly Column[];
  /** Position among the rows shown (0-based); the header is row 1 for assistive tech. */
  index: number;
  top: number;
  playing: boolean;
  paused: boolean;
  selected: boolean;
  onPlay(songId: number): void;
  onSelect(songId: number): void;
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

/** One song of the virtual grid, placed at `top` by a transform. Double-click plays. */
export const SongRow = memo(function SongRow({
  song,
  columns,
  index,
  top,
  playing,
  paused,
  selected,
  onPlay,
  onSelect,
}: SongRowProps) {
  const classes = ['song-row', playing && 'is-playing', selected && 'is-selected'];
  return (
    <tr
      id={rowDomId(song.id)}
      className={classes.filter(Boolean).join(' ')}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-current={playing ? 'true' : undefined}
      data-song-id={song.id}
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
            className={column.className}
            title={column.truncates ? text : undefined}
          >
            {text}
          </td>
        );
      })}
    </tr>
  );
});
