import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import {
  resetPlayerStore,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { useLibraryStore } from './libraryStore';
import { usePlayerStore } from './playerStore';
import { useSongTableStore } from './songTableStore';

let fake: PlayerStoreFakes['fake'];
let engine: PlayerStoreFakes['engine'];
/** The store's first state, as resetPlayerStore puts it back. */
const initial = usePlayerStore.getState();

beforeEach(() => {
  ({ fake, engine } = resetPlayerStore());
});

afterEach(() => {
  vi.useRealTimers();
});

const player = () => usePlayerStore.getState();

describe('player store', () => {
  it('play flushes the queue, asks main for the song and names the stream', async () => {
    await player().play(1, 12.5);
    expect(engine.flush).toHaveBeenCalled();
    expect(engine.resume).toHaveBeenCalled();
    expect(fake.api.play).toHaveBeenCalledWith({ songId: 1, startSeconds: 12.5 });
    expect(engine.begin).toHaveBeenCalledWith({ streamId: 1, songId: 1, startSeconds: 12.5 });
    expect(player()).toMatchObject({ status: 'playing', songId: 1, elapsedSeconds: 12.5 });
    expect(useLibraryStore.getState().selectedId).toBe(1);
  });

  it('sends the play request before the re-render its state changes schedule', async () => {
    // React renders a store change in a microtask queued by the change: the request must
    // already be on its way then, so main starts the song while the song table re-renders.
    const order: string[] = [];
    let scheduled = false;
    // Like a component showing the status: only a change it shows schedules a render.
    const unsubscribe = usePlayerStore.subscribe((state, before) => {
      if (state.status === before.status || scheduled) return;
      scheduled = true;
      queueMicrotask(() => order.push('render'));
    });
    fake.api.play.mockImplementationOnce(async (request) => {
      order.push('play');
      return { streamId: 1, songId: request.songId, startSeconds: request.startSeconds ?? 0 };
    });
    await player().play(1);
    unsubscribe();
    expect(order.slice(0, 2)).toEqual(['play', 'render']);
  });

  it('sends the play request in the click itself, before any state change it makes', () => {
    // Not even a microtask later: the state changes below it wake every store subscriber (the
    // media session, main's reports, the queue's memory) before a queued request would leave.
    const order: string[] = [];
    const unsubscribe = usePlayerStore.subscribe((state, before) => {
      if (state.status !== before.status) order.push('state');
    });
    fake.api.play.mockImplementationOnce(async (request) => {
      order.push('play');
      return { streamId: 1, songId: request.songId, startSeconds: request.startSeconds ?? 0 };
    });
    void player().play(1);
    unsubscribe();
    expect(order).toEqual(['play', 'state']);
  });

  it('sends only the newest of several play requests made while one is in flight', async () => {
    let answer: () => void = () => undefined;
    fake.api.play.mockImplementationOnce(async ({ songId }) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return { streamId: 99, songId, startSeconds: 0 };
    });
    const first = player().play(0);
    await vi.waitFor(() => expect(fake.api.play).toHaveBeenCalledTimes(1));
    const later = [player().play(1), player().play(2)];
    answer();
    await Promise.all([first, ...later]);
    // Of the requests made before the first one's answer, the overtaken one is never sent.
    expect(fake.api.play.mock.calls.map(([request]) => request.songId)).toEqual([0, 2]);
    expect(player().songId).toBe(2);
  });

  it('starts from a fresh request queue after a store reset', async () => {
    fake.api.play.mockImplementationOnce(() => new Promise(() => {})); // never answered
    void player().play(0);
    await vi.waitFor(() => expect(fake.api.play).toHaveBeenCalledTimes(1));
    usePlayerStore.setState(initial, true); // what every test here does first
    void player().play(1);
    // The queue is the store's: the unanswered request of before the reset holds nothing up.
    await vi.waitFor(() => expect(fake.api.play).toHaveBeenCalledTimes(2), { timeout: 1000 });
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
  });

  it('follows the audio clock: song, elapsed time, cover, buffering', async () => {
    await player().play(0);
    engine.snap = {
      current: streamInfo(1, 0, { coverUrl: 'data:image/png;base64,AA==' }),
      newest: streamInfo(1, 0),
      positionSeconds: 3.25,
      bufferedAheadSeconds: 4,
      sounding: true,
    };
    player().tick();
    expect(player()).toMatchObject({
      songId: 0,
      elapsedSeconds: 3.25,
      coverUrl: 'data:image/png;base64,AA==',
      buffering: false,
    });
    expect(engine.reportBuffer).toHaveBeenCalled();
    engine.snap = { ...engine.snap, sounding: false };
    player().tick();
    expect(player().buffering).toBe(true);
  });

  it('asks for the next song gaplessly once the current one has arrived and little is left', async () => {
    await player().play(0);
    engine.flush.mockClear();
    engine.snap = {
      current: streamInfo(1, 0, { ended: true }),
      newest: streamInfo(1, 0, { ended: true }),
      positionSeconds: 20,
      bufferedAheadSeconds: 6,
      sounding: true,
    };
    player().tick();
    expect(fake.api.play).toHaveBeenCalledTimes(1);
    engine.snap = { ...engine.snap, bufferedAheadSeconds: 4.5 };
    player().tick();
    player().tick();
    await vi.waitFor(() => expect(player().advancing).toBe(false));
    expect(fake.api.play).toHaveBeenCalledTimes(2);
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    expect(engine.flush).not.toHaveBeenCalled();
    // "Now playing" stays on song 0 until the engine says song 1 is audible.
    expect(player().songId).toBe(0);
    engine.snap = { ...engine.snap, current: streamInfo(2, 1), newest: streamInfo(2, 1) };
    player().tick();
    expect(player().songId).toBe(1);
  });

  it('asks for the next song in the visible order of the table (sorted, filtered), not by id', async () => {
    // The table shows songs 2, 0, 1 (a sort): after song 0 comes song 1, and after 2 comes 0.
    useSongTableStore.setState({ visible: { songs: fake.songs, positions: [2, 0, 1] } });
    await player().play(2);
    const ended = streamInfo(1, 2, { ended: true });
    engine.snap = {
      current: ended,
      newest: ended,
      positionSeconds: 28,
      bufferedAheadSeconds: 2,
      sounding: true,
    };
    player().tick();
    await vi.waitFor(() => expect(player().advancing).toBe(false));
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 0, startSeconds: 0 });
    // Song 0 is heard now: Next goes on from it.
    engine.snap = { ...engine.snap, current: streamInfo(2, 0), newest: streamInfo(2, 0) };
    await player().next();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    useSongTableStore.setState({ visible: null });
  });

  it('starts the next song when a song ends before any tick saw it low (a seek to its end)', async () => {
    await player().play(0, 29.95);
    const ended = streamInfo(2, 0, { ended: true, startSeconds: 29.95 });
    engine.snap = {
      current: ended,
      newest: ended,
      positionSeconds: 30,
      bufferedAheadSeconds: 0,
      sounding: false,
    };
    player().tick();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    expect(player()).toMatchObject({ status: 'playing', songId: 1 });
  });

  it('goes idle when the last song has played out, and says it was the end of the list', async () => {
    await player().play(2);
    const last = streamInfo(1, 2, { ended: true });
    engine.snap = {
      current: last,
      newest: last,
      positionSeconds: 30,
      bufferedAheadSeconds: 0,
      sounding: false,
    };
    player().tick();
    expect(player()).toMatchObject({ status: 'idle', endOfList: true });
    expect(fake.api.play).toHaveBeenCalledTimes(1);
  });

  it('pauses and resumes by suspending the engine', async () => {
    await player().play(0);
    await player().togglePlayPause();
    expect(engine.pause).toHaveBeenCalled();
    expect(player().status).toBe('paused');
    await player().togglePlayPause();
    expect(player().status).toBe('playing');
    expect(engine.resume).toHaveBeenCalledTimes(2);
  });

  it('tells main when the listener pauses and goes on', async () => {
    await player().play(0);
    fake.api.reportPaused.mockClear();
    await player().togglePlayPause();
    expect(fake.api.reportPaused.mock.calls).toEqual([[true]]);
    await player().togglePlayPause();
    expect(fake.api.reportPaused.mock.calls).toEqual([[true], [false]]);
  });

  it('a new song after a pause and a stop plays unpaused at the server', async () => {
    await player().play(0);
    await player().togglePlayPause();
    await player().stop();
    fake.api.reportPaused.mockClear();
    await player().play(1);
    expect(fake.api.reportPaused.mock.calls).toEqual([[false]]);
  });

  it('play/pause with nothing playing starts the selected song', async () => {
    useLibraryStore.setState({ selectedId: 2 });
    await player().togglePlayPause();
    expect(fake.api.play).toHaveBeenCalledWith({ songId: 2, startSeconds: 0 });
  });

  it('stop silences at once and tells the server', async () => {
    await player().play(0);
    engine.flush.mockClear();
    await player().stop();
    expect(engine.flush).toHaveBeenCalled();
    expect(fake.api.stop).toHaveBeenCalled();
    expect(player()).toMatchObject({ status: 'idle', elapsedSeconds: 0 });
  });

  it('next, previous and seek play the right song from the right place', async () => {
    await player().play(1);
    await player().next();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 2, startSeconds: 0 });
    await player().previous();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    await player().seek(14);
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 14 });
  });

  it('a stream error stops playback with a Retry that plays the song again', async () => {
    await player().play(1);
    engine.snap = { ...engine.snap, current: streamInfo(1, 1), newest: streamInfo(1, 1) };
    player().handleStreamEvent({ kind: 'error', streamId: 1, message: 'unknown song id 1' });
    expect(engine.handleStreamEvent).toHaveBeenCalled();
    expect(player().status).toBe('idle');
    expect(player().error).toEqual({ message: 'unknown song id 1', songId: 1, startSeconds: 0 });
    await player().retry();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    expect(player().error).toBeNull();
  });

  it('ignores errors of streams it no longer plays', async () => {
    await player().play(1);
    engine.snap = { ...engine.snap, current: streamInfo(5, 1), newest: streamInfo(5, 1) };
    player().handleStreamEvent({ kind: 'error', streamId: 4, message: 'old' });
    expect(player().error).toBeNull();
    expect(player().status).toBe('playing');
  });

  it('a failed play request becomes a readable error', async () => {
    fake.api.play.mockRejectedValueOnce(
      new Error("Error invoking remote method 'playback:play': Error: not connected"),
    );
    await player().play(0);
    expect(player().status).toBe('idle');
    expect(player().error?.message).toBe('not connected');
  });
});
