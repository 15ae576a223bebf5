import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from './mp3Fixtures';
import { slowDisk, type SlowDisk } from './slowDisk';

describe('a slow disk stand-in', () => {
  const undo: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of undo.splice(0).reverse()) await step();
  });

  it("holds its file's reads until released, and no other file's", async () => {
    const dir = await makeTempDir();
    undo.push(() => removeDir(dir));
    const [slowFile, otherFile] = [path.join(dir, 'slow'), path.join(dir, 'other')];
    await writeFile(slowFile, 'slow bytes');
    await writeFile(otherFile, 'other bytes');
    const disk: SlowDisk = await slowDisk(slowFile);
    undo.push(() => disk.restore());
    const [slow, other] = await Promise.all([open(slowFile), open(otherFile)]);
    undo.push(
      () => slow.close(),
      () => other.close(),
    );

    let slowRead: string | null = null;
    const reading = slow.read(Buffer.alloc(4), 0, 4, 0).then(({ buffer }) => {
      slowRead = buffer.toString();
    });
    const { buffer } = await other.read(Buffer.alloc(5), 0, 5, 0);
    expect(buffer.toString()).toBe('other');
    expect(disk.heldReads).toBe(1);
    expect(slowRead).toBeNull(); // the other file's read came back, and this one still waits
    disk.release();
    await reading;
    expect(slowRead).toBe('slow');
  });
});
