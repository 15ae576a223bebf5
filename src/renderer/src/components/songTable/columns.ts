import { formatTime } from '../../lib/formatTime';
import type { SongIndex } from './songIndex';
import type { SortKey, TableSong } from './tableSong';

/** Fixed heights (px) keep the virtual list's arithmetic exact; styles.css uses the same. */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 34;

export interface Column {
  key: SortKey;
  label: string;
  className: string;
  /** A CSS grid track. */
  width: string;
  text(song: TableSong): string;
  /** Long text that may be cut: the cell under the pointer gets a tooltip with all of it. */
  truncates?: boolean;
}

/** A column whose cells are styled `cell-KEY` (styles.css). */
function column(
  key: SortKey,
  label: string,
  width: string,
  text: (song: TableSong) => string,
  truncates = false,
): Column {
  return { key, label, className: `cell-${key}`, width, text, truncates };
}

// The id's track has room for five digits (ids up to 99,999) plus the padding and sort arrow.
const ID = column('id', '#', 'calc(5ch + 40px)', (song) => String(song.id));
const TITLE = column('title', 'Title', 'minmax(0, 2fr)', (song) => song.title, true);
const ARTIST = column('artist', 'Artist', 'minmax(0, 1.3fr)', (song) => song.artist ?? '—', true);
const ALBUM = column('album', 'Album', 'minmax(0, 1.3fr)', (song) => song.album ?? '—', true);
const TRACK = column('track', 'Track', '76px', (song) =>
  typeof song.track === 'number' ? String(song.track) : '',
);
const DURATION = column('duration', 'Time', '76px', (song) => formatTime(song.durationSeconds));
const FORMAT = column('format', 'Format', '84px', (song) => song.format ?? '');

/** The play button's track, before the data columns. */
export const PLAY_COLUMN_WIDTH = '48px';

/**
 * The columns this library's metadata can fill: track and format only when some song has one,
 * and not in a `narrow` window (zoomed, useNarrowWindow): their fixed widths left the title,
 * artist and album a few letters each at 200% zoom.
 */
export function columnsFor(
  index: Pick<SongIndex, 'hasTrack' | 'hasFormat'>,
  narrow = false,
): Column[] {
  return [
    ID,
    TITLE,
    ARTIST,
    ALBUM,
    ...(index.hasTrack && !narrow ? [TRACK] : []),
    DURATION,
    ...(index.hasFormat && !narrow ? [FORMAT] : []),
  ];
}

/**
 * The track after the data columns, kept for the queue buttons a hovered or selected row shows
 * (two 30 px buttons, 2 px apart, 6 px from the edge; styles.css): over the last column they
 * hid its text (the format).
 */
export const ACTIONS_COLUMN_WIDTH = '72px';

export function gridTemplate(columns: readonly Column[]): string {
  const tracks = [PLAY_COLUMN_WIDTH, ...columns.map((column) => column.width)];
  return [...tracks, ACTIONS_COLUMN_WIDTH].join(' ');
}
