import type { ConnectionState, FoundLibraryInfo, HostState } from '../shared/tidewaveApi';
import type { AccessCodeBook } from './accessCodeBook';

/** What the IPC handlers reach for discovery and access codes. */
export interface LibrarySharing {
  foundLibraries(): FoundLibraryInfo[];
  connectWithCode(host: string, port: number, code: string): Promise<ConnectionState>;
  setHostAccessCode(code: string): Promise<HostState>;
  /** Calls `listener` with the whole found list on every change; returns the undo. */
  watchFound(listener: (libraries: FoundLibraryInfo[]) => void): () => void;
}

/** The server's refusal of a wrong code (AccessRefusedError, PROTOCOL §15). */
export function isWrongCode(error: unknown): boolean {
  return error instanceof Error && /wrong access code/i.test(error.message);
}

export interface SharingParts {
  book: AccessCodeBook;
  discovery: {
    readonly found: FoundLibraryInfo[];
    on(event: 'found', listener: (libraries: FoundLibraryInfo[]) => void): unknown;
    off(event: 'found', listener: (libraries: FoundLibraryInfo[]) => void): unknown;
  } | null;
  playback: { connect(host: string, port: number): Promise<ConnectionState> };
  host: { restart(): Promise<HostState> };
}

export function createLibrarySharing({
  book,
  discovery,
  playback,
  host,
}: SharingParts): LibrarySharing {
  return {
    foundLibraries: () => discovery?.found ?? [],
    async connectWithCode(address, port, code) {
      book.tryCode(address, port, code);
      try {
        const state = await playback.connect(address, port);
        await book.keep(address, port);
        return state;
      } catch (error) {
        // A refused code is not tried again; after a network failure it is, on reconnect.
        if (isWrongCode(error)) await book.drop(address, port);
        throw error;
      }
    },
    async setHostAccessCode(code) {
      await book.setHostCode(code);
      return host.restart(); // the running server takes the new code
    },
    watchFound(listener) {
      discovery?.on('found', listener);
      return () => void discovery?.off('found', listener);
    },
  };
}
