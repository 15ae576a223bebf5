import { EventEmitter } from 'node:events';
import Bonjour from 'bonjour-service';
import { multicastConfig, type MulticastOptions } from './libraryAnnouncer';
import { SERVICE_TYPE, decodeLibraryTxt, type LibraryAnnouncement } from './libraryTxt';

/** A library found on the network. */
export interface FoundLibrary extends LibraryAnnouncement {
  /** Stable while the library is announced: its DNS-SD full name. */
  id: string;
  /** Addresses to connect to, IPv4 first; the announcement's sender when it listed none. */
  addresses: string[];
  port: number;
}

export type LibraryBrowserEvents = {
  /** The whole list, after any library appeared, changed or disappeared. */
  change: [libraries: FoundLibrary[]];
};

/** Lists the Tidewave libraries announced on the network, live (for the app's main process). */
export class LibraryBrowser extends EventEmitter<LibraryBrowserEvents> {
  private readonly bonjour: Bonjour;
  private browser: Bonjour.Browser | null = null;
  private readonly found = new Map<string, FoundLibrary>();

  constructor(multicast: MulticastOptions = {}, onError: (error: Error) => void = () => {}) {
    super();
    this.bonjour = new Bonjour(multicastConfig(multicast), onError);
  }

  get libraries(): FoundLibrary[] {
    return [...this.found.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  start(): void {
    if (this.browser) return;
    const browser = this.bonjour.find({ type: SERVICE_TYPE });
    browser.on('up', (service) => this.put(service));
    browser.on('txt-update', (service) => this.put(service));
    browser.on('srv-update', (service) => this.put(service));
    browser.on('down', (service) => {
      if (this.found.delete(service.fqdn)) this.emit('change', this.libraries);
    });
    this.browser = browser;
  }

  /** Asks the network again (after a network change or wake-up). */
  refresh(): void {
    this.browser?.update();
  }

  stop(): Promise<void> {
    this.browser?.stop();
    this.browser = null;
    return new Promise((resolve) => this.bonjour.destroy(() => resolve()));
  }

  private put(service: Bonjour.Service): void {
    this.found.set(service.fqdn, toFoundLibrary(service));
    this.emit('change', this.libraries);
  }
}

export function toFoundLibrary(service: Bonjour.Service): FoundLibrary {
  // A link-local IPv6 address is useless without its interface (fe80::1%eth0), which DNS-SD
  // does not carry: the sender's address stands in when nothing else is left.
  const listed = [...(service.addresses ?? [])]
    .filter((a) => !/^fe80:/i.test(a))
    .sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
  const addresses = listed.length > 0 ? listed : service.referer ? [service.referer.address] : [];
  return {
    id: service.fqdn,
    addresses,
    port: service.port,
    ...decodeLibraryTxt(service.txt as Record<string, unknown> | undefined, service.name),
  };
}
