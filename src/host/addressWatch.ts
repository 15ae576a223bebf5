/** What changed between two sets of addresses (order does not matter). */
export interface AddressDiff {
  added: string[];
  removed: string[];
}

export function diffAddresses(before: readonly string[], after: readonly string[]): AddressDiff {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: [...now].filter((address) => !was.has(address)),
    removed: [...was].filter((address) => !now.has(address)),
  };
}

export function addressesChanged(diff: AddressDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0;
}

/**
 * Polls this computer's addresses (Wi-Fi to wired, sleep and wake) and reports a change. Node
 * has no portable event for it; a read of the interface table every few seconds costs nothing.
 */
export class AddressWatch {
  private last: string[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly read: () => string[],
    onChange: (addresses: string[], diff: AddressDiff) => void,
    intervalMs: number,
  ) {
    this.last = read();
    this.timer = setInterval(() => {
      const now = this.read();
      const diff = diffAddresses(this.last, now);
      if (!addressesChanged(diff)) return;
      this.last = now;
      onChange(now, diff);
    }, intervalMs);
    this.timer.unref(); // never what keeps the process alive
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
