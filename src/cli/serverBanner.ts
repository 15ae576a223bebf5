import type { Library } from '../library';
import { terminalText } from './terminalText';

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

/** What the server prints once it listens: where, what, and who can connect. */
export function formatServerBanner(
  library: Library,
  host: string,
  port: number,
  accessCode = false,
): string[] {
  const count = library.songs.length;
  const lines = [
    `Serving ${count} song${count === 1 ? '' : 's'} from ${terminalText(library.folder)} on ${hostPort(host, port)}`,
    // Tags come from the files: a crafted one must not act on the terminal (escape sequences).
    ...library.songs.map(
      (song) =>
        `  ${String(song.id).padStart(3)}  ${terminalText(song.title, 200)}` +
        `${song.artist ? ` - ${terminalText(song.artist, 200)}` : ''} (${formatDuration(song.durationSeconds)})`,
    ),
  ];
  if (ALL_INTERFACES.has(host) && accessCode) {
    lines.push(
      `Listening on every network interface, port ${port}: only Tidewave players that know the`,
      'access code can list and play these songs (seed-era clients cannot). The songs still',
      'cross the network unencrypted.',
    );
  } else if (ALL_INTERFACES.has(host)) {
    lines.push(
      `Listening on every network interface: anyone who can reach this machine on port ${port}`,
      'can list and download these songs. Players connect to this machine’s LAN address.',
    );
  } else if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
    lines.push('Only this machine can connect; use --host 0.0.0.0 to share on your network.');
  }
  lines.push('Press Ctrl-C to stop.');
  return lines;
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function formatDuration(seconds: number | null): string {
  if (seconds === null) return '?:??';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
