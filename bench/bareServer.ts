import { createReadStream, type ReadStream } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

/** Request bytes the bare server understands, one byte each. */
export const BareRequest = {
  /** Send the file, again and again, with `createReadStream(file).pipe(socket)`. */
  file: 'f',
  /** Send 4096 bytes at once: one chunk's round trip. */
  chunk: 'r',
  /** Send one byte back: a small round trip. */
  ping: 'p',
  /** Send the file's first BARE_HEAD_BYTES (opened, read and closed for this request). */
  head: 'h',
  /**
   * Send BARE_HEAD_BYTES from memory, no file: what is left of a first audio is the clients, the
   * loopback and the socket writes (the measuring side's floor).
   */
  memoryHead: 'm',
} as const;

/** What a `head` request sends: as much as the library server's cached song head at most. */
export const BARE_HEAD_BYTES = 64 * 1024;

export const BARE_CHUNK_BYTES = 4096;
const CHUNK = Buffer.alloc(BARE_CHUNK_BYTES, 0x55);
const PONG = Buffer.from(BareRequest.ping);
const MEMORY_HEAD = Buffer.alloc(BARE_HEAD_BYTES, 0x55);

/**
 * The reference the library server is measured against: the least a Node sender can do on this
 * machine, with no protocol, no pacing and no per-packet work.
 */
export interface BareServer {
  server: Server;
  connections(): number;
  close(): Promise<void>;
}

export function createBareServer(file: string): BareServer {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    socket.on('error', () => {}); // clients reset when a measurement is over
    let sending: FileLoop | null = null;
    socket.on('close', () => sending?.stop());
    socket.on('data', (bytes: Buffer) => {
      for (const byte of bytes.toString('latin1')) {
        if (byte === BareRequest.chunk) socket.write(CHUNK);
        else if (byte === BareRequest.ping) socket.write(PONG);
        else if (byte === BareRequest.file) sending ??= new FileLoop(file, socket);
        else if (byte === BareRequest.head) sendHead(file, socket);
        else if (byte === BareRequest.memoryHead) socket.write(MEMORY_HEAD);
      }
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { server, connections: () => sockets.size, close };
}

/** The least a Node sender does for a listener's first audio: open, read, write, close. */
function sendHead(file: string, socket: Socket): void {
  const stream = createReadStream(file, { start: 0, end: BARE_HEAD_BYTES - 1 });
  stream.on('error', () => socket.destroy());
  stream.pipe(socket, { end: false });
}

/** Pipes the file into the socket, then again, until stopped: a stream that never runs out. */
class FileLoop {
  private current: ReadStream | null = null;

  constructor(
    private readonly file: string,
    private readonly socket: Socket,
  ) {
    this.next();
  }

  stop(): void {
    this.current?.destroy();
    this.current = null;
  }

  private next(): void {
    if (this.socket.destroyed) return;
    const stream = createReadStream(this.file);
    this.current = stream;
    stream.pipe(this.socket, { end: false });
    stream.once('end', () => {
      if (this.current === stream) this.next();
    });
  }
}
