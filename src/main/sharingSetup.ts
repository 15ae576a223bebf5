import { networkInterfaces } from 'node:os';
import type { AppServices } from '../appServices';
import { LibraryBrowser } from '../discovery';
import { AddressWatch, shareAddresses, type HostServiceOptions } from '../host';
import type { PlaybackServiceOptions } from '../player';
import { AccessCodeBook } from './accessCodeBook';
import { createAccessCodes } from './accessCodeKeychain';
import { LibraryDiscovery } from './libraryDiscovery';
import { createLibrarySharing, type LibrarySharing } from './librarySharing';

/** How often this computer's addresses are read (network changes, issue 13 item 4). */
const ADDRESS_POLL_MS = 5_000;

/** Why hosting did not start: the host's access code is in the keychain, which failed. */
export const KEYCHAIN_FAILED =
  'the access code could not be read from the system keychain, so the library is not hosted ' +
  'without it; set the code again in the host panel';

export interface SharingSetup {
  /** For createAppServices: access codes asked at every connect and reconnect. */
  playback: Pick<PlaybackServiceOptions, 'accessCodeFor'>;
  /** For createAppServices: announce "Share on my network", host with the saved code. */
  host: Pick<HostServiceOptions, 'announce' | 'accessCode' | 'addressPollMs'>;
  /** Starts discovery once the services exist; what the IPC handlers reach. */
  start(services: Pick<AppServices, 'playback' | 'host'>): LibrarySharing;
  dispose(): Promise<void>;
}

/**
 * The app's sharing (issue 13), wired in two steps around createAppServices: codes remembered
 * through safeStorage, the network browser in this process, and a watch of this computer's
 * addresses that asks the network again when they change.
 */
export function createSharingSetup(log: (message: string) => void): SharingSetup {
  let discovery: LibraryDiscovery | null = null;
  let addressWatch: AddressWatch | null = null;
  const codes = new AccessCodeBook(
    createAccessCodes(),
    (host, port) => discovery?.nameAt(host, port) ?? null,
    log,
  );
  return {
    playback: { accessCodeFor: (host, port) => codes.codeFor(host, port) },
    host: {
      announce: { onError: (error) => log(`announcement: ${error.message}`) },
      // A code the keychain cannot read must not host the library open: fail, and say why.
      accessCode: () => codes.hostCode().catch(() => Promise.reject(new Error(KEYCHAIN_FAILED))),
      addressPollMs: ADDRESS_POLL_MS,
    },
    start({ playback, host }) {
      discovery = new LibraryDiscovery(
        new LibraryBrowser({}, (error) => log(`browser: ${error.message}`)),
        playback,
        log,
      );
      const found = discovery;
      addressWatch = new AddressWatch(
        () => shareAddresses(true, 0, networkInterfaces()),
        () => found.refresh(),
        ADDRESS_POLL_MS,
      );
      return createLibrarySharing({ book: codes, discovery, playback, host });
    },
    async dispose() {
      addressWatch?.stop();
      await discovery?.dispose();
    },
  };
}
