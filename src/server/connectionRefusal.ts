import type { Socket } from 'node:net';
import { serverMessages } from '../protocol';

/** How long a refused connection may take to read its `error` packet before it is dropped. */
export const REFUSAL_LINGER_MS = 1_000;
/** Refused connections lingering at once; past this, more are dropped without a word. */
export const MAX_LINGERING_REFUSALS = 64;

/**
 * Refuses accepted sockets politely but cheaply: an `error` packet saying why, then close.
 * Whatever the peer sends is read and dropped (closing with unread input would reset the
 * connection and could lose the packet), and each socket is gone within a second.
 */
export class ConnectionRefusal {
  private readonly lingering = new Set<Socket>();

  get lingeringCount(): number {
    return this.lingering.size;
  }

  refuse(socket: Socket, reason: string): void {
    socket.on('error', () => {}); // A refused peer's reset is of no interest.
    if (this.lingering.size >= MAX_LINGERING_REFUSALS) {
      socket.destroy();
      return;
    }
    this.lingering.add(socket);
    socket.once('close', () => this.lingering.delete(socket));
    socket.end(serverMessages.error(reason));
    socket.resume();
    setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS).unref();
  }

  destroyAll(): void {
    for (const socket of this.lingering) socket.destroy();
  }
}
