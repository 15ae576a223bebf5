import { EventEmitter } from 'node:events';
import type { FoundLibrary } from '../discovery';
import type { ConnectionState, FoundLibraryInfo } from '../shared/tidewaveApi';

/** What the glue needs of discovery's LibraryBrowser. */
export interface BrowserLike {
  readonly libraries: FoundLibrary[];
  start(): void;
  refresh(): void;
  stop(): Promise<void>;
  on(event: 'change', listener: (libraries: FoundLibrary[]) => void): unknown;
}

/** What the glue needs of the player. */
export interface PlayerLike {
  getConnection(): ConnectionState;
  connect(host: string, port: number): Promise<ConnectionState>;
  checkConnection(): void;
  on(event: 'connection', listener: (state: ConnectionState) => void): unknown;
  off(event: 'connection', listener: (state: ConnectionState) => void): unknown;
}

/** The renderer's picture of a found library: only what the connection bar shows and uses. */
export function toFoundLibraryInfo(library: FoundLibrary): FoundLibraryInfo {
  const { id, name, addresses, port, songCount, accessCode } = library;
  return { id, name, addresses, port, songCount, accessCode };
}

/** The found library served at `host:port`, if any. */
export function libraryAt(
  libraries: readonly FoundLibraryInfo[],
  host: string,
  port: number,
): FoundLibraryInfo | undefined {
  return libraries.find((library) => library.port === port && library.addresses.includes(host));
}

/**
 * What to do when the found list changes while the connection is lost (issue 13 item 4): the
 * library we listened to is back, at the same address (hurry the reconnect loop) or at a new
 * one (connect there). Pure, so it is tested without a network.
 */
export function reappearanceAction(
  connection: ConnectionState,
  listenedTo: string | null,
  before: readonly FoundLibraryInfo[],
  now: readonly FoundLibraryInfo[],
): { kind: 'none' } | { kind: 'hurry' } | { kind: 'connect'; host: string; port: number } {
  if (listenedTo === null) return { kind: 'none' };
  if (connection.status !== 'reconnecting' && connection.status !== 'error')
    return { kind: 'none' };
  const back = now.find((library) => library.id === listenedTo);
  if (!back || back.addresses.length === 0) return { kind: 'none' };
  const was = before.find((library) => library.id === listenedTo);
  const moved = was?.addresses.join() !== back.addresses.join() || was?.port !== back.port;
  if (was && !moved) return { kind: 'none' };
  const reachable = back.port === connection.port && back.addresses.includes(connection.host);
  if (reachable && connection.status === 'reconnecting') return { kind: 'hurry' };
  return { kind: 'connect', host: back.addresses[0], port: back.port };
}

/**
 * The main process's side of discovery: runs the browser, keeps the found list for the
 * renderer (`found` events), remembers which found library the player listens to, and
 * reconnects to it when it comes back after a network change.
 */
export class LibraryDiscovery extends EventEmitter<{ found: [FoundLibraryInfo[]] }> {
  private libraries: FoundLibraryInfo[] = [];
  private listenedTo: string | null = null;
  private readonly onConnection = (state: ConnectionState) => {
    if (state.status === 'connected') {
      this.listenedTo = libraryAt(this.libraries, state.host, state.port)?.id ?? null;
    } else if (state.status === 'disconnected') {
      this.listenedTo = null;
    }
  };

  constructor(
    private readonly browser: BrowserLike,
    private readonly player: PlayerLike,
    private readonly log: (message: string) => void = () => {},
  ) {
    super();
    browser.on('change', (libraries) => this.onFound(libraries.map(toFoundLibraryInfo)));
    player.on('connection', this.onConnection);
    browser.start();
  }

  get found(): FoundLibraryInfo[] {
    return this.libraries;
  }

  /** The announced name of the library at `host:port`, if it was found. */
  nameAt(host: string, port: number): string | null {
    return libraryAt(this.libraries, host, port)?.name ?? null;
  }

  /** Asks the network again (after this computer's addresses changed). */
  refresh(): void {
    this.browser.refresh();
  }

  async dispose(): Promise<void> {
    this.player.off('connection', this.onConnection);
    this.removeAllListeners();
    await this.browser.stop();
  }

  private onFound(now: FoundLibraryInfo[]): void {
    const before = this.libraries;
    this.libraries = now;
    const connection = this.player.getConnection();
    if (connection.status === 'connected' && this.listenedTo === null)
      this.onConnection(connection);
    const action = reappearanceAction(connection, this.listenedTo, before, now);
    if (action.kind === 'hurry') {
      this.log('The library is back on the network: reconnecting now');
      this.player.checkConnection();
    } else if (action.kind === 'connect') {
      this.log(`The library is back at ${action.host}:${action.port}: connecting there`);
      void this.player.connect(action.host, action.port).catch(() => undefined);
    }
    this.emit('found', now);
  }
}
