import { EventEmitter } from 'node:events';
import { networkInterfaces } from 'node:os';
import { LibraryError } from '../library';
import {
  createLibraryServer,
  LibraryReloader,
  ServerStartError,
  type LibraryServer,
} from '../server';
import type { ConnectionLimits, PacingOptions } from '../server';
import { STOPPED_HOST, type HostRequest, type HostState } from '../shared/tidewaveApi';
import { ALL_INTERFACES_HOST, LOOPBACK_HOST } from '../shared/defaults';
import { shareAddresses, type InterfaceTable } from './shareAddresses';
import { HostAnnouncement, type HostAnnounceOptions } from './hostAnnouncement';
import { AddressWatch } from './addressWatch';
import { ActivityFeed } from './activityFeed';
import type { HostActivity } from '../shared/hostActivity';

export interface HostServiceOptions {
  /** `false` sends songs as fast as TCP allows (tests); the server's default paces them. */
  pacing?: PacingOptions | false;
  /** Rescan the hosted folder when its files change (the default); false hosts a fixed list. */
  watch?: boolean;
  log?: (line: string) => void;
  /** Where hosted folders' song ids and scan caches are kept (the app's user data). */
  stateDir?: string;
  networkInterfaces?: () => InterfaceTable;
  /** Read at each start: the caps and timeout the settings give (the server's defaults if absent). */
  limits?: () => Promise<Partial<ConnectionLimits>>;
  /** Announce a library shared on the network (DNS-SD); off unless given (the app gives it). */
  announce?: HostAnnounceOptions;
  /** The access code to host with (read at each start), or null for none. */
  accessCode?: () => Promise<string | null>;
  /** How often a library shared on the network checks this computer's addresses (ms). */
  addressPollMs?: number;
}

/**
 * The embedded library server: at most one, started and stopped one request at a time. Failures
 * show up twice, as `HostState.error` and as the rejected promise, with the same message.
 */
export class HostService extends EventEmitter<{
  changed: [HostState];
  /** Listeners or refusals changed (pushed, see ActivityFeed). */
  activity: [HostActivity];
}> {
  private server: LibraryServer | null = null;
  private reloader: LibraryReloader | null = null;
  private state: HostState = STOPPED_HOST;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly announcement: HostAnnouncement | null;
  private addressWatch: AddressWatch | null = null;
  private readonly feed = new ActivityFeed((activity) => this.emit('activity', activity));

  constructor(private readonly options: HostServiceOptions = {}) {
    super();
    this.announcement = options.announce
      ? new HostAnnouncement({
          ...options.announce,
          // A claim finished (`Name (2)`, or no name free): the panel shows what was announced.
          onNameChange: () => this.setState({ ...this.state }),
        })
      : null;
  }

  /** Hosts the same folder again (a new access code); stopped stays stopped. */
  restart(): Promise<HostState> {
    return this.serially(async () => {
      const { running, folder, port, shareOnLan } = this.state;
      if (!running || folder === null || port === null) return this.state;
      return this.startNow({ folder, port, shareOnLan });
    });
  }

  getState(): HostState {
    return this.state;
  }

  /** Who listens and who was refused; `activity` events say when it changes. */
  getActivity(): HostActivity {
    return this.feed.read();
  }

  /** The listener gets an `error` saying the host let it go, then the close. */
  disconnectListener(id: number): boolean {
    return this.server?.listeners.disconnect(id) ?? false;
  }

  disconnectAllListeners(): number {
    return this.server?.listeners.disconnectAll() ?? 0;
  }

  start(request: HostRequest): Promise<HostState> {
    return this.serially(() => this.startNow(request));
  }

  stop(): Promise<HostState> {
    return this.serially(async () => {
      await this.closeServer();
      return this.setState(STOPPED_HOST);
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    await this.announcement?.stop();
    this.feed.stop();
    this.removeAllListeners();
  }

  private async startNow({ folder, port, shareOnLan }: HostRequest): Promise<HostState> {
    await this.closeServer();
    const host = shareOnLan ? ALL_INTERFACES_HOST : LOOPBACK_HOST;
    let server: LibraryServer | null = null;
    try {
      const limits = await this.options.limits?.();
      const accessCode = (await this.options.accessCode?.()) ?? undefined;
      server = await createLibraryServer({
        folder,
        host,
        port,
        limits,
        accessCode,
        pacing: this.options.pacing,
        stateDir: this.options.stateDir,
        log: this.options.log,
      });
      const bound = await server.listen();
      this.server = server;
      this.feed.follow(server);
      if (this.options.watch !== false) {
        const running = server;
        this.reloader = new LibraryReloader(running, {
          log: this.options.log,
          onReloaded: (library) => this.onReloaded(running, library.songs.length),
        });
      }
      const readTable = this.options.networkInterfaces ?? networkInterfaces;
      const table = readTable();
      if (shareOnLan)
        this.watchAddresses(server, () => shareAddresses(true, bound.port, readTable()));
      return this.setState({
        running: true,
        folder: server.library.folder,
        port: bound.port,
        host,
        shareOnLan,
        shareAddresses: shareAddresses(shareOnLan, bound.port, table),
        songCount: server.library.songs.length,
        error: null,
        accessCode: server.hasAccessCode,
      });
    } catch (error) {
      await server?.close().catch(() => undefined);
      const failure = readableHostError(error);
      this.setState({ ...STOPPED_HOST, folder, port, shareOnLan, error: failure.message });
      throw failure;
    }
  }

  /** Network changes: the addresses shown and the announcement follow this computer's. */
  private watchAddresses(server: LibraryServer, read: () => string[]): void {
    this.addressWatch = new AddressWatch(
      read,
      (addresses) => {
        if (server !== this.server) return;
        this.setState({ ...this.state, shareAddresses: addresses }, true);
      },
      this.options.addressPollMs ?? 5_000,
    );
  }

  private async closeServer(): Promise<void> {
    this.addressWatch?.stop();
    this.addressWatch = null;
    const { server, reloader } = this;
    this.server = null;
    this.reloader = null;
    if (server) this.feed.follow(null);
    await reloader?.close();
    await server?.close();
  }

  /** The hosted folder changed and was rescanned: the host panel shows the new count. */
  private onReloaded(server: LibraryServer, songCount: number): void {
    if (server === this.server) this.setState({ ...this.state, songCount });
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private setState(state: HostState, addressesChanged = false): HostState {
    const announcement = this.announcement;
    if (announcement) {
      void announcement.follow(state, addressesChanged);
      // Known at once (the wanted name); the claimed one, or the error, follows its probe.
      state = { ...state, ...announcement.describe(state) };
    }
    this.state = state;
    this.emit('changed', state);
    return state;
  }
}

/** Start errors already read well (port in use, folder missing); keep them, codes included. */
function readableHostError(error: unknown): Error {
  // A plain Error: the IPC layers add a code they find on an error ("(EMPTY)") to its text.
  if (error instanceof LibraryError && error.code === 'EMPTY') {
    return new Error(
      `There are no songs to host in ${error.folder}: add MP3, FLAC, Ogg Vorbis, Opus or WAV files, or choose another folder.`,
    );
  }
  if (error instanceof ServerStartError || error instanceof LibraryError) return error;
  return new Error(`Could not start hosting: ${error instanceof Error ? error.message : error}`);
}
