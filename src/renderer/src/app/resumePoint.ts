import type { ConnectionState, ResumePoint, SongInfo } from '../../../shared/tidewaveApi';
import type { PlayerState } from '../stores/playerState';

/** While a song plays its position is written at most this often (and at every change). */
export const REMEMBER_EVERY_MS = 5000;
/** A position further than this from where the clock would be is a seek: written at once. */
const JUMP_SECONDS = 2;

type PlayerLook = Pick<PlayerState, 'status' | 'songId' | 'elapsedSeconds'>;
type ServerLook = Pick<ConnectionState, 'status' | 'host' | 'port'>;

/** What to remember now, or null: nothing is remembered without a server and a song. */
export function pointToRemember(player: PlayerLook, server: ServerLook): ResumePoint | null {
  if (server.status !== 'connected' || player.songId === null) return null;
  const seconds = Math.max(0, player.elapsedSeconds);
  return { host: server.host, port: server.port, songId: player.songId, seconds };
}

export interface Remembered {
  point: ResumePoint;
  status: PlayerLook['status'];
  /** When it was written (ms). */
  at: number;
}

/**
 * Whether `next` is worth a write after `last`: another server, song or status (a pause is
 * written where it paused), a seek, or the periodic write while playing.
 */
export function shouldRemember(
  last: Remembered | null,
  next: ResumePoint,
  status: PlayerLook['status'],
  now: number,
): boolean {
  if (!last) return true;
  const before = last.point;
  if (before.host !== next.host || before.port !== next.port) return true;
  if (before.songId !== next.songId || last.status !== status) return true;
  if (status !== 'playing') return before.seconds !== next.seconds;
  const expected = before.seconds + (now - last.at) / 1000;
  if (Math.abs(next.seconds - expected) > JUMP_SECONDS) return true;
  return now - last.at >= REMEMBER_EVERY_MS;
}

/**
 * The song and position to come back to on this server, or null: the point belongs to another
 * server, or its song is gone. A point at the very end comes back at the song's start.
 */
export function pointToRestore(
  saved: ResumePoint | null | undefined,
  server: ServerLook,
  songs: readonly SongInfo[],
): { songId: number; seconds: number } | null {
  if (!saved || server.status !== 'connected') return null;
  if (saved.host !== server.host || saved.port !== server.port) return null;
  const song = songs.find((item) => item.id === saved.songId);
  if (!song) return null;
  const duration = song.durationSeconds;
  const atEnd = duration !== null && saved.seconds >= duration - 1;
  return { songId: song.id, seconds: atEnd ? 0 : saved.seconds };
}
