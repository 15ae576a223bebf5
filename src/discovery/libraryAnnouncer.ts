import Bonjour from 'bonjour-service';
import {
  SERVICE_TYPE,
  encodeLibraryTxt,
  instanceName,
  type LibraryAnnouncement,
} from './libraryTxt';
import { claimName, type ClaimOptions, type MulticastQuerier } from './nameClaim';

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
 * The name is claimed first (nameClaim.ts): taken by another library, it becomes `Name (2)`.
 */
export class LibraryAnnouncer {
  private readonly bonjour: Bonjour;
  private service: Bonjour.Service | null = null;
  private library: LibraryAnnouncement;
  /** The name asked for and the one claimed for it; null until claimed. */
  private claimed: { base: string; name: string } | null = null;
  private stopped = false;

  constructor(
    private readonly port: number,
    library: LibraryAnnouncement,
    multicast: MulticastOptions = {},
    onError: (error: Error) => void = () => {},
    private readonly claimOptions: ClaimOptions = {},
  ) {
    this.library = library;
    this.bonjour = new Bonjour(multicastConfig(multicast), onError);
  }

  /** The name announced, or null before the claim finished. */
  get announcedName(): string | null {
    return this.claimed?.name ?? null;
  }

  /**
   * Claims a name no other library answers for, then announces under it.
   * @returns the name announced (the library's own, or `Name (2)` and so on).
   * @throws NameConflictError when every name tried is taken; nothing is announced then.
   */
  async start(): Promise<string> {
    const name = await this.claim(this.library.name);
    this.publish();
    return name;
  }

  /**
   * Announces a changed library (song count, access code). bonjour-service cannot replace a
   * published TXT record, so the service says goodbye and comes back with the new one. Returns
   * the name announced: the one claimed before, unless the library's name changed.
   */
  async update(library: LibraryAnnouncement): Promise<string> {
    this.library = library;
    await this.withdraw();
    // Probing again only for a new name: our own goodbye, looped back, could answer the probe
    // and be taken for another library using the name.
    const name =
      this.claimed?.base === library.name ? this.claimed.name : await this.claim(library.name);
    this.publish();
    return name;
  }

  /** Sends the goodbye packets and closes the multicast socket. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.withdraw();
    await new Promise<void>((resolve) => this.bonjour.destroy(() => resolve()));
  }

  private async claim(base: string): Promise<string> {
    // bonjour-service keeps its multicast-dns socket private; the claim asks through it.
    const { mdns } = (this.bonjour as unknown as { server: { mdns: MulticastQuerier } }).server;
    const name = await claimName(mdns, base, SERVICE_TYPE, this.claimOptions);
    this.claimed = { base, name };
    return name;
  }

  private publish(): void {
    if (this.service || this.stopped || !this.claimed) return;
    const library = { ...this.library, name: this.claimed.name };
    this.service = this.bonjour.publish({
      name: instanceName(library.name),
      type: SERVICE_TYPE,
      port: this.port,
      txt: encodeLibraryTxt(library),
      // Claimed above: bonjour-service's own probe would, on a conflict, say goodbye for the
      // other library's name.
      probe: false,
    });
  }

  private async withdraw(): Promise<void> {
    const service = this.service;
    this.service = null;
    if (service) await new Promise<void>((resolve) => service.stop?.(() => resolve()));
  }
}
