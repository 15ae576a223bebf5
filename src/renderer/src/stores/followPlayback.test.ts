import { describe, expect, it } from 'vitest';
import type { EngineSnapshot } from '../audio/playbackEngine';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import { followPlayback, GAPLESS_LEAD_SECONDS, pendingNext, streamError } from './followPlayback';
import { initialPlayerState, type PlayerState } from './playerState';

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
    expect(followPlayback(playing, arriving).advanceAfter).toBeNull();
    const ended = streamInfo(1, 0, { ended: true });
    const full = snapshot({ newest: ended, bufferedAheadSeconds: GAPLESS_LEAD_SECONDS + 1 });
    expect(followPlayback(playing, full).advanceAfter).toBeNull();
    const low = snapshot({ newest: ended, bufferedAheadSeconds: GAPLESS_LEAD_SECONDS - 1 });
    // The song after the newest one is the queue's choice (queueStore); here only when.
    expect(followPlayback(playing, low).advanceAfter).toBe(0);
  });

  it("keeps the asked position while the new stream's start is not known yet", () => {
    const asked = { ...playing, elapsedSeconds: 15.9 };
    const early = snapshot({ positionSeconds: null, sounding: false });
    expect(followPlayback(asked, early).patch.elapsedSeconds).toBe(15.9);
    const known = snapshot({ positionSeconds: 16.2 });
    expect(followPlayback(asked, known).patch.elapsedSeconds).toBe(16.2);
  });

  it('does not advance while paused, while a request is out, or after an error', () => {
    const low = snapshot({ newest: streamInfo(1, 0, { ended: true }), bufferedAheadSeconds: 1 });
    const error = { message: 'x', songId: 1, startSeconds: 0 };
    expect(followPlayback({ ...playing, status: 'paused' }, low).advanceAfter).toBeNull();
    expect(followPlayback({ ...playing, advancing: true }, low).advanceAfter).toBeNull();
    expect(followPlayback({ ...playing, error }, low).advanceAfter).toBeNull();
    const later = snapshot({ newest: streamInfo(2, 1, { ended: true }), bufferedAheadSeconds: 1 });
    expect(followPlayback(playing, later).advanceAfter).toBe(1);
  });

  it('goes idle once everything has played, and shows buffering while waiting for audio', () => {
    const drained = snapshot({
      newest: streamInfo(1, 0, { ended: true }),
      bufferedAheadSeconds: 0,
    });
    expect(followPlayback(playing, drained).patch.status).toBe('idle');
    // Played from its start, it had its chance to advance: nothing more is asked for (a song
    // with no audio and repeat on would be asked for again and again).
    expect(followPlayback(playing, drained).advanceAfter).toBeNull();
    // Begun mid-song, it may have ended before any look saw it low (a seek into its last
    // moment): the song after it is still asked for. After an error nothing is.
    const sought = { ...drained, newest: streamInfo(1, 0, { ended: true, startSeconds: 29.9 }) };
    expect(followPlayback(playing, sought).advanceAfter).toBe(0);
    const error = { message: 'x', songId: 1, startSeconds: 0 };
    expect(followPlayback({ ...playing, error }, sought).advanceAfter).toBeNull();
    const waiting = snapshot({ sounding: false });
    expect(followPlayback(playing, waiting).patch.buffering).toBe(true);
    expect(followPlayback({ ...playing, status: 'paused' }, waiting).patch.buffering).toBe(false);
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

describe('pendingNext', () => {
  it('names the song requested after the audible one, once it is out', () => {
    expect(pendingNext(snapshot({}))).toBeNull();
    const next = snapshot({ current: streamInfo(1, 0), newest: streamInfo(2, 7) });
    expect(pendingNext(next)).toBe(7);
    expect(pendingNext(snapshot({ current: null }))).toBeNull();
  });
});
