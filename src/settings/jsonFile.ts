import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a JSON file held: nothing yet, something unreadable, or a parsed value. */
export type JsonFileContent =
  { kind: 'missing' } | { kind: 'corrupt' } | { kind: 'ok'; value: unknown };

/**
 * A small JSON file written atomically (temporary file, then rename) so a crash mid-write never
 * leaves half a file; writes are queued so the last one wins.
 */
export class JsonFile {
  private writes: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async read(): Promise<JsonFileContent> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'corrupt' };
    }
    try {
      return { kind: 'ok', value: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'corrupt' };
    }
  }

  /** Resolves once every write asked for so far is on disk (or failed): for a tidy shutdown. */
  flush(): Promise<void> {
    return this.writes;
  }

  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const task = async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, this.path);
    };
    const result = this.writes.then(task, task);
    this.writes = result.catch(() => undefined);
    return result;
  }
}
