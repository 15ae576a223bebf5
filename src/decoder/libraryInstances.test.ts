import { describe, expect, it, vi } from 'vitest';
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
  it('swaps in a spare made after a song started, and frees the old instance', async () => {
    const slot = await instances(0);
    slot.call((fake) => fake.decode());
    slot.songStarted();
    await vi.waitFor(() => expect(slot.spareReady).toBe(true));
    await slot.startAfresh(true, (fake) => fake.reset());
    expect(Fake.made).toHaveLength(2);
    expect(Fake.made[0].calls).toEqual(['decode', 'free']);
    expect(slot.call((fake) => fake)).toBe(Fake.made[1]);
  });

  it('resets in place when no spare is ready, and keeps an instance fed nothing', async () => {
    const slot = await instances(null);
    slot.songStarted(); // no spares for this library
    await slot.startAfresh(false, (fake) => fake.reset());
    await slot.startAfresh(true, (fake) => fake.reset());
    expect(Fake.made).toHaveLength(1);
    expect(Fake.made[0].calls).toEqual(['reset']);
  });

  it('never calls an instance again after it threw, not even to reset or free it', async () => {
    const slot = await instances(null);
    expect(() => slot.call((fake) => fake.decode(true))).toThrow('memory access');
    expect(slot.currentFailed).toBe(true);
    expect(() => slot.call((fake) => fake.decode())).toThrow('its decoder failed');
    await slot.startAfresh(false, (fake) => fake.reset());
    expect(Fake.made).toHaveLength(2);
    expect(Fake.made[0].calls).toEqual(['decode']);
    expect(slot.call((fake) => fake.decode())).toBe('pcm');

    await expect(slot.callAsync(async (fake) => fake.decode(true))).rejects.toThrow();
    slot.free(); // the failed one is left to the garbage collector
    expect(Fake.made[1].calls).toEqual(['decode', 'decode']);
  });

  it('replaces an instance whose own reset throws', async () => {
    const slot = await instances(null);
    await slot.startAfresh(true, () => Promise.reject(new Error('trap in reset')));
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
    slot.songStarted();
    await vi.waitFor(() => expect(slot.spareReady).toBe(true));
    await slot.startAfresh(true, (fake) => fake.reset()); // swaps, freeing the old one
    expect(slot.call((fake) => fake)).toBe(Fake.made[1]);
    Fake.made[1].free = trapInFree;
    expect(() => slot.free()).not.toThrow();
  });
});
