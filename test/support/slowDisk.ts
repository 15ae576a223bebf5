import { fstatSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { vi } from 'vitest';

export interface SlowDisk {
  /** Reads of the file asked for so far (each waits until release()). */
  readonly heldReads: number;
  /** Lets every held read of the file, and every later one, go to the disk. */
  release(): void;
  /** Puts FileHandle.read back as it was. */
  restore(): void;
}

/**
 * A stand-in for the slowest disk: every `FileHandle.read` of `file` (any handle, matched by
 * inode) waits until release(), then reads for real; reads of other files are untouched. The
 * server's opens, stats and security checks still run on the real file.
 */
export async function slowDisk(file: string): Promise<SlowDisk> {
  const { dev, ino } = await stat(file);
  const probe = await open(file);
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const read = prototype.read;
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let heldReads = 0;
  const spy = vi.spyOn(prototype, 'read').mockImplementation(async function (
    this: FileHandle,
    ...args: unknown[]
  ) {
    const opened = fstatSync(this.fd);
    if (opened.ino === ino && opened.dev === dev) {
      heldReads += 1;
      await released;
    }
    return Reflect.apply(read, this, args) as ReturnType<FileHandle['read']>;
  } as FileHandle['read']);
  return {
    get heldReads() {
      return heldReads;
    },
    release,
    restore: () => spy.mockRestore(),
  };
}
