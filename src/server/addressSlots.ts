/**
 * Connections counted per client address, for the per-address cap (connectionLimits.ts). A slot
 * is given back when its connection closes, or earlier when the host lets the connection go: it
 * then only lingers for its peer to read why (PROTOCOL §18.2.1), and must not stand in the way
 * of the person connecting again. Only the host frees a slot early, so no peer can use it to
 * hold more connections than its cap.
 */
export class AddressSlots {
  private readonly open = new Map<string, number>();

  /** Connections counted for `address` now. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }

  /** Counts one more connection from `address`; the function returned gives it back, once. */
  take(address: string): () => void {
    this.open.set(address, this.count(address) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = this.count(address) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    };
  }
}
