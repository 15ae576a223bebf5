import { hostname } from 'node:os';
import path from 'node:path';
import {
  LibraryAnnouncer,
  SERVER_EXTENSIONS,
  instanceName,
  isAnnounceableHost,
  type LibraryAnnouncement,
  type MulticastOptions,
} from '../discovery';
import type { HostState } from '../shared/tidewaveApi';

/** What the host needs of an announcer (LibraryAnnouncer; tests may count calls). */
export interface Announcer {
  /** Resolves to the name announced (`Name (2)` when another library has the name). */
  start(): Promise<string>;
  update(library: LibraryAnnouncement): Promise<string>;
  stop(): Promise<void>;
}

/** Under what name the hosted library is on the network, or why it is not. */
export interface AnnouncedName {
  /** The name other computers see; the wanted one until the claim is done; null: none. */
  announcedAs: string | null;
  /** Why the library could not be announced (every name taken, no multicast); else null. */
  announceError: string | null;
}

export interface HostAnnounceOptions {
  multicast?: MulticastOptions;
  /** The library's name; default: the computer's name and the folder's. */
  name?: (folder: string) => string;
  onError?: (error: Error) => void;
  /** The announced name or its error changed (a claim finished): the host state shows it. */
  onNameChange?: () => void;
  createAnnouncer?: (port: number, library: LibraryAnnouncement) => Announcer;
}

/** The default library name, as the CLI server's: the computer's name and the folder's. */
export function hostLibraryName(folder: string): string {
  return `${hostname()}: ${path.basename(folder)}`;
}

/**
 * What a host state announces, or null: only a running library shared on the network (bound
 * beyond loopback) is announced (issue 13); one kept on this computer is not.
 */
export function announcementFor(state: HostState, name: string): LibraryAnnouncement | null {
  if (!state.running || !state.shareOnLan || state.port === null) return null;
  if (!isAnnounceableHost(state.host ?? '')) return null;
  return {
    name: instanceName(name),
    songCount: state.songCount,
    extensions: SERVER_EXTENSIONS,
    accessCode: state.accessCode === true,
  };
}

function sameAnnouncement(a: LibraryAnnouncement, b: LibraryAnnouncement): boolean {
  return (
    a.name === b.name &&
    a.songCount === b.songCount &&
    a.accessCode === b.accessCode &&
    a.extensions.join(',') === b.extensions.join(',')
  );
}

/**
 * Keeps the network's picture of the hosted library in step with the host state: announces it,
 * re-announces a change (song count, access code, new addresses), and says goodbye when hosting
 * stops or leaves the network. Steps run one at a time, in order.
 */
export class HostAnnouncement {
  private current: {
    port: number;
    library: LibraryAnnouncement;
    announcer: Announcer;
    /** Null while the name is being claimed. */
    announced: string | null;
    error: string | null;
  } | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: HostAnnounceOptions) {}

  /** The name announced now, or null. */
  get announcedAs(): string | null {
    return this.current?.announced ?? null;
  }

  /** The name `state` is announced as, or null when it is not announced. */
  nameFor(state: HostState): string | null {
    return this.describe(state).announcedAs;
  }

  /**
   * What the host panel says of `state`'s announcement: the claimed name once known (the wanted
   * one until then), or the error that kept it off the network.
   */
  describe(state: HostState): AnnouncedName {
    const name = (this.options.name ?? hostLibraryName)(state.folder ?? '');
    const wanted = announcementFor(state, name);
    if (!wanted) return { announcedAs: null, announceError: null };
    const current = this.current;
    if (current && current.port === state.port && current.library.name === wanted.name) {
      if (current.error !== null) return { announcedAs: null, announceError: current.error };
      return { announcedAs: current.announced ?? wanted.name, announceError: null };
    }
    return { announcedAs: wanted.name, announceError: null };
  }

  /** Follows `state`; `addressesChanged` re-announces even an unchanged library. */
  follow(state: HostState, addressesChanged = false): Promise<void> {
    const name = (this.options.name ?? hostLibraryName)(state.folder ?? '');
    const wanted = announcementFor(state, name);
    return this.serially(async () => {
      const current = this.current;
      if (current && wanted && current.port === state.port) {
        if (!addressesChanged && sameAnnouncement(current.library, wanted)) return;
        current.library = wanted;
        await this.settle(current, () => current.announcer.update(wanted));
        return;
      }
      this.current = null;
      await current?.announcer.stop();
      if (!wanted || state.port === null) return;
      const announcer = this.create(state.port, wanted);
      const next = { port: state.port, library: wanted, announcer, announced: null, error: null };
      this.current = next;
      await this.settle(next, () => announcer.start());
    });
  }

  /** Runs a claim and keeps its outcome: the name announced, or why none was. */
  private async settle(
    entry: NonNullable<HostAnnouncement['current']>,
    claim: () => Promise<string>,
  ): Promise<void> {
    const before = `${entry.announced}|${entry.error}`;
    try {
      entry.announced = await claim();
      entry.error = null;
    } catch (error) {
      entry.announced = null;
      entry.error = `Not announced on your network: ${error instanceof Error ? error.message : String(error)}`;
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
    if (`${entry.announced}|${entry.error}` !== before) this.options.onNameChange?.();
  }

  /** Goodbye, if announced. */
  stop(): Promise<void> {
    return this.serially(async () => {
      const current = this.current;
      this.current = null;
      await current?.announcer.stop();
    });
  }

  private create(port: number, library: LibraryAnnouncement): Announcer {
    const { createAnnouncer, multicast, onError } = this.options;
    return createAnnouncer
      ? createAnnouncer(port, library)
      : new LibraryAnnouncer(port, library, multicast, onError);
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const result = this.queue.then(step, step);
    this.queue = result.catch((error: unknown) =>
      this.options.onError?.(error instanceof Error ? error : new Error(String(error))),
    );
    return this.queue;
  }
}
