/**
 * A store's start-up read and main's pushes reach the page apart: a push can overtake the
 * answer of a read that main made before it (the e2e bridge carries them on different paths).
 * The answer of a read is applied only if no push came while it was on its way, so a state
 * older than the one shown never replaces it.
 */
export class PushedSinceLoad {
  private pushes = 0;

  /** A push arrived (call it where the push is applied). */
  pushed(): void {
    this.pushes += 1;
  }

  /** Reads, then applies the answer unless a push came meanwhile. */
  async load<T>(read: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    const before = this.pushes;
    const value = await read();
    if (this.pushes === before) apply(value);
  }
}
