import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ReadGate } from './readGate';

/** A read that settles only when the test says so. */
function heldRead() {
  let settle: (ok: boolean) => void = () => {};
  const promise = new Promise<string>((resolve, reject) => {
    settle = (ok) => (ok ? resolve('done') : reject(new Error('read failed')));
  });
  return { promise, settle };
}

describe('ReadGate', () => {
  it('never runs more than maxActive reads at once, and starts the waiting ones in arrival order', async () => {
    const gate = new ReadGate(2);
    const reads = Array.from({ length: 5 }, () => heldRead());
    const started: number[] = [];
    const results = reads.map((read, index) =>
      gate.run(() => {
        started.push(index);
        return read.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(3);
    reads[1].settle(true);
    await results[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // A failed read frees its slot too.
    reads[0].settle(false);
    await expect(results[0]).rejects.toThrow('read failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const read of reads) read.settle(true);
    await Promise.allSettled(results);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.queued).toBe(0);
  });

  it('frees every slot once all reads are over, so later reads start at once', async () => {
    const gate = new ReadGate(1);
    await gate.run(async () => 1);
    await expect(gate.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    let ran = false;
    const next = gate.run(async () => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(true);
    await next;
  });

  it('refuses a bound under one', () => {
    expect(() => new ReadGate(0)).toThrow(RangeError);
  });
});

describe('ReadGate order', () => {
  /** A gate on a clock the test moves, with reads that settle when told. */
  function gateAt(maxActive: number) {
    const clock = { now: 0 };
    const gate = new ReadGate(maxActive, () => clock.now);
    const started: string[] = [];
    const pending = new Map<string, () => void>();
    const read = (name: string, deadline: number, signal?: AbortSignal) =>
      gate.run(
        () =>
          new Promise<string>((resolve) => {
            started.push(name);
            pending.set(name, () => resolve(name));
          }),
        { deadline, signal },
      );
    const finish = async (name: string) => {
      pending.get(name)?.();
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { clock, gate, started, read, finish };
  }

  it('serves the soonest deadline first, whatever the arrival order', async () => {
    const { started, read, finish } = gateAt(1);
    const all = [read('busy', 0), read('late', 5_000), read('soon', 100), read('sooner', 50)];
    await Promise.resolve();
    await finish('busy');
    await finish('sooner');
    await finish('soon');
    await finish('late');
    await Promise.all(all);
    expect(started).toEqual(['busy', 'sooner', 'soon', 'late']);
  });

  it('holds a burst read while a stream waits for its first audio, and lets it go after', async () => {
    const { gate, started, read, finish } = gateAt(4);
    const claim = gate.claimStart();
    const burst = read('burst', 10_000);
    const due = read('due', 200);
    await Promise.resolve();
    expect(started).toEqual(['due']);
    expect(gate.queued).toBe(1);
    claim.release();
    await Promise.resolve();
    expect(started).toEqual(['due', 'burst']);
    await finish('due');
    await finish('burst');
    await Promise.all([burst, due]);
  });

  it('stops holding when a claim expires, so a stalled starter cannot hold others for long', async () => {
    const { clock, gate, started, read, finish } = gateAt(4);
    gate.claimStart(); // never released
    const burst = read('burst', 60_000);
    await Promise.resolve();
    expect(started).toEqual([]);
    clock.now = 10_000;
    expect(gate.startingStreams).toBe(0);
    // The gate's own timer would look again at the expiry; a new read makes it look now.
    const poke = read('poke', 10_000);
    await Promise.resolve();
    expect([...started].sort()).toEqual(['burst', 'poke']);
    await finish('poke');
    await finish('burst');
    await Promise.all([poke, burst]);
  });

  it('forgets a waiting read whose stream is cancelled, and rejects it at once', async () => {
    const { gate, started, read, finish } = gateAt(1);
    const busy = read('busy', 0);
    const controller = new AbortController();
    const cancelled = read('cancelled', 10, controller.signal);
    const next = read('next', 20);
    await Promise.resolve();
    controller.abort(new Error('switched'));
    await expect(cancelled).rejects.toThrow('switched');
    expect(gate.queued).toBe(1);
    await finish('busy');
    await finish('next');
    await Promise.all([busy, next]);
    expect(started).toEqual(['busy', 'next']);
  });

  it("takes one abort listener per stream's signal, however many of its reads wait", async () => {
    const { gate, read, finish } = gateAt(1);
    const busy = read('busy', 0);
    const controller = new AbortController();
    const first = read('a', 10, controller.signal);
    const waiting = [read('b', 20, controller.signal), read('c', 30, controller.signal)];
    await Promise.resolve();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await finish('busy');
    expect(gate.queued).toBe(2); // 'a' reads now; 'b' and 'c' still wait
    controller.abort(new Error('switched'));
    await expect(waiting[0]).rejects.toThrow('switched');
    await expect(waiting[1]).rejects.toThrow('switched');
    expect(gate.queued).toBe(0);
    await finish('a');
    await Promise.all([busy, first]);
  });

  it('lends each read a scratch buffer that no other read in flight holds', async () => {
    const gate = new ReadGate(3);
    const seen = new Set<Buffer>();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const reads = Array.from({ length: 3 }, () =>
      gate.run(async (scratch) => {
        seen.add(scratch);
        await held;
      }),
    );
    await Promise.resolve();
    expect(seen.size).toBe(3);
    release();
    await Promise.all(reads);
  });
});
