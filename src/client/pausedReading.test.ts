import { describe, expect, it } from 'vitest';
import { PAUSED_READ_LIMIT_BYTES, readsOnWhilePaused } from './pausedReading';

describe('readsOnWhilePaused', () => {
  it('reads on only while the server holds the song for the listener, under the bound', () => {
    expect(readsOnWhilePaused(true, 0)).toBe(true);
    expect(readsOnWhilePaused(true, PAUSED_READ_LIMIT_BYTES - 1)).toBe(true);
    // A server that ignores the hold fills the bound, and is then not read.
    expect(readsOnWhilePaused(true, PAUSED_READ_LIMIT_BYTES)).toBe(false);
    // Not paused (a reader merely full), or no hold sent (a server without the pause extension).
    expect(readsOnWhilePaused(false, 0)).toBe(false);
    expect(readsOnWhilePaused(true, 1_000, 1_000)).toBe(false);
  });
});
