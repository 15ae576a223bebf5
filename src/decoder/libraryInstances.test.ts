import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryInstances } from './libraryInstances';

/** A stand-in library decoder that records what was asked of it. */
class Fake {
  static made: Fake[] = [];
  readonly ready = Promise.resolve();
  readonly calls: string[] = [];
  constructor() {
    Fake.made.push(this);
  }
  decode(fail = false): string {
    this.calls.push('decode');
    if (fail) throw new Error('RuntimeError: memory access out of bounds');
    return 'pcm';
  }
  async reset(): Promise<void> {
    this.calls.push('reset');
  }
  free(): void {
    this.calls.push('free');
  }
}

async function instances(spareAfterMs: number | null): Promise<LibraryInstances<Fake>> {
  Fake.made = [];
  return LibraryInstances.create(() => new Fake(), spareAfterMs);
}

describe('LibraryInstances', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('swaps in a spare made after a song started, and frees the old instance', async () => {
    const slot = await instances(0);
    slot.feeding();
    slot.call((fake) => fake.decode());
    await vi.waitFor(() => expect(slot.spareReady).toBe(true));
    await slot.startAfresh((fake) => fake.reset());
    await slot.startAfresh((fake) => fake.reset()); // the spare was fed nothing: kept
    expect(Fake.made).toHaveLength(2);
    expect(Fake.made[0].calls).toEqual(['decode', 'free']);
    expect(Fake.made[1].calls).toEqual([]);
    expect(slot.call((fake) => fake)).toBe(Fake.made[1]);
  });

  it('resets in place when no spare is ready, and keeps an instance fed nothing', async () => {
    const slot = await instances(null);
    await slot.startAfresh((fake) => fake.reset()); // fed nothing since it was made
    slot.feeding(); // no spares for this library
    await slot.startAfresh((fake) => fake.reset());
    expect(Fake.made).toHaveLength(1);
    expect(Fake.made[0].calls).toEqual(['reset']);
  });

  it('knows itself whether the instance was fed since it was made or readied', async () => {
    const slot = await instances(null);
    slot.call((fake) => fake.decode()); // a call feeds it
    await slot.startAfresh((fake) => fake.reset());
    await slot.startAfresh((fake) => fake.reset()); // readied, fed nothing since: kept
    slot.feeding(); // a song's bytes that have not reached the library yet count too
    await slot.startAfresh((fake) => fake.reset());
    slot.feeding();
    slot.call((fake) => fake.decode());
    slot.flushed(); // the library's flush readied it itself
    await slot.startAfresh((fake) => fake.reset());
    expect(Fake.made).toHaveLength(1);
    expect(Fake.made[0].calls).toEqual(['decode', 'reset', 'reset', 'decode']);
  });

  it('asks for one spare per song: an instance taken over mid-song asks for none', async () => {
    vi.useFakeTimers();
    const slot = await instances(0);
    slot.feeding();
    slot.feeding();
    await vi.runAllTimersAsync();
    expect(Fake.made).toHaveLength(2); // the first instance and one spare
    // Mid-song (FLAC's retry of a batch): the spare takes over and is fed the song's bytes.
    await slot.startAfresh((fake) => fake.reset());
    slot.call((fake) => fake.decode());
    slot.feeding();
    await vi.runAllTimersAsync();
    expect(slot.spareReady).toBe(false);
    // The next song: no spare, so the instance fed mid-song is reset; that song asks for one.
    await slot.startAfresh((fake) => fake.reset());
    expect(Fake.made).toHaveLength(2);
    expect(Fake.made[1].calls).toEqual(['decode', 'reset']);
    slot.feeding();
    await vi.runAllTimersAsync();
    expect(slot.spareReady).toBe(true);
  });

  it('readies at the next song an instance that took over from a failed one mid-song', async () => {
    const slot = await instances(null);
    slot.feeding();
    expect(() => slot.call((fake) => fake.decode(true))).toThrow('memory access');
    await slot.replaceFailed(); // FLAC goes on frame by frame on a new instance
    slot.call((fake) => fake.decode());
    await slot.startAfresh((fake) => fake.reset());
    expect(Fake.made).toHaveLength(2);
    expect(Fake.made[1].calls).toEqual(['decode', 'reset']);
  });

  it('never calls an instance again after it threw, not even to reset or free it', async () => {
    const slot = await instances(null);
    expect(() => slot.call((fake) => fake.decode(true))).toThrow('memory access');
    expect(slot.currentFailed).toBe(true);
    expect(() => slot.call((fake) => fake.decode())).toThrow('its decoder failed');
    await slot.startAfresh((fake) => fake.reset());
    expect(Fake.made).toHaveLength(2);
    expect(Fake.made[0].calls).toEqual(['decode']);
    expect(slot.call((fake) => fake.decode())).toBe('pcm');

    await expect(slot.callAsync(async (fake) => fake.decode(true))).rejects.toThrow();
    slot.free(); // the failed one is left to the garbage collector
    expect(Fake.made[1].calls).toEqual(['decode', 'decode']);
  });

  it('replaces an instance whose own reset throws', async () => {
    const slot = await instances(null);
    slot.feeding();
    await slot.startAfresh(() => Promise.reject(new Error('trap in reset')));
    expect(Fake.made).toHaveLength(2);
    expect(slot.currentFailed).toBe(false);
    expect(Fake.made[0].calls).toEqual([]);
  });

  it('goes on when freeing an old instance throws', async () => {
    const slot = await instances(0);
    const trapInFree = () => {
      throw new Error('trap in free');
    };
    Fake.made[0].free = trapInFree;
    slot.feeding();
    await vi.waitFor(() => expect(slot.spareReady).toBe(true));
    await slot.startAfresh((fake) => fake.reset()); // swaps, freeing the old one
    expect(slot.call((fake) => fake)).toBe(Fake.made[1]);
    Fake.made[1].free = trapInFree;
    expect(() => slot.free()).not.toThrow();
  });
});
