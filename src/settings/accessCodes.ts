import { JsonFile } from './jsonFile';

/** The OS keychain's encryption, as Electron's safeStorage offers it. */
export interface StringEncryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Why a code was not remembered. */
export class KeychainUnavailableError extends Error {
  constructor() {
    super('The system keychain is not available, so the access code is not remembered.');
    this.name = 'KeychainUnavailableError';
  }
}

const FILE_VERSION = 1;

/**
 * Access codes remembered per library (issue 13), each encrypted by the OS keychain
 * (safeStorage) and stored as base64: the file never holds a code in plain text. Without a
 * keychain nothing is remembered; the code is asked for again next time.
 */
export class AccessCodes {
  private readonly file: JsonFile;
  private codes: Map<string, string> | null = null;

  constructor(
    path: string,
    private readonly encryptor: StringEncryptor,
  ) {
    this.file = new JsonFile(path);
  }

  /**
   * The remembered code of `libraryId`, or null when none is; throws when one is kept but the
   * keychain cannot give it back (what a host must not take as "no code").
   * @throws KeychainUnavailableError
   */
  async getOrThrow(libraryId: string): Promise<string | null> {
    const encrypted = (await this.load()).get(libraryId);
    if (encrypted === undefined) return null;
    if (!this.encryptor.isEncryptionAvailable()) throw new KeychainUnavailableError();
    try {
      return this.encryptor.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      throw new KeychainUnavailableError();
    }
  }

  /** The remembered code of `libraryId`, or null (also when it cannot be decrypted any more). */
  async get(libraryId: string): Promise<string | null> {
    const encrypted = (await this.load()).get(libraryId);
    if (encrypted === undefined || !this.encryptor.isEncryptionAvailable()) return null;
    try {
      return this.encryptor.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      return null; // another user's or machine's keychain: as good as forgotten
    }
  }

  /** @throws KeychainUnavailableError rather than store the code unencrypted. */
  async remember(libraryId: string, code: string): Promise<void> {
    if (!this.encryptor.isEncryptionAvailable()) throw new KeychainUnavailableError();
    const codes = await this.load();
    codes.set(libraryId, this.encryptor.encryptString(code).toString('base64'));
    await this.save(codes);
  }

  async forget(libraryId: string): Promise<void> {
    const codes = await this.load();
    if (codes.delete(libraryId)) await this.save(codes);
  }

  private async load(): Promise<Map<string, string>> {
    if (this.codes) return this.codes;
    const content = await this.file.read();
    const entries =
      content.kind === 'ok' && isRecord(content.value) && isRecord(content.value.codes)
        ? Object.entries(content.value.codes).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          )
        : [];
    this.codes = new Map(entries);
    return this.codes;
  }

  private save(codes: Map<string, string>): Promise<void> {
    return this.file.write({ version: FILE_VERSION, codes: Object.fromEntries(codes) });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
