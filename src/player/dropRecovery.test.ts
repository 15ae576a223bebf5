import { describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../shared/tidewaveApi';
import { DropRecovery, NOT_RECONNECTED, type DropRecoveryHost } from './dropRecovery';
import type { StreamPump } from './streamPump';

const quick = { initialMs: 1, maxMs: 2, jitter: 0, maxAttempts: 3 };
const pump = { streamId: 4 } as StreamPump; // only compared by identity here
const cutError: StreamEvent = { kind: 'error', streamId: 4, message: 'connection lost' };

/** A player whose reconnect attempts answer `answers` in turn, recording what it was told. */
function player(answers: boolean[]) {
  const told: string[] = [];
  let current: StreamPump | null = pump;
  const host: DropRecoveryHost = {
    reconnectOnce: async () => answers.shift() ?? false,
    retryIn: (attempt) => told.push(`retry ${attempt}`),
    giveUp: () => told.push('gave up'),
    current: () => current,
    pumpDone: async () => {},
    emit: (event) =>
      told.push(
        `emit ${event.kind} ${event.streamId}${'message' in event ? `: ${event.message}` : ''}`,
      ),
    resume: (cut) => told.push(`resume ${cut.streamId}`),
  };
  return { host, told, replace: (next: StreamPump | null) => (current = next) };
}

/** What the player is told when all three attempts fail. */
const ALL_FAILED = ['retry 1', 'retry 2', 'retry 3', 'gave up'];

/**
 * Once the reconnect loop is over (however late a busy machine runs its 1–2 ms timers), and a
 * turn more for what follows it (a resume, a held error).
 */
async function settled(recovery: DropRecovery): Promise<void> {
  await vi.waitFor(() => expect(recovery.active).toBe(false), { timeout: 5_000 });
  await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('DropRecovery', () => {
  it("holds the cut stream's error and resumes it after the reconnect; the error is never told", async () => {
    const { host, told } = player([false, true]);
    const recovery = new DropRecovery(quick, host);
    recovery.start();
    expect(recovery.active).toBe(true);
    expect(recovery.holds(pump, cutError)).toBe(true);
    await settled(recovery);
    expect(told).toEqual(['retry 1', 'retry 2', 'resume 4']);
    expect(recovery.active).toBe(false);
  });

  it('tells the held error when every attempt fails', async () => {
    const { host, told } = player([false, false, false]);
    const recovery = new DropRecovery(quick, host);
    recovery.start();
    recovery.holds(pump, cutError);
    await settled(recovery);
    expect(told).toEqual([...ALL_FAILED, 'emit error 4: connection lost']);
  });

  it('tells the held error when refused while reconnecting (end)', async () => {
    const { host, told } = player([]);
    const recovery = new DropRecovery({ ...quick, initialMs: 1_000, maxMs: 1_000 }, host);
    recovery.start();
    recovery.holds(pump, cutError);
    await recovery.end();
    expect(told).toEqual(['retry 1', 'emit error 4: connection lost']);
    expect(recovery.active).toBe(false);
  });

  it('holds nothing but errors of the current stream, and nothing when no drop is under way', async () => {
    const { host, told, replace } = player([true]);
    const recovery = new DropRecovery(quick, host);
    expect(recovery.holds(pump, cutError)).toBe(false); // no drop: the error is the listener's
    recovery.start();
    expect(recovery.holds(pump, { kind: 'ended', streamId: 4 })).toBe(false);
    expect(recovery.holds({ streamId: 5 } as StreamPump, cutError)).toBe(false);
    // A song the listener picked meanwhile: nothing is held, so nothing is resumed.
    replace({ streamId: 6 } as StreamPump);
    await settled(recovery);
    expect(told).toEqual(['retry 1']);
  });

  it('a replaced stream forgets its held error: no resume, no error', async () => {
    const { host, told } = player([true]);
    const recovery = new DropRecovery(quick, host);
    recovery.start();
    recovery.holds(pump, cutError);
    recovery.forget();
    await settled(recovery);
    expect(told).toEqual(['retry 1']);
  });

  it('a song asked for while reconnecting starts once the connection is back', async () => {
    const { host, told, replace } = player([false, true]);
    const recovery = new DropRecovery(quick, host);
    expect(recovery.whenReconnected(7, () => told.push('start 7'))).toBe(false); // no drop
    recovery.start();
    replace(null); // the cut song had ended, or was replaced by this one
    expect(recovery.whenReconnected(7, () => told.push('start 7'))).toBe(true);
    await settled(recovery);
    expect(told).toEqual(['retry 1', 'retry 2', 'start 7']);
  });

  it('a song waiting for the reconnect is told when the connection does not come back', async () => {
    const { host, told, replace } = player([false, false, false]);
    const recovery = new DropRecovery(quick, host);
    recovery.start();
    replace(null);
    recovery.whenReconnected(7, () => told.push('start 7'));
    await settled(recovery);
    expect(told).toEqual([...ALL_FAILED, `emit error 7: ${NOT_RECONNECTED}`]);
  });

  it('a waiting song replaced or stopped waits no more, and says which it was', async () => {
    const { host, told, replace } = player([true]);
    const recovery = new DropRecovery(quick, host);
    recovery.start();
    replace(null);
    recovery.whenReconnected(7, () => told.push('start 7'));
    expect(recovery.forget()).toBe(7);
    expect(recovery.forget()).toBeNull();
    await settled(recovery);
    expect(told).toEqual(['retry 1']);
  });

  it('a song started after a reconnect and cut by a second drop is resumed after the second', async () => {
    // Found in review: the first reconnect's resume waited on this song's whole play, then
    // resumed it (and took its held error) while the second reconnect was still trying.
    const { host, told, replace } = player([true, false, true]);
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    host.pumpDone = () => done; // song 7's pump stops only when the test says
    const song7 = { streamId: 7 } as StreamPump;
    const recovery = new DropRecovery(quick, host);
    recovery.start();
    replace(null);
    recovery.whenReconnected(7, () => (told.push('start 7'), replace(song7)));
    await settled(recovery);
    expect(told).toEqual(['retry 1', 'start 7']);
    recovery.start(); // the connection drops again, mid-song 7
    expect(recovery.holds(song7, { ...cutError, streamId: 7 })).toBe(true);
    finish();
    await settled(recovery);
    expect(told).toEqual(['retry 1', 'start 7', 'retry 1', 'retry 2', 'resume 7']);
  });

  it('a song waiting when the reconnect is refused (access code) is stopped, not failed', async () => {
    // Found in review: it was told "did not come back" beside the access code prompt.
    const { host, told, replace } = player([]);
    const recovery = new DropRecovery({ ...quick, initialMs: 1_000, maxMs: 1_000 }, host);
    recovery.start();
    replace(null);
    recovery.whenReconnected(7, () => told.push('start 7'));
    await recovery.end();
    expect(told).toEqual(['retry 1', 'emit stopped 7']);
  });
});
