import type { SongInfo } from '../../../../shared/tidewaveApi';

/**
 * A song as the table reads it: the shared SongInfo, whose track, disc and format members a
 * server may leave out (PROTOCOL §5). A column for one of them shows only when some song has it.
 */
export type TableSong = SongInfo;

export type SortKey = 'id' | 'title' | 'artist' | 'album' | 'track' | 'duration' | 'format';
export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** The server's order, as before sorting existed. */
export const DEFAULT_SORT: SortOrder = { key: 'id', direction: 'ascending' };

/** A click on a column header: the same column flips its direction, another starts ascending. */
export function nextSortOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
