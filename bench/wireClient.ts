import type { Socket } from 'node:net';
import { CLIENT_MAX_PACKET_BYTES, FrameParser, PacketType, type Packet } from '../src/protocol';
import { connectLoopback } from './connectLoopback';
import { now, withTimeout } from './timing';

/** Where the stream stood when a packet arrived. */
export interface Arrival {
  at: number;
  /** Song bytes received before this packet. */
  playBytes: number;
}

interface Waiter {
  type: string;
  resolve(arrival: Arrival): void;
}

/**
 * A bare protocol client that sees the wire as it is: it counts every song byte and notes when
 * each awaited packet arrived, in stream order, so "bytes after the stop reply" is exact.
 */
export class WireClient {
  /** Song bytes (play data) received so far. */
  playBytes = 0;
  private readonly parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  private waiters: Waiter[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const packet of this.parser.push(chunk)) this.onPacket(packet);
    });
    socket.on('error', () => {}); // the bench closes the server under its clients at the end
  }

  static async connect(port: number): Promise<WireClient> {
    return new WireClient(await connectLoopback(port));
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next packet of `type` from now on. */
  next(type: string, timeoutMs: number): Promise<Arrival> {
    const arrival = new Promise<Arrival>((resolve) => this.waiters.push({ type, resolve }));
    return withTimeout(arrival, timeoutMs, `${type} packet`);
  }

  /** Resolves once at least `bytes` more song bytes have arrived. */
  async playBytesAtLeast(bytes: number, timeoutMs: number): Promise<void> {
    const target = this.playBytes + bytes;
    const deadline = now() + timeoutMs;
    while (this.playBytes < target) {
      if (now() > deadline) throw new Error(`fewer than ${bytes} song bytes in ${timeoutMs} ms`);
      await this.next(PacketType.Play, Math.max(1, deadline - now()));
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private onPacket(packet: Packet): void {
    const arrival = { at: now(), playBytes: this.playBytes };
    if (packet.type === PacketType.Play) this.playBytes += packet.fields[1]?.length ?? 0;
    const ready = this.waiters.filter((waiter) => waiter.type === packet.type);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.type !== packet.type);
    for (const waiter of ready) waiter.resolve(arrival);
  }
}
