import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TempLibrary {
  folder: string;
  remove(): Promise<void>;
}

/** A temporary music folder holding the given files (name → bytes). */
export async function makeTempLibrary(files: Record<string, Buffer>): Promise<TempLibrary> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-server-test-'));
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(path.join(folder, name), bytes);
  }
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * Random bytes with both delimiters sprinkled through them, so a server that framed song data
 * carelessly would corrupt it. Not an MP3, which the library tolerates.
 */
export function bytesWithDelimiters(size: number): Buffer {
  const bytes = randomBytes(size);
  const delimiters = [Buffer.from('<NEXT;>'), Buffer.from('<END;>'), Buffer.from('<NEXT;><END;>')];
  for (let at = 100; at + 20 < size; at += 997) {
    delimiters[at % 3].copy(bytes, at);
  }
  return bytes;
}
