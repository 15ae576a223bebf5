import { join, resolve } from 'node:path';
import { HostingRecord } from '../settings';

export class HostFolderRefusedError extends Error {
  override readonly name = 'HostFolderRefusedError';
  constructor() {
    super('Choose the folder with the folder picker first');
  }
}

/**
 * The folders the page may ask main to host. Hosting serves a folder to whoever can reach the
 * port (the whole LAN when shared), so a compromised page must not name one of its own choosing:
 * only folders the person chose count — picked with the native folder picker in this run, the
 * bundled music, or one hosted now or when the app last ran. Compared with `.` and `..` resolved.
 */
export class HostableFolders {
  private readonly folders = new Set<string>();

  constructor(folders: Iterable<string | null> = []) {
    for (const folder of folders) this.allow(folder);
  }

  allow(folder: string | null | undefined): void {
    if (folder) this.folders.add(resolve(folder));
  }

  has(folder: string): boolean {
    return this.folders.has(resolve(folder));
  }

  /** @throws HostFolderRefusedError when `folder` was not chosen by the person. */
  check(folder: string): void {
    if (!this.has(folder)) throw new HostFolderRefusedError();
  }
}

/**
 * The folder the services' hosting record (userData/hosting.json, see createAppServices) says was
 * hosted when the app last quit; bootstrap hosts it again. Read before bootstrap rewrites it.
 */
export async function previouslyHostedFolder(userDataDir: string): Promise<string | null> {
  const record = await new HostingRecord(join(userDataDir, 'hosting.json')).load();
  return record?.folder ?? null;
}
