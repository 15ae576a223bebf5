import { describe, expect, it } from 'vitest';
import { StreamHold } from './streamHold';

describe('StreamHold', () => {
  it('lets a stream through at once when not paused', async () => {
    expect(await new StreamHold().whilePaused(new AbortController().signal)).toBe(0);
  });

  it('holds a stream until resume, and says how long it held it', async () => {
    let clock = 100;
    const hold = new StreamHold(() => clock);
    hold.pause();
    let done: number | null = null;
    const waiting = hold.whilePaused(new AbortController().signal).then((ms) => (done = ms));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBeNull();
    clock = 350;
    hold.resume();
    await waiting;
    expect(done).toBe(250);
  });

  it('gives up waiting when the stream is cancelled', async () => {
    const hold = new StreamHold();
    hold.pause();
    const controller = new AbortController();
    const waiting = hold.whilePaused(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    hold.resume(); // nothing left to wake
  });
});
