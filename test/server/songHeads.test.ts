import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SETTLE_MS } from '../../src/server/songHeadCache';
import { processSongHeads } from '../../src/server/songStreamer';
import { useTestServers } from '../support/serverHarness';
import { bytesWithDelimiters, makeTempLibrary } from './tempLibrary';

/** Fast pacing: random bytes have no duration, so the server assumes 40 kB/s. */
const PACING = { burstSeconds: 0.5, rateFactor: 20, maxLeadSeconds: 3600 };
const SONG_BYTES = 200_000;

describe('listeners of the same song on a real server', () => {
  const servers = useTestServers();

  async function play(): Promise<Buffer> {
    const client = await servers.raw();
    client.send('play<NEXT;>1<NEXT;><END;>');
    return client.readSong(10_000);
  }

  it('start from the head the first one read, byte for byte, and a rewritten file is read anew', async () => {
    const original = bytesWithDelimiters(SONG_BYTES);
    const library = await makeTempLibrary({
      'other.mp3': Buffer.alloc(5000, 1),
      'song.mp3': original,
    });
    servers.onCleanup(() => library.remove());
    const file = path.join(library.folder, 'song.mp3');
    // Only a file left alone for a while is cached (file times tick coarsely).
    await sleep(SETTLE_MS + 100);
    await servers.start({ folder: library.folder, pacing: PACING });

    expect((await play()).equals(original)).toBe(true);
    const { dev, ino, size, mtimeNs, ctimeNs } = await stat(file, { bigint: true });
    const head = processSongHeads.get({ dev, ino, size, mtimeNs, ctimeNs });
    expect(head).not.toBeNull();
    expect(head?.coveredBytes).toBeGreaterThan(0);
    const [second, third] = await Promise.all([play(), play()]);
    expect(second.equals(original)).toBe(true);
    expect(third.equals(original)).toBe(true);

    // The same size, in place: the cached head is of the old bytes and must not be sent.
    const rewritten = bytesWithDelimiters(SONG_BYTES);
    await writeFile(file, rewritten);
    expect((await play()).equals(rewritten)).toBe(true);
  });
});
