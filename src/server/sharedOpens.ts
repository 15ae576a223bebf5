/**
 * Opens of the same key (a song's real path) that ask while one is under way share it: one
 * trip through libuv's thread pool, and one descriptor, for all of them, closed once the last
 * one lets go. A thousand listeners asking for a song in the same instant then wait for a few
 * opens instead of queueing a thousand in the pool's four threads, and the loop handles a few
 * completions instead of a thousand (docs/ARCHITECTURE.md, "Song opens shared while under way").
 *
 * Only an open under way is shared, never one already done: what a later open gets is what the
 * path named after it asked (the open's own checks say the rest), as with PathLookups.
 */

/** One user's hold on a shared open's value. */
export interface SharedOpen<T> {
  readonly value: T;
  /** Lets go of the value; the last holder's release closes it. Later calls do nothing. */
  release(): Promise<void>;
}

interface Opening<T> {
  readonly value: Promise<T>;
  holders: number;
}

export class SharedOpens<T> {
  private readonly underWay = new Map<string, Opening<T>>();

  constructor(
    private readonly open: (key: string) => Promise<T>,
    private readonly close: (value: T) => Promise<void>,
  ) {}

  /** Opens of distinct keys now under way. */
  get opening(): number {
    return this.underWay.size;
  }

  /**
   * The value of an open of `key`: the one under way if there is one, else a new one, started
   * before this returns. Rejects, for every holder alike, when that open fails.
   */
  async acquire(key: string): Promise<SharedOpen<T>> {
    const opening = this.underWay.get(key) ?? this.begin(key);
    opening.holders += 1;
    let value: T;
    try {
      value = await opening.value;
    } catch (error) {
      opening.holders -= 1;
      throw error;
    }
    let held = true;
    return {
      value,
      release: async () => {
        if (!held) return;
        held = false;
        opening.holders -= 1;
        if (opening.holders === 0) await this.close(value);
      },
    };
  }

  private begin(key: string): Opening<T> {
    const opening: Opening<T> = { value: this.open(key), holders: 0 };
    this.underWay.set(key, opening);
    // Settled: later opens of the key open anew. This runs before any holder gets the value
    // (it was attached first), so no holder can release, and close it, while it is shared.
    const done = () => {
      if (this.underWay.get(key) === opening) this.underWay.delete(key);
    };
    opening.value.then(done, done);
    return opening;
  }
}
