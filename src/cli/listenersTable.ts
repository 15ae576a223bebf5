import { formatBytes, formatConnectedFor } from '../shared/listenerFormat';
import type { ListenerInfo } from '../shared/listenerInfo';
import { terminalText } from './terminalText';

const NAME_WIDTH = 20;
const SONG_WIDTH = 32;

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
