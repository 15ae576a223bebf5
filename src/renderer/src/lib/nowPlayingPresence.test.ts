import { describe, expect, it } from 'vitest';
import { presenceFor } from './nowPlayingPresence';

const song = {
  id: 4,
  title: 'Night Ferry',
  artist: 'The Tides',
  album: 'Harbor',
  durationSeconds: 30,
  hasCover: true,
};

describe('what the desktop is told', () => {
  it('names the song in the window title and the media session while it plays or pauses', () => {
    const playing = presenceFor(song, 'playing', 'data:image/png;base64,AA==');
    expect(playing.windowTitle).toBe('Night Ferry – The Tides · Tidewave');
    expect(playing.metadata).toEqual({
      title: 'Night Ferry',
      artist: 'The Tides',
      album: 'Harbor',
      artwork: 'data:image/png;base64,AA==',
    });
    expect(presenceFor(song, 'paused', null).playbackState).toBe('paused');
  });

  it('leaves out a missing artist', () => {
    expect(presenceFor({ ...song, artist: null }, 'playing', null).windowTitle).toBe(
      'Night Ferry · Tidewave',
    );
  });

  it('says only the app name when nothing plays', () => {
    for (const presence of [presenceFor(song, 'idle', null), presenceFor(null, 'playing', null)]) {
      expect(presence).toEqual({ windowTitle: 'Tidewave', metadata: null, playbackState: 'none' });
    }
  });
});
