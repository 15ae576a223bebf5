import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryWatcher } from './libraryWatcher';
import { stillChanging } from './writeSettling';

describe('stillChanging', () => {
  it('names files whose size moved, appeared or vanished between two looks', () => {
    const before = new Map<string, number | null>([
      ['a', 10],
      ['b', 10],
      ['c', null],
      ['d', 5],
    ]);
    const after = new Map<string, number | null>([
      ['a', 10],
      ['b', 12],
      ['c', null],
      ['d', null],
    ]);
    expect(stillChanging(before, after)).toEqual(['b', 'd']);
  });
});

describe('LibraryWatcher on a real folder', () => {
  let folder: string;
  let watcher: LibraryWatcher | null = null;
  afterEach(async () => {
    await watcher?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function watch(): Promise<{ settled: number[] }> {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-watch-'));
    await writeFile(path.join(folder, 'old.mp3'), Buffer.alloc(1000));
    const settled: number[] = [];
    watcher = await LibraryWatcher.start(folder, {
      quietMs: 250,
      onSettled: () => settled.push(Date.now()),
    });
    return { settled };
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; !condition(); waited += 20) {
      if (waited > 8_000) throw new Error('not settled in 8 s');
      await sleep(20);
    }
  }

  it('reports an album copied in, slowly and into a new folder, as one settled burst', async () => {
    const { settled } = await watch();
    const album = path.join(folder, 'Artist', 'Album');
    await mkdir(album, { recursive: true });
    for (let track = 1; track <= 3; track++) {
      const handle = await open(path.join(album, `${track}.mp3`), 'w');
      for (let piece = 0; piece < 4; piece++) {
        await handle.write(Buffer.alloc(8_000, piece));
        await sleep(80); // a slow copy: each pause is shorter than the quiet time
      }
      await handle.close();
    }
    await until(() => settled.length > 0);
    await sleep(600); // and nothing more follows
    expect(settled).toHaveLength(1);
  });

  it('reports a deleted song, and nothing before anything changes', async () => {
    const { settled } = await watch();
    await sleep(400);
    expect(settled).toHaveLength(0);
    await rm(path.join(folder, 'old.mp3'));
    await until(() => settled.length === 1);
  });
});
