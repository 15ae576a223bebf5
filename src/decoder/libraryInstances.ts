import { DecoderError, UNDECODABLE_MESSAGE } from './decoderError';
import { resetPlan } from './resetPlan';

/**
 * How long after a song's first bytes the spare instance for the next song is made. Not at once:
 * a new instance allocates a WASM memory, which can set off a full garbage collection of the
 * old ones in the worker (about 10 ms, 20–40 ms at load), and a song's first chunks must not
 * wait for it. By half a second the player has decoded a second or more ahead (the server's
 * first write alone is 0.5–1.5 s of audio), so the pause costs no sound; a song switched away
 * from sooner finds no spare and rebuilds as before.
 */
export const SPARE_AFTER_MS = 500;

/** What every decoder of the mpg123-decoder / @wasm-audio-decoders family has. */
export interface LibraryInstance {
  readonly ready: Promise<void>;
  free(): void;
}

/**
 * The library decoder a format decoder works with, and where its next one comes from.
 *
 * - These libraries' `reset()` builds a new WASM instance (0.3–2 ms, and about one in four sets
 *   off a ~10 ms collection of the old ones' memories), so a spare can be made while a song
 *   plays, `SPARE_AFTER_MS` after its first bytes, and the next song's `startAfresh` swaps it in
 *   (`resetPlan`). `spareAfterMs: null` makes none (a library whose reset builds nothing).
 * - A call that throws (a WASM trap such as "memory access out of bounds", or the string an
 *   Emscripten `abort` throws) leaves the instance's memory in whatever state the trap caught
 *   it: its `reset()` and `free()` call into that memory and can trap again. So an instance
 *   that threw is never called again, not even freed (its memory goes with its last reference);
 *   the spare or a new instance takes over.
 */
export class LibraryInstances<T extends LibraryInstance> {
  private spare: T | null = null;
  private spareTimer: ReturnType<typeof setTimeout> | null = null;
  private failed = false;
  private freed = false;
  /**
   * The current instance was fed since it was made or readied (`feeding()`, or any call into it:
   * FLAC's retry on a new instance mid-song feeds it too), so the next song needs it readied.
   */
  private fed = false;

  private constructor(
    private instance: T,
    private readonly make: () => T,
    private readonly spareAfterMs: number | null,
  ) {}

  static async create<T extends LibraryInstance>(
    make: () => T,
    spareAfterMs: number | null,
  ): Promise<LibraryInstances<T>> {
    const first = make();
    await first.ready;
    return new LibraryInstances(first, make, spareAfterMs);
  }

  /** Whether the next `startAfresh` finds a spare instance ready. */
  get spareReady(): boolean {
    return this.spare !== null;
  }

  /** Whether a call into the current instance threw since it took over. */
  get currentFailed(): boolean {
    return this.failed;
  }

  /** Runs a synchronous call into the current instance; if it throws, the instance is done. */
  call<R>(step: (instance: T) => R): R {
    const instance = this.usable();
    try {
      return step(instance);
    } catch (error) {
      this.fail(instance);
      throw error;
    }
  }

  /** `call` for a call that may return a promise. */
  async callAsync<R>(step: (instance: T) => Promise<R> | R): Promise<R> {
    const instance = this.usable();
    try {
      return await step(instance);
    } catch (error) {
      this.fail(instance);
      throw error;
    }
  }

  /**
   * A song's bytes go to the current instance next (call it before each feed). The first since
   * the instance was readied marks it fed and asks for the next song's spare, made a while later;
   * the rest do nothing, so a song that takes the spare over mid-song asks for no other.
   */
  feeding(): void {
    if (this.fed) return;
    this.fed = true;
    if (this.spareAfterMs === null || this.spare || this.spareTimer || this.freed) return;
    this.spareTimer = setTimeout(() => void this.makeSpare(), this.spareAfterMs);
    this.spareTimer.unref(); // a process or worker may end with no spare made
  }

  /** The library readied the instance itself (these libraries' flush resets it): it is fresh. */
  flushed(): void {
    this.fed = false;
  }

  /**
   * Readies an instance for new input, unless nothing fed it since it was made or readied.
   * `reset` is the decoder's own (the library's rebuild, or MP3's new handle), used only when no
   * spare is ready.
   */
  async startAfresh(reset: (instance: T) => Promise<void>): Promise<void> {
    const plan = resetPlan({
      fedSinceReset: this.fed,
      spareReady: this.spareReady,
      failed: this.failed,
    });
    if (plan === 'keep') return;
    if (plan === 'rebuild') {
      try {
        await this.callAsync(reset);
        this.fed = false;
        return;
      } catch {
        // the reset itself threw: the instance is done, and a new one takes over below
      }
    }
    await this.takeOver();
  }

  /** After a failure: the spare or a new instance takes over, so decoding can go on. */
  async replaceFailed(): Promise<void> {
    if (this.failed) await this.takeOver();
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    if (this.spareTimer) clearTimeout(this.spareTimer);
    if (this.spare) freeQuietly(this.spare);
    this.spare = null;
    if (!this.failed) freeQuietly(this.instance);
  }

  /** The current instance, for a call into it: the call feeds it. */
  private usable(): T {
    if (this.freed) throw new DecoderError('The decoder has been freed');
    if (this.failed) throw new DecoderError(`${UNDECODABLE_MESSAGE}: its decoder failed`);
    this.fed = true;
    return this.instance;
  }

  private fail(instance: T): void {
    if (instance === this.instance) this.failed = true;
  }

  private async takeOver(): Promise<void> {
    let next = this.spare;
    this.spare = null;
    if (!next) {
      next = this.make();
      await next.ready;
    }
    if (this.freed) {
      next.free();
      return;
    }
    const old = this.instance;
    const oldFailed = this.failed;
    this.instance = next;
    this.failed = false;
    this.fed = false;
    if (!oldFailed) freeQuietly(old);
  }

  private async makeSpare(): Promise<void> {
    this.spareTimer = null;
    if (this.freed) return;
    const spare = this.make();
    try {
      await spare.ready;
    } catch {
      return; // no spare: the next song rebuilds its instance, as without one
    }
    if (this.freed || this.spare) spare.free();
    else this.spare = spare;
  }
}

/** Frees an instance; one whose free() throws is past use anyway, and its memory goes with it. */
function freeQuietly(instance: LibraryInstance): void {
  try {
    instance.free();
  } catch {
    // nothing to do: the instance is no longer referenced
  }
}
