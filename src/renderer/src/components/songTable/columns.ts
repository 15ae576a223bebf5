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
  /** Long text that may be cut: the cell gets a tooltip with all of it. */
  truncates?: boolean;
}

const ID: Column = {
  key: 'id',
  label: '#',
  className: 'cell-id',
  // Room for five digits (ids up to 99,999) plus the cell's padding and the sort arrow.
  width: 'calc(5ch + 40px)',
  text: (song) => String(song.id),
};
const TITLE: Column = {
  key: 'title',
  label: 'Title',
  className: 'cell-title',
  width: 'minmax(0, 2fr)',
  text: (song) => song.title,
  truncates: true,
};
const ARTIST: Column = {
  key: 'artist',
  label: 'Artist',
  className: 'cell-artist',
  width: 'minmax(0, 1.3fr)',
  text: (song) => song.artist ?? '—',
  truncates: true,
};
const ALBUM: Column = {
  key: 'album',
  label: 'Album',
  className: 'cell-album',
  width: 'minmax(0, 1.3fr)',
  text: (song) => song.album ?? '—',
  truncates: true,
};
const TRACK: Column = {
  key: 'track',
  label: 'Track',
  className: 'cell-track',
  width: '76px',
  text: (song) => (typeof song.track === 'number' ? String(song.track) : ''),
};
const DURATION: Column = {
  key: 'duration',
  label: 'Time',
  className: 'cell-duration',
  width: '76px',
  text: (song) => formatTime(song.durationSeconds),
};
const FORMAT: Column = {
  key: 'format',
  label: 'Format',
  className: 'cell-format',
  width: '84px',
  text: (song) => song.format ?? '',
};

/** The play button's track, before the data columns. */
export const PLAY_COLUMN_WIDTH = '48px';

/** The columns this library's metadata can fill: track and format only when some song has one. */
export function columnsFor(index: Pick<SongIndex, 'hasTrack' | 'hasFormat'>): Column[] {
  return [
    ID,
    TITLE,
    ARTIST,
    ALBUM,
    ...(index.hasTrack ? [TRACK] : []),
    DURATION,
    ...(index.hasFormat ? [FORMAT] : []),
  ];
}

export function gridTemplate(columns: readonly Column[]): string {
  return [PLAY_COLUMN_WIDTH, ...columns.map((column) => column.width)].join(' ');
}
