import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { LibraryCatalog, type Library } from '../library';
import { normalizeAccessCode } from '../protocol';
import { LOOPBACK_HOST } from '../shared/defaults';
import { AccessLedger } from './accessLedger';
import type { ServerAccess } from './accessGate';
import { resolveAccessPolicy, type AccessPolicy } from './accessPolicy';
import { AddressSlots } from './addressSlots';
import { ClientConnection } from './clientConnection';
import {
  addressKey,
  decideAdmission,
  resolveConnectionLimits,
  type ConnectionLimits,
} from './connectionLimits';
import { ConnectionRefusal } from './connectionRefusal';
import { describeDescriptors, FileDescriptorWatch } from './fileDescriptorWatch';
import { buildListReplies, buildListRepliesAsync, type ListReplies } from './listReplies';
import { ListenerRegistry } from './listenerRegistry';
import { RefusalLog } from './refusalLog';
import { LogLimiter, type LogBudget } from './logLimiter';
import { readOpenFileLimit } from './openFileLimit';
import { DEFAULT_DRAIN_SPREAD_MS } from './drainPlan';
import { drainConnections } from './serverDrain';
import { ProxyGate, type ConnectionPeer } from './proxyGate';
import { collectStats, type ServerStats } from './serverStats';
import { keepShapes } from './shapeKeeper';
import { toServerStartError } from './serverStartError';
import type { PacingOptions } from './streamPacer';

export interface LibraryServerOptions {
  /** Folder of songs, scanned at start and again by `rescan()`. */
  folder: string;
  /**
   * Folder for the id table and scan cache (src/library/libraryCatalog.ts), so ids and tag
   * readings survive restarts; without it they last as long as the process.
   */
  stateDir?: string;
  /** Address to bind; the default keeps the library private to this machine. */
  host?: string;
  /** 0 picks a free port; `listen()` reports which. */
  port: number;
  /** `false` streams as fast as TCP allows (benchmarks); the default paces each song. */
  pacing?: PacingOptions | false;
  /** Connection caps and timeouts; each one left out gets its default (connectionLimits.ts). */
  limits?: Partial<ConnectionLimits>;
  /** Balancer addresses whose connections must start with a PROXY v2 header (docs/DEPLOY.md). */
  proxyFrom?: readonly string[];
  log?: (line: string) => void;
  /** Log lines each connection may write at once and per second after (logLimiter.ts). */
  logBudget?: LogBudget;
  /** Clients must prove they know this code before anything is served (docs/PROTOCOL.md §15). */
  accessCode?: string;
  /** Delays and caps for wrong codes; each one left out gets its default (accessPolicy.ts). */
  accessPolicy?: Partial<AccessPolicy>;
}

export type { ServerStats };

export const DEFAULT_HOST = LOOPBACK_HOST;

/** Serves one music folder over the Tidewave protocol (docs/PROTOCOL.md) on TCP. */
export class LibraryServer {
  private readonly server: Server;
  private readonly connections = new Set<ClientConnection>();
  /** Swapped whole by `rescan()`: a list is answered from one complete scan, never a partial one. */
  private served: { library: Library; listReplies: ListReplies };
  private readonly catalog: LibraryCatalog;
  private scansStarted = 0;
  private scanServed = 0;
  /** Connections per address, for the per-address cap; the host's disconnect frees a slot. */
  private readonly perAddress = new AddressSlots();
  private readonly refusal = new ConnectionRefusal();
  /** Server-wide lines (refusals, accept errors) have a budget too: a peer can cause them. */
  private readonly serverLog: LogLimiter;
  private readonly descriptorWatch = new FileDescriptorWatch((code) => this.onDescriptors(code));
  private readonly proxyGate: ProxyGate;
  private peakQueuedBytes = 0;
  private refused = 0;
  private draining = false;
  private readonly access: ServerAccess | null;
  readonly limits: ConnectionLimits;
  /** Who is connected, for the host (the app's listeners table, the CLI's `--status`). */
  readonly listeners = new ListenerRegistry();
  /** Access-code refusals per address, for the host too (not only the log). */
  readonly refusals = new RefusalLog();

  /** @throws RangeError when a given limit is not a positive integer. */
  constructor(
    library: Library,
    private readonly options: LibraryServerOptions,
    catalog?: LibraryCatalog,
  ) {
    this.limits = resolveConnectionLimits(options.limits ?? {}, readOpenFileLimit());
    this.serverLog = new LogLimiter((line) => this.log(line), options.logBudget);
    this.access =
      options.accessCode === undefined
        ? null
        : {
            code: normalizeAccessCode(options.accessCode),
            ledger: new AccessLedger(resolveAccessPolicy(options.accessPolicy)),
            refusals: this.refusals,
          };
    this.served = { library, listReplies: buildListReplies(library) };
    this.catalog = catalog ?? LibraryCatalog.fromLibrary(library, { log: (l) => this.log(l) });
    this.proxyGate = new ProxyGate({ balancers: options.proxyFrom ?? [], log: (l) => this.log(l) });
    // Half-open so a client may send its requests, shut down its side, and still read the reply.
    this.server = createServer({ allowHalfOpen: true }, (socket) =>
      this.proxyGate.admit(socket, (peer) => this.accept(socket, peer)),
    );
  }

  /** Whether clients must prove an access code. */
  get hasAccessCode(): boolean {
    return this.access !== null;
  }

  /** The library as last scanned completely. */
  get library(): Library {
    return this.served.library;
  }

  /**
   * Scans the folder again; until it finishes, clients keep getting the previous list. Songs
   * keep their ids, new files get new ones, unchanged files are not read again. Scans run one
   * at a time. Rejects (keeping the previous library) when the folder is gone or has no songs.
   * Clients that asked for metadata get a `changed` notice when what they see changed.
   */
  async rescan(): Promise<Library> {
    const scan = ++this.scansStarted;
    const library = await this.catalog.scan();
    const listReplies = await buildListRepliesAsync(library);
    // Scans finish in order, but compressing their replies may not: never serve an older one.
    if (scan > this.scanServed) {
      this.scanServed = scan;
      this.serve(library, listReplies);
    }
    return library;
  }

  /**
   * Serves `library` from now on (e.g. no songs, once the folder is emptied): later requests
   * see it, songs already streaming go on from their open files, and every client that asked for
   * metadata gets a `changed` notice (PROTOCOL §5.2). Returns whether clients see a change.
   */
  replaceLibrary(library: Library): boolean {
    return this.serve(library, buildListReplies(library));
  }

  /** Nothing is sent when the list replies came out the same (a burst that changed nothing). */
  private serve(library: Library, listReplies: ListReplies): boolean {
    const same = listReplies.withMetadata.equals(this.served.listReplies.withMetadata);
    this.served = { library, listReplies };
    if (same) return false;
    for (const connection of this.connections) {
      connection.notifyLibraryChanged(library.songs.length);
    }
    return true;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  stats(): ServerStats {
    return collectStats(this.connections, this.peakQueuedBytes, this.refused);
  }

  listen(): Promise<{ host: string; port: number }> {
    const host = this.options.host ?? DEFAULT_HOST;
    return new Promise((resolve, reject) => {
      const onError = (error: unknown) =>
        reject(toServerStartError(error, host, this.options.port));
      this.server.once('error', onError);
      this.server.listen(this.options.port, host, () => {
        this.server.off('error', onError);
        // Later listener errors (EMFILE on accept) are logged, not thrown: the server goes on.
        this.server.on('error', (error) => this.onListenerError(error));
        this.descriptorWatch.start();
        resolve({ host, port: (this.server.address() as AddressInfo).port });
      });
    });
  }

  /** Stops listening and drops every client at once; resolves when all are gone. */
  async close(): Promise<void> {
    this.descriptorWatch.stop();
    const closed = [...this.connections].map((connection) => connection.closed);
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.destroy();
    this.refusal.destroyAll();
    this.proxyGate.destroyAll();
    await Promise.all([...closed, stopped]);
    this.serverLog.close();
  }

  /**
   * For an update (docs/DEPLOY.md, section 6): stops accepting at once, then closes every
   * connection between two packets, idle ones first, spread over `spreadMs` (drainPlan.ts).
   * Players reconnect elsewhere and resume at their next sample. Resolves when all are gone.
   */
  async drain(spreadMs = DEFAULT_DRAIN_SPREAD_MS): Promise<void> {
    this.draining = true;
    const stopListening = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
    await drainConnections(stopListening, [...this.connections], spreadMs);
    await this.close();
  }

  private accept(socket: Socket, peer: ConnectionPeer): void {
    const address = addressKey(peer.address);
    const fromAddress = this.perAddress.count(address);
    const admission = this.draining
      ? { admit: false as const, reason: 'the server is shutting down' }
      : decideAdmission(this.limits, this.connections.size, fromAddress);
    if (!admission.admit) {
      this.refused += 1;
      this.serverLog.log(
        `refused ${address}:${peer.port}: ${admission.reason} (${this.refused} refused so far)`,
      );
      this.refusal.refuse(socket, admission.reason);
      return;
    }
    const releaseSlot = this.perAddress.take(address);
    const served = () => this.served;
    const connection = new ClientConnection(socket, {
      served: {
        get library() {
          return served().library;
        },
        get listReplies() {
          return served().listReplies;
        },
      },
      pacing: this.options.pacing ?? {},
      limits: this.limits,
      peer,
      // The balancer's health checks come every few seconds; they would drown the log.
      log: peer.healthCheck ? () => {} : (line) => this.log(line),
      logBudget: this.options.logBudget,
      access: this.access,
      // Lingering only to tell its peer why, it must not refuse that person's next connection.
      onHostDisconnect: releaseSlot,
    });
    this.connections.add(connection);
    const listed = peer.healthCheck ? null : this.listeners.add(connection);
    void connection.closed.then(() => {
      listed?.remove();
      this.peakQueuedBytes = Math.max(this.peakQueuedBytes, connection.peakQueuedBytes);
      this.connections.delete(connection);
      keepShapes('connection', connection); // its maps outlive it (shapeKeeper.ts)
      releaseSlot();
    });
  }

  private onListenerError(error: NodeJS.ErrnoException): void {
    if (error.code === 'EMFILE' || error.code === 'ENFILE') this.onDescriptors(error.code);
    else this.serverLog.log(`server error: ${error.message}`);
  }

  private onDescriptors(code: string | null): void {
    // The server keeps listening either way; clients are served again as descriptors free up.
    this.serverLog.log(
      describeDescriptors(code, this.connections.size, this.limits.maxConnections),
    );
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
  const catalog = await LibraryCatalog.open({
    folder: options.folder,
    stateDir: options.stateDir,
    log: options.log,
  });
  const library = await catalog.scan();
  return new LibraryServer(library, options, catalog);
}
