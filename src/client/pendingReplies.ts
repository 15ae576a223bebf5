import type { Packet } from '../protocol';
import { RequestTimeoutError } from './clientErrors';

interface PendingReply {
  settled: boolean;
  resolve(packet: Packet): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Requests waiting for their reply, one FIFO per reply type: the server answers in order, so a
 * reply of type T belongs to the oldest request still waiting for a T. A request that timed out
 * keeps its place (its promise is already rejected) so that a late reply cannot be taken for the
 * answer to a newer request.
 */
export class PendingReplies {
  private readonly queues = new Map<string, PendingReply[]>();

  /** Waits for the next reply of `type`; rejects with RequestTimeoutError after `timeoutMs`. */
  expect(type: string, timeoutMs: number): Promise<Packet> {
    return new Promise<Packet>((resolve, reject) => {
      const entry: PendingReply = { settled: false, resolve, reject, timer: undefined };
      entry.timer = setTimeout(() => {
        entry.settled = true;
        reject(new RequestTimeoutError(type, timeoutMs));
      }, timeoutMs);
      const queue = this.queues.get(type) ?? [];
      queue.push(entry);
      this.queues.set(type, queue);
    });
  }

  /** Hands `packet` to the oldest request of its type; false when none was waiting. */
  settle(packet: Packet): boolean {
    const entry = this.queues.get(packet.type)?.shift();
    if (!entry) return false;
    clearTimeout(entry.timer);
    if (!entry.settled) {
      entry.settled = true;
      entry.resolve(packet);
    }
    return true;
  }

  /** Replies still expected of `type` (timed-out requests included), or of any type. */
  count(type?: string): number {
    if (type !== undefined) return this.queues.get(type)?.length ?? 0;
    let total = 0;
    for (const queue of this.queues.values()) total += queue.length;
    return total;
  }

  /** The connection is gone: every waiting request fails with `error`. */
  rejectAll(error: Error): void {
    for (const queue of this.queues.values()) {
      for (const entry of queue) {
        clearTimeout(entry.timer);
        if (!entry.settled) {
          entry.settled = true;
          entry.reject(error);
        }
      }
    }
    this.queues.clear();
  }
}
