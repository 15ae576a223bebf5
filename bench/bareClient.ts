import type { Socket } from 'node:net';
import { connectLoopback } from './connectLoopback';
import { withTimeout } from './timing';

/** Talks to the bare reference server (bareServer.ts): one request byte, a known reply size. */
export class BareClient {
  private received = 0;
  private waiter: { target: number; resolve(): void } | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.waiter && this.received >= this.waiter.target) {
        const { resolve } = this.waiter;
        this.waiter = null;
        resolve();
      }
    });
    socket.on('error', () => {});
  }

  static async connect(port: number): Promise<BareClient> {
    return new BareClient(await connectLoopback(port));
  }

  /** Sends the request byte and resolves once `replyBytes` have come back. */
  request(byte: string, replyBytes: number, timeoutMs: number): Promise<void> {
    const done = new Promise<void>((resolve) => {
      this.waiter = { target: this.received + replyBytes, resolve };
    });
    this.socket.write(byte);
    return withTimeout(done, timeoutMs, `bare reply of ${replyBytes} bytes`);
  }

  close(): void {
    this.socket.destroy();
  }
}
