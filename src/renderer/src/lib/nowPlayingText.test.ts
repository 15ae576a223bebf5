import { describe, expect, it } from 'vitest';
import { announcementKey, nowPlayingAnnouncement, nowPlayingSubtitle } from './nowPlayingText';

const song = { title: 'Glass Tide', artist: 'Tidewave' };

describe('now playing text', () => {
  it('names the song and its artist while it plays', () => {
    expect(nowPlayingSubtitle(song, false)).toBe('Tidewave');
    expect(nowPlayingSubtitle({ ...song, artist: null }, false)).toBe('Unknown artist');
    expect(nowPlayingAnnouncement(song, true, false)).toBe('Now playing: Glass Tide by Tidewave');
    expect(nowPlayingAnnouncement(song, false, false)).toBe('');
  });

  it('says when the list has played out, seen and heard', () => {
    expect(nowPlayingSubtitle(song, true)).toBe('End of the list');
    expect(nowPlayingAnnouncement(song, false, true)).toBe('End of the list: nothing more to play');
  });

  it('gives each Next at the end of the list a new key, and a song none', () => {
    const keys = [announcementKey(true, 1), announcementKey(true, 2), announcementKey(false, 2)];
    expect(new Set(keys).size).toBe(3);
    expect(announcementKey(false, 1)).toBe(announcementKey(false, 2));
  });

  it('asks for a song when none was picked', () => {
    expect(nowPlayingSubtitle(null, false)).toBe('Pick a song to start');
  });
});
