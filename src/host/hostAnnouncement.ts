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
  start(): void;
  update(library: LibraryAnnouncement): Promise<void>;
  stop(): Promise<void>;
}

export interface HostAnnounceOptions {
  multicast?: MulticastOptions;
  /** The library's name; default: the computer's name and the folder's. */
  name?: (folder: string) => string;
  onError?: (error: Error) => void;
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
  private current: { port: number; library: LibraryAnnouncement; announcer: Announcer } | null =
    null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: HostAnnounceOptions) {}

  /** The name announced now, or null. */
  get announcedAs(): string | null {
    return this.current?.library.name ?? null;
  }

  /** The name `state` is announced as, or null when it is not announced. */
  nameFor(state: HostState): string | null {
    const name = (this.options.name ?? hostLibraryName)(state.folder ?? '');
    return announcementFor(state, name)?.name ?? null;
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
        await current.announcer.update(wanted);
        return;
      }
      this.current = null;
      await current?.announcer.stop();
      if (!wanted || state.port === null) return;
      const announcer = this.create(state.port, wanted);
      announcer.start();
      this.current = { port: state.port, library: wanted, announcer };
    });
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
