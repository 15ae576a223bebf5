import type { Socket } from 'node:net';
import { serverMessages } from '../protocol';

/**
 * One connection's `changed` notices (PROTOCOL §5.2): only a client that asked for metadata
 * gets them, and one not reading holds at most one: while its buffer is full the newest count
 * waits for 'drain'. Written between whole packets, so a song's data is never split by one.
 */
export class ChangedNotices {
  private wanted = false;
  private held: number | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly send: (packet: Buffer) => void,
    private readonly ending: () => boolean,
  ) {}

  /** The client asked for metadata: from now on it hears of changes. */
  want(): void {
    this.wanted = true;
  }

  notify(songCount: number): void {
    if (!this.wanted || this.ending() || this.socket.destroyed) return;
    if (this.socket.writableNeedDrain) this.held = songCount;
    else this.send(serverMessages.changed(songCount));
  }

  /** The socket drained: the notice held back goes out now. */
  onDrain(): void {
    if (this.held === null) return;
    const songCount = this.held;
    this.held = null;
    this.notify(songCount);
  }
}
