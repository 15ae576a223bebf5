import type { SongListing } from '../client';
import { terminalText } from './terminalText';

/** `748.5 KB`, `1.2 MB`: decimal units, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Refusing a song id the list does not have: `Unknown song id 7: the server has songs 0-2.` */
export function unknownSongMessage(songId: number, knownIds: readonly number[]): string {
  // A loop, not Math.min(...ids): spreading a huge list overflows the call stack.
  let low = Infinity;
  let high = -Infinity;
  for (const id of knownIds) {
    low = Math.min(low, id);
    high = Math.max(high, id);
  }
  const known = knownIds.length === 0 ? 'no songs' : `songs ${low}-${high}`;
  return `Unknown song id ${songId}: the server has ${known}.`;
}

/** `3:07`, or `-` when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '-';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

const MAX_CELL = 40;

/** A server's text as a table cell: cut to fit, and safe for a terminal. */
function cell(text: string): string {
  return terminalText(text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);
}

/** The song list as an aligned text table with a header row. */
export function formatSongTable(songs: readonly SongListing[]): string[] {
  if (songs.length === 0) return ['The server has no songs.'];
  const rows = songs.map((s) => [
    String(s.id),
    cell(s.title),
    cell(s.artist ?? '-'),
    formatDuration(s.durationSeconds),
  ]);
  const header = ['ID', 'TITLE', 'ARTIST', 'TIME'];
  // A loop, not Math.max(...rows): spreading 110,000 rows overflows the call stack.
  const widths = header.map((h) => h.length);
  for (const row of rows) row.forEach((text, i) => (widths[i] = Math.max(widths[i], text.length)));
  const line = (r: string[]) =>
    [
      r[0].padStart(widths[0]),
      r[1].padEnd(widths[1]),
      r[2].padEnd(widths[2]),
      r[3].padStart(widths[3]),
    ]
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
