import { connect, type Socket } from 'node:net';
import { CLIENT_MAX_PACKET_BYTES, FrameParser, type Packet } from '../../src/protocol';

/**
 * A bare protocol client for tests: writes whatever bytes a test gives it and hands back the
 * server's packets one by one. It does not use src/client on purpose.
 */
export class RawClient {
  private readonly parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  private readonly packets: Packet[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.packets.push(...this.parser.push(chunk));
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

  /** `localAddress` picks the client's own address, e.g. 127.0.0.2 to be another host. */
  static connect(port: number, host = '127.0.0.1', localAddress?: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host, localAddress }, () => {
        socket.off('error', reject);
        resolve(new RawClient(socket));
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

  destroy(): void {
    this.socket.destroy();
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
