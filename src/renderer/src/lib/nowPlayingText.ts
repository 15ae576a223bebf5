import type { SongInfo } from '../../../shared/tidewaveApi';

type Shown = Pick<SongInfo, 'title' | 'artist'> | null;

export const END_OF_LIST_TEXT = 'End of the list';

/** The now-playing card's second line: the artist, or why nothing plays. */
export function nowPlayingSubtitle(song: Shown, endOfList: boolean): string {
  if (endOfList) return END_OF_LIST_TEXT;
  return song ? (song.artist ?? 'Unknown artist') : 'Pick a song to start';
}

/**
 * The key of the live region's text: a new key puts a new text node in the region, which screen
 * readers say even when its words are those already there (a second Next at the end of the
 * list, `endNotes` counting the presses). The text and its key change together: said once.
 */
export function announcementKey(endOfList: boolean, endNotes: number): string {
  return endOfList ? `end-${endNotes}` : 'song';
}

/**
 * What screen readers hear, politely: each new song once, and the end of the list (Next on
 * the last song used to do nothing at all, seen or heard).
 */
export function nowPlayingAnnouncement(song: Shown, playing: boolean, endOfList: boolean): string {
  if (endOfList) return `${END_OF_LIST_TEXT}: nothing more to play`;
  if (!playing || !song) return '';
  return `Now playing: ${song.title}${song.artist ? ` by ${song.artist}` : ''}`;
}
