import { KeychainUnavailableError } from '../settings/accessCodes';

/** The remembered codes' store (AccessCodes over safeStorage). */
export interface CodeStore {
  get(libraryId: string): Promise<string | null>;
  /** As get, but rejects when a code is kept and cannot be read back. */
  getOrThrow(libraryId: string): Promise<string | null>;
  remember(libraryId: string, code: string): Promise<void>;
  forget(libraryId: string): Promise<void>;
}

/** The key of the library hosted by this computer. */
export const HOST_CODE_ID = 'this-computer:hosted-library';

/** A library's keys: its address, and its announced name when it was found on the network. */
export function libraryKeys(host: string, port: number, announcedName?: string | null): string[] {
  const keys = [`address:${host}:${port}`];
  if (announcedName) keys.push(`library:${announcedName}`);
  return keys;
}

/**
 * The access codes the player proves (issue 13 item 2): one being tried now, in memory, until
 * the server accepts it; then remembered per library, encrypted by the OS keychain (never in
 * plain text on disk). A library found on the network is also known by its name, so its code
 * still works after its address changed.
 */
export class AccessCodeBook {
  private readonly trying = new Map<string, string>();
  /** Accepted codes the keychain could not keep: good for this run only. */
  private readonly session = new Map<string, string>();

  constructor(
    private readonly store: CodeStore,
    private readonly nameAt: (host: string, port: number) => string | null,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** The code to prove to `host:port`, if any is known. */
  async codeFor(host: string, port: number): Promise<string | undefined> {
    const keys = libraryKeys(host, port, this.nameAt(host, port));
    for (const key of keys) {
      const code = this.trying.get(key) ?? this.session.get(key) ?? (await this.store.get(key));
      if (code !== null && code !== undefined) return code;
    }
    return undefined;
  }

  /** Uses `code` for `host:port` from now on, not yet remembered. */
  tryCode(host: string, port: number, code: string): void {
    this.trying.set(libraryKeys(host, port)[0], code);
  }

  /** The server accepted the code being tried: remember it under every key of the library. */
  async keep(host: string, port: number): Promise<void> {
    const code = this.trying.get(libraryKeys(host, port)[0]);
    if (code === undefined) return;
    this.trying.delete(libraryKeys(host, port)[0]);
    for (const key of libraryKeys(host, port, this.nameAt(host, port))) {
      try {
        await this.store.remember(key, code);
      } catch (error) {
        if (!(error instanceof KeychainUnavailableError)) throw error;
        this.session.set(key, code);
        this.log(error.message);
      }
    }
  }

  /** The code was refused: it is neither tried again nor remembered. */
  async drop(host: string, port: number): Promise<void> {
    this.trying.delete(libraryKeys(host, port)[0]);
    for (const key of libraryKeys(host, port, this.nameAt(host, port))) {
      this.session.delete(key);
      await this.store.forget(key);
    }
  }

  /** The hosted library's code; rejects when one is kept but the keychain cannot read it. */
  hostCode(): Promise<string | null> {
    return this.store.getOrThrow(HOST_CODE_ID);
  }

  /** '' removes the hosted library's code. Refuses to keep one the keychain cannot protect. */
  async setHostCode(code: string): Promise<void> {
    if (code.trim() === '') await this.store.forget(HOST_CODE_ID);
    else await this.store.remember(HOST_CODE_ID, code.trim());
  }
}
