import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StreamWaits } from './streamWaits';

function setup() {
  const output = new PassThrough({ highWaterMark: 4 });
  const controller = new AbortController();
  return { output, controller, waits: new StreamWaits(output, controller.signal) };
}

describe('StreamWaits', () => {
  it('resolves a drain wait at the next drain, not before', async () => {
    const { output, waits } = setup();
    expect(output.write(Buffer.alloc(16))).toBe(false);
    let drained = false;
    const waiting = waits.drain().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    output.read(); // empties the buffer: 'drain'
    await waiting;
    expect(drained).toBe(true);
    waits.dispose();
  });

  it('resolves a sleep after its time', async () => {
    const { waits } = setup();
    const started = performance.now();
    await waits.sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    waits.dispose();
  });

  it("rejects a pending wait with the signal's reason on abort, and every later one", async () => {
    const { controller, waits } = setup();
    const sleeping = waits.sleep(60_000);
    controller.abort(new Error('cancelled'));
    await expect(sleeping).rejects.toThrow('cancelled');
    await expect(waits.drain()).rejects.toThrow('cancelled');
    waits.dispose();
  });

  it('rejects when the output closes or fails', async () => {
    const { output, waits } = setup();
    output.write(Buffer.alloc(16));
    const waiting = waits.drain();
    output.destroy(new Error('reset'));
    await expect(waiting).rejects.toThrow('reset');
    await expect(waits.sleep(1)).rejects.toThrow('closed');
    waits.dispose();
  });

  it('takes its listeners at the first wait only, and all of them off when disposed', async () => {
    const { output, waits } = setup();
    const count = () => ['drain', 'close', 'error'].map((name) => output.listenerCount(name));
    expect(count()).toEqual([0, 0, 0]);
    const waiting = waits.sleep(60_000);
    expect(count()).toEqual([1, 1, 1]);
    waits.dispose();
    await expect(waiting).rejects.toThrow('the stream is over');
    expect(['drain', 'close', 'error'].map((name) => output.listenerCount(name))).toEqual([
      0, 0, 0,
    ]);
  });
});
