import { memo, type KeyboardEvent } from 'react';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { formatTime } from '../lib/formatTime';
import { PlayIcon } from './icons';

interface SongRowProps {
  song: SongInfo;
  playing: boolean;
  selected: boolean;
  onPlay(songId: number): void;
  onSelect(songId: number): void;
}

function moveFocus(event: KeyboardEvent<HTMLTableRowElement>, direction: 'next' | 'previous') {
  const row = event.currentTarget;
  const target = direction === 'next' ? row.nextElementSibling : row.previousElementSibling;
  if (target instanceof HTMLElement) {
    event.preventDefault();
    target.focus();
  }
}

/** One song: a play button, then id, title, artist and duration. Enter or double-click plays. */
export const SongRow = memo(function SongRow({
  song,
  playing,
  selected,
  onPlay,
  onSelect,
}: SongRowProps) {
  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') onPlay(song.id);
    if (event.key === 'ArrowDown') moveFocus(event, 'next');
    if (event.key === 'ArrowUp') moveFocus(event, 'previous');
  }

  const classes = ['song-row', playing && 'is-playing', selected && 'is-selected'];
  return (
    <tr
      className={classes.filter(Boolean).join(' ')}
      tabIndex={0}
      aria-current={playing ? 'true' : undefined}
      data-song-id={song.id}
      onClick={() => onSelect(song.id)}
      onFocus={() => onSelect(song.id)}
      onDoubleClick={() => onPlay(song.id)}
      onKeyDown={onKeyDown}
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
          {playing ? (
            <span className="eq" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
          ) : (
            <PlayIcon size={16} />
          )}
        </button>
      </td>
      <td className="cell-id">{song.id}</td>
      <td className="cell-title">{song.title}</td>
      <td className="cell-artist">{song.artist ?? '—'}</td>
      <td className="cell-duration">{formatTime(song.durationSeconds)}</td>
    </tr>
  );
});
