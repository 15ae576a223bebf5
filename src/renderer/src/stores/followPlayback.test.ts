import { describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import type { EngineSnapshot } from '../audio/playbackEngine';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import { followPlayback, GAPLESS_LEAD_SECONDS, streamError } from './followPlayback';
import { initialPlayerState, type PlayerState } from './playerState';

const songs: SongInfo[] = [0, 1].map((id) => ({
  id,
  title: `Song ${id}`,
  artist: null,
  album: null,
  durationSeconds: 30,
  hasCover: false,
}));
const playing: PlayerState = { ...initialPlayerState, status: 'playing', songId: 0 };

function snapshot(extra: Partial<EngineSnapshot>): EngineSnapshot {
  const stream = streamInfo(1, 0);
  return {
    current: stream,
    newest: stream,
    positionSeconds: 0,
    bufferedAheadSeconds: 10,
    sounding: true,
    ...extra,
  };
}

describe('followPlayback', () => {
  it('waits for the whole song to arrive and the queue to run low before advancing', () => {
    const arriving = snapshot({ bufferedAheadSeconds: 1 });
    expect(followPlayback(playing, arriving, songs).advanceTo).toBeNull();
    const ended = streamInfo(1, 0, { ended: true });
    const full = snapshot({ newest: ended, bufferedAheadSeconds: GAPLESS_LEAD_SECONDS + 1 });
    expect(followPlayback(playing, full, songs).advanceTo).toBeNull();
    const low = snapshot({ newest: ended, bufferedAheadSeconds: GAPLESS_LEAD_SECONDS - 1 });
    expect(followPlayback(playing, low, songs).advanceTo).toBe(1);
  });

  it('does not advance while paused, while a request is out, after an error, or past the end', () => {
    const low = snapshot({ newest: streamInfo(1, 0, { ended: true }), bufferedAheadSeconds: 1 });
    const error = { message: 'x', songId: 1, startSeconds: 0 };
    expect(followPlayback({ ...playing, status: 'paused' }, low, songs).advanceTo).toBeNull();
    expect(followPlayback({ ...playing, advancing: true }, low, songs).advanceTo).toBeNull();
    expect(followPlayback({ ...playing, error }, low, songs).advanceTo).toBeNull();
    const last = snapshot({ newest: streamInfo(2, 1, { ended: true }), bufferedAheadSeconds: 1 });
    expect(followPlayback(playing, last, songs).advanceTo).toBeNull();
  });

  it('goes idle once everything has played, and shows buffering while waiting for audio', () => {
    const drained = snapshot({
      newest: streamInfo(1, 0, { ended: true }),
      bufferedAheadSeconds: 0,
    });
    expect(followPlayback(playing, drained, songs).patch.status).toBe('idle');
    const waiting = snapshot({ sounding: false });
    expect(followPlayback(playing, waiting, songs).patch.buffering).toBe(true);
    expect(followPlayback({ ...playing, status: 'paused' }, waiting, songs).patch.buffering).toBe(
      false,
    );
  });
});

describe('streamError', () => {
  it('retries the audible song from where it was, or the upcoming one from its start', () => {
    const snap = snapshot({
      current: streamInfo(1, 0),
      newest: streamInfo(2, 1),
      positionSeconds: 12,
    });
    expect(streamError({ kind: 'error', streamId: 1, message: 'gone' }, snap)).toEqual({
      message: 'gone',
      songId: 0,
      startSeconds: 12,
    });
    expect(streamError({ kind: 'error', streamId: 2, message: 'bad' }, snap)).toEqual({
      message: 'bad',
      songId: 1,
      startSeconds: 0,
    });
    expect(streamError({ kind: 'error', streamId: 7, message: 'old' }, snap)).toBeNull();
    expect(streamError({ kind: 'ended', streamId: 1 }, snap)).toBeNull();
  });
});
