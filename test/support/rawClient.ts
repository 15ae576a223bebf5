import { connect, type Socket } from 'node:net';
import { CLIENT_MAX_PACKET_BYTES, FrameParser, type Packet } from '../../src/protocol';

/** Where the stream stood when a packet arrived. */
export interface Arrival {
  /** performance.now() at its arrival. */
  at: number;
  /** Song bytes (play data) received before this packet. */
  playBytes: number;
}

export interface RawClientOptions {
  /**
   * Queue every packet for nextPacket() (the default). A client that only counts and awaits
   * arrivals (the bench, streaming whole songs) turns this off so nothing piles up.
   */
  keepPackets?: boolean;
  /** Turn Nagle off, as every Tidewave peer does (the bench measures with it off). */
  noDelay?: boolean;
  /** The client's own address, e.g. 127.0.0.2 to be another host. */
  localAddress?: string;
}

/**
 * A bare protocol client for tests and the bench: writes whatever bytes it is given and hands
 * back the server's packets one by one, counting every song byte and noting when each awaited
 * packet arrived, in stream order, so "bytes after the stop reply" is exact. It does not use
 * src/client on purpose.
 */
export class RawClient {
  /** Song bytes (play data) received so far. */
  playBytes = 0;
  private readonly parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  private readonly packets: Packet[] = [];
  private arrivalWaiters: Array<{ type: string; resolve(arrival: Arrival): void }> = [];
  private wake: (() => void) | null = null;
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(
    readonly socket: Socket,
    private readonly keepPackets: boolean,
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const packet of this.parser.push(chunk)) this.onPacket(packet);
      this.notify();
    });
    socket.on('error', () => {}); // The server may reset us; 'close' tells the tests.
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.ended = true;
        this.notify();
        resolve();
      }),
    );
  }

  static connect(
    port: number,
    host = '127.0.0.1',
    options: RawClientOptions = {},
  ): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host, localAddress: options.localAddress }, () => {
        socket.off('error', reject);
        if (options.noDelay) socket.setNoDelay(true);
        resolve(new RawClient(socket, options.keepPackets ?? true));
      });
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.ended;
  }

  send(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** The next packet from the server; rejects on timeout or if the server closed first. */
  async nextPacket(timeoutMs = 5_000): Promise<Packet> {
    const deadline = Date.now() + timeoutMs;
    while (this.packets.length === 0) {
      if (this.ended) throw new Error('connection closed before the next packet');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no packet within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.packets.shift() as Packet;
  }

  /** Reads play packets up to the end-of-song marker and returns their data joined. */
  async readSong(timeoutMs = 10_000): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      const packet = await this.nextPacket(timeoutMs);
      if (packet.type !== 'play') throw new Error(`unexpected ${packet.type} packet in a song`);
      if (packet.fields.length === 1) return Buffer.concat(parts);
      parts.push(playData(packet));
    }
  }

  /** Packets up to and including the first of `type`. */
  async readUntil(type: string, timeoutMs = 10_000): Promise<Packet[]> {
    const seen: Packet[] = [];
    for (;;) {
      const packet = await this.nextPacket(timeoutMs);
      seen.push(packet);
      if (packet.type === type) return seen;
    }
  }

  /** The next packet of `type` to arrive from now on (queued ones do not count). */
  nextArrival(type: string, timeoutMs = 10_000): Promise<Arrival> {
    let waiter: { type: string; resolve(arrival: Arrival): void } | undefined;
    const arrival = new Promise<Arrival>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.arrivalWaiters = this.arrivalWaiters.filter((w) => w !== waiter);
        reject(new Error(`no ${type} packet within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter = {
        type,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      this.arrivalWaiters.push(waiter);
    });
    return arrival;
  }

  /** Resolves once at least `bytes` more song bytes have arrived. */
  async playBytesAtLeast(bytes: number, timeoutMs = 10_000): Promise<void> {
    const target = this.playBytes + bytes;
    const deadline = performance.now() + timeoutMs;
    while (this.playBytes < target) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`fewer than ${bytes} song bytes in ${timeoutMs} ms`);
      await this.nextArrival('play', Math.max(1, left)).catch(() => undefined);
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onPacket(packet: Packet): void {
    const arrival = { at: performance.now(), playBytes: this.playBytes };
    if (packet.type === 'play') this.playBytes += packet.fields[1]?.length ?? 0;
    if (this.keepPackets) this.packets.push(packet);
    const ready = this.arrivalWaiters.filter((waiter) => waiter.type === packet.type);
    if (ready.length === 0) return;
    this.arrivalWaiters = this.arrivalWaiters.filter((waiter) => waiter.type !== packet.type);
    for (const waiter of ready) waiter.resolve(arrival);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** The data of a play packet from our server: exactly one data field, never empty. */
export function playData(packet: Packet): Buffer {
  if (packet.type !== 'play' || packet.fields.length !== 2 || packet.fields[1].length === 0) {
    throw new Error(`not a play data packet: ${packet.body.subarray(0, 40).toString('latin1')}`);
  }
  return packet.fields[1];
}
