import type { HostRequest } from '../shared/tidewaveApi';
import { JsonFile } from './jsonFile';

/**
 * Remembers what this machine hosts, so the next launch hosts it again: the renderer's settings
 * say where to connect, this says what to serve. Null when nothing is hosted.
 */
export class HostingRecord {
  private readonly file: JsonFile;

  constructor(filePath: string) {
    this.file = new JsonFile(filePath);
  }

  async load(): Promise<HostRequest | null> {
    const content = await this.file.read();
    if (content.kind !== 'ok') return null;
    const value = content.value as Partial<HostRequest> | null;
    if (
      typeof value?.folder === 'string' &&
      Number.isInteger(value.port) &&
      typeof value.shareOnLan === 'boolean'
    ) {
      return { folder: value.folder, port: value.port as number, shareOnLan: value.shareOnLan };
    }
    return null;
  }

  save(request: HostRequest | null): Promise<void> {
    return this.file.write(request);
  }
}
