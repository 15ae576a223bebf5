import Bonjour from 'bonjour-service';
import {
  SERVICE_TYPE,
  encodeLibraryTxt,
  instanceName,
  type LibraryAnnouncement,
} from './libraryTxt';

/** Where the multicast socket binds; tests pin it to loopback in a private network namespace. */
export interface MulticastOptions {
  interface?: string;
  bind?: string;
}

/**
 * bonjour-service passes its first argument to multicast-dns (interface, bind) but types it as
 * a service's config; this says what it really is.
 */
export function multicastConfig(options: MulticastOptions): Partial<Bonjour.ServiceConfig> {
  return { ...options } as unknown as Partial<Bonjour.ServiceConfig>;
}

/**
 * Announces one library as `_tidewave._tcp` over multicast DNS (bonjour-service), and says
 * goodbye (records with TTL 0) when stopped, so browsers drop it at once instead of at expiry.
 */
export class LibraryAnnouncer {
  private readonly bonjour: Bonjour;
  private service: Bonjour.Service | null = null;
  private library: LibraryAnnouncement;

  constructor(
    private readonly port: number,
    library: LibraryAnnouncement,
    multicast: MulticastOptions = {},
    onError: (error: Error) => void = () => {},
  ) {
    this.library = library;
    this.bonjour = new Bonjour(multicastConfig(multicast), onError);
  }

  start(): void {
    this.publish(true);
  }

  /**
   * Announces a changed library (song count, access code). bonjour-service cannot replace a
   * published TXT record, so the service says goodbye and comes back with the new one.
   */
  async update(library: LibraryAnnouncement): Promise<void> {
    this.library = library;
    await this.withdraw();
    // No probe: the name was ours a moment ago, and our own goodbye, looped back, would
    // answer the probe and be taken for another library using the name.
    this.publish(false);
  }

  /** Sends the goodbye packets and closes the multicast socket. */
  async stop(): Promise<void> {
    await this.withdraw();
    await new Promise<void>((resolve) => this.bonjour.destroy(() => resolve()));
  }

  private publish(probe: boolean): void {
    if (this.service) return;
    this.service = this.bonjour.publish({
      name: instanceName(this.library.name),
      type: SERVICE_TYPE,
      port: this.port,
      txt: encodeLibraryTxt(this.library),
      probe,
    });
  }

  private async withdraw(): Promise<void> {
    const service = this.service;
    this.service = null;
    if (service) await new Promise<void>((resolve) => service.stop?.(() => resolve()));
  }
}
