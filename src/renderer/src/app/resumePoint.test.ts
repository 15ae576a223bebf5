import { describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { playingReport } from './playingReport';
import {
  pointToRemember,
  pointToRestore,
  REMEMBER_EVERY_MS,
  shouldRemember,
  type Remembered,
} from './resumePoint';

const server = { status: 'connected' as const, host: '127.0.0.1', port: 8080 };
const song = (id: number, durationSeconds: number | null = 30): SongInfo => ({
  id,
  title: `Song ${id}`,
  artist: id === 1 ? null : 'Band',
  album: null,
  durationSeconds,
  hasCover: false,
});

describe('the remembered song and position', () => {
  it('is remembered only with a server and a song', () => {
    const player = { status: 'playing' as const, songId: 3, elapsedSeconds: 12.5 };
    expect(pointToRemember(player, server)).toEqual({
      host: '127.0.0.1',
      port: 8080,
      songId: 3,
      seconds: 12.5,
    });
    expect(pointToRemember(player, { ...server, status: 'error' })).toBeNull();
    expect(pointToRemember({ ...player, songId: null }, server)).toBeNull();
  });

  it('is written on a change of song, status or server, on a seek, and every few seconds', () => {
    const point = { host: '127.0.0.1', port: 8080, songId: 3, seconds: 10 };
    const last: Remembered = { point, status: 'playing', at: 1000 };
    const later = (ms: number) => ({ ...point, seconds: 10 + ms / 1000 });
    expect(shouldRemember(null, point, 'playing', 0)).toBe(true);
    expect(shouldRemember(last, later(1000), 'playing', 2000)).toBe(false);
    expect(
      shouldRemember(last, later(REMEMBER_EVERY_MS), 'playing', 1000 + REMEMBER_EVERY_MS),
    ).toBe(true);
    expect(shouldRemember(last, { ...point, seconds: 25 }, 'playing', 2000)).toBe(true); // a seek
    expect(shouldRemember(last, later(500), 'paused', 1500)).toBe(true);
    expect(shouldRemember(last, { ...point, songId: 4, seconds: 0 }, 'playing', 1100)).toBe(true);
    expect(shouldRemember(last, { ...point, port: 9090 }, 'playing', 1100)).toBe(true);
    const paused: Remembered = { point, status: 'paused', at: 1000 };
    expect(shouldRemember(paused, point, 'paused', 60_000)).toBe(false);
  });

  it('comes back only on its own server and for a song still listed', () => {
    const saved = { host: '127.0.0.1', port: 8080, songId: 2, seconds: 12 };
    const songs = [song(1), song(2)];
    expect(pointToRestore(saved, server, songs)).toEqual({ songId: 2, seconds: 12 });
    expect(pointToRestore(saved, { ...server, port: 9000 }, songs)).toBeNull();
    expect(pointToRestore(saved, { ...server, status: 'connecting' }, songs)).toBeNull();
    expect(pointToRestore(saved, server, [song(1)])).toBeNull();
    expect(pointToRestore(null, server, songs)).toBeNull();
    // At the very end: the song again from its start. Without a duration: as saved.
    expect(pointToRestore({ ...saved, seconds: 29.5 }, server, songs)).toEqual({
      songId: 2,
      seconds: 0,
    });
    expect(pointToRestore({ ...saved, seconds: 99 }, server, [song(2, null)])).toEqual({
      songId: 2,
      seconds: 99,
    });
  });
});

describe('the playing report', () => {
  it('names the song that plays, or none', () => {
    const songs = [song(1), song(2)];
    expect(playingReport({ status: 'playing', songId: 2 }, songs)).toEqual({
      status: 'playing',
      songId: 2,
      title: 'Song 2',
      artist: 'Band',
    });
    expect(playingReport({ status: 'idle', songId: null }, songs)).toEqual({
      status: 'idle',
      songId: null,
      title: null,
      artist: null,
    });
    expect(playingReport({ status: 'paused', songId: 7 }, songs).title).toBeNull();
  });
});
