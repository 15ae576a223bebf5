import type { ListenerInfo } from '../shared/listenerInfo';
import { terminalText } from './terminalText';

const NAME_WIDTH = 20;
const SONG_WIDTH = 32;

/** `1.2 MB`, `980 kB`, `512 B`: decimal units, as network tools count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** How long since `since`: `0:07`, `12:30`, `2:05:09`. */
export function formatConnectedFor(since: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Peer-given text (a `hello` name, a song title) made safe and cut to a column. */
function cell(text: string, width: number): string {
  const safe = terminalText(text, 4 * width);
  const chars = [...safe];
  return chars.length <= width ? safe : `${chars.slice(0, width - 1).join('')}…`;
}

/** An IPv6 address is bracketed before its port, so the two cannot be confused. */
function endpoint({ address, port }: ListenerInfo): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** The listeners table the server CLI prints (`--status`, SIGUSR1): a title line, then rows. */
export function formatListenersTable(rows: readonly ListenerInfo[], now: number): string[] {
  if (rows.length === 0) return ['Listeners: none'];
  const table = [
    ['ID', 'ADDRESS', 'NAME', 'PLAYING', 'FOR', 'SENT'],
    ...rows.map((row) => [
      String(row.id),
      endpoint(row),
      row.name === null ? '-' : cell(row.name, NAME_WIDTH),
      row.songId === null ? '-' : cell(`${row.songId} ${row.songTitle ?? ''}`, SONG_WIDTH),
      formatConnectedFor(row.since, now),
      formatBytes(row.bytesSent),
    ]),
  ];
  const widths = table[0].map((_, column) =>
    Math.max(...table.map((line) => [...line[column]].length)),
  );
  const lines = table.map((line) =>
    line
      .map((text, column) =>
        column === line.length - 1 ? text : text + ' '.repeat(widths[column] - [...text].length),
      )
      .join('  ')
      .trimEnd(),
  );
  return [`Listeners: ${rows.length}`, ...lines.map((line) => `  ${line}`)];
}
