import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { scanLibrary, type Library } from '../library';
import { LOOPBACK_HOST } from '../shared/defaults';
import { ClientConnection } from './clientConnection';
import { buildListReplies, type ListReplies } from './listReplies';
import { toServerStartError } from './serverStartError';
import type { PacingOptions } from './streamPacer';

export interface LibraryServerOptions {
  /** Folder of .mp3 files, scanned once at start. */
  folder: string;
  /** Address to bind; the default keeps the library private to this machine. */
  host?: string;
  /** 0 picks a free port; `listen()` reports which. */
  port: number;
  /** `false` streams as fast as TCP allows (benchmarks); the default paces each song. */
  pacing?: PacingOptions | false;
  log?: (line: string) => void;
}

export interface ServerStats {
  connectionCount: number;
  /** Bytes waiting in all sockets' userland buffers now. */
  queuedBytes: number;
  /** Most bytes any one connection ever had waiting in its userland buffer after a write. */
  peakQueuedBytes: number;
  /** Bytes the open connections have handed to the kernel so far. */
  bytesSent: number;
}

export const DEFAULT_HOST = LOOPBACK_HOST;

/** Serves one music folder over the Tidewave protocol (docs/PROTOCOL.md) on TCP. */
export class LibraryServer {
  private readonly server: Server;
  private readonly connections = new Set<ClientConnection>();
  private readonly listReplies: ListReplies;
  private peakQueuedBytes = 0;

  constructor(
    readonly library: Library,
    private readonly options: LibraryServerOptions,
  ) {
    this.listReplies = buildListReplies(library);
    // Half-open so a client may send its requests, shut down its side, and still read the reply.
    this.server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  stats(): ServerStats {
    const stats = {
      connectionCount: this.connections.size,
      queuedBytes: 0,
      peakQueuedBytes: this.peakQueuedBytes,
      bytesSent: 0,
    };
    for (const connection of this.connections) {
      stats.queuedBytes += connection.queuedBytes;
      stats.peakQueuedBytes = Math.max(stats.peakQueuedBytes, connection.peakQueuedBytes);
      stats.bytesSent += connection.bytesSent;
    }
    return stats;
  }

  listen(): Promise<{ host: string; port: number }> {
    const host = this.options.host ?? DEFAULT_HOST;
    return new Promise((resolve, reject) => {
      const onError = (error: unknown) =>
        reject(toServerStartError(error, host, this.options.port));
      this.server.once('error', onError);
      this.server.listen(this.options.port, host, () => {
        this.server.off('error', onError);
        // Later listener errors (rare, e.g. EMFILE on accept) are logged, not thrown.
        this.server.on('error', (error) => this.log(`server error: ${error.message}`));
        resolve({ host, port: (this.server.address() as AddressInfo).port });
      });
    });
  }

  /** Stops listening and drops every client at once; resolves when all are gone. */
  async close(): Promise<void> {
    const closed = [...this.connections].map((connection) => connection.closed);
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.destroy();
    await Promise.all([...closed, stopped]);
  }

  private accept(socket: Socket): void {
    const connection = new ClientConnection(socket, {
      library: this.library,
      listReplies: this.listReplies,
      pacing: this.options.pacing ?? {},
      log: (line) => this.log(line),
    });
    this.connections.add(connection);
    void connection.closed.then(() => {
      this.peakQueuedBytes = Math.max(this.peakQueuedBytes, connection.peakQueuedBytes);
      this.connections.delete(connection);
    });
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

/**
 * Scans the folder, then returns a server ready to `listen()`.
 * @throws LibraryError when the folder is missing, not a folder, unreadable or has no songs.
 */
export async function createLibraryServer(options: LibraryServerOptions): Promise<LibraryServer> {
  const library = await scanLibrary(options.folder);
  return new LibraryServer(library, options);
}
