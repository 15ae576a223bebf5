import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { SETTLE_MS } from '../../src/server/songHeadCache';
import { processSongHeads } from '../../src/server/songStreamer';
import { startTestServer, useTestServers } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';

/** Fast enough for short tests. */
const QUICK_PACING = { burstSeconds: 0.5, rateFactor: 30, maxLeadSeconds: 3600 };

// Song ids in path order: 0 a.mp3, 1 album/c.mp3, 2 b.mp3, 3 d.mp3.
describe('a library changed on disk after the server started', () => {
  let base: string;
  let music: string;
  const servers = useTestServers();
  const secret = randomBytes(5_000);
  const songBytes = randomBytes(300_000);

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'tidewave-escape-'));
    servers.onCleanup(() => rm(base, { recursive: true, force: true }));
    music = path.join(base, 'music');
    await mkdir(path.join(music, 'album'), { recursive: true });
    await mkdir(path.join(base, 'outside'));
    for (const name of ['a.mp3', 'album/c.mp3', 'b.mp3', 'd.mp3']) {
      await writeFile(path.join(music, name), songBytes);
    }
    await writeFile(path.join(base, 'outside/secret.mp3'), secret);
    await writeFile(path.join(base, 'outside/c.mp3'), secret);
    await servers.start({ folder: music, pacing: QUICK_PACING });
  });

  const connect = (): Promise<RawClient> => servers.raw();

  /** Plays `id` and expects an error packet before any song data. */
  async function expectRefused(id: number): Promise<void> {
    const client = await connect();
    client.send(`play<NEXT;>${id}<NEXT;><END;>`);
    const packet = await client.nextPacket(5_000);
    expect(packet.type).toBe('error');
    expect(packet.fields[1].toString()).toBe(`could not stream song ${id}`);
  }

  it('still serves a song that was a symlink inside the folder when scanned', async () => {
    const linked = await mkdtemp(path.join(os.tmpdir(), 'tidewave-linked-'));
    try {
      await mkdir(path.join(linked, 'real'));
      await writeFile(path.join(linked, 'real/song.mp3'), songBytes);
      await symlink(path.join(linked, 'real/song.mp3'), path.join(linked, 'link.mp3'));
      const server = await startTestServer({ folder: linked, pacing: QUICK_PACING });
      try {
        expect(server.server.library.songs.map((s) => s.relativePath)).toEqual([
          'link.mp3',
          'real/song.mp3',
        ]);
        const client = await servers.raw({ port: server.port });
        client.send('play<NEXT;>0<NEXT;><END;>');
        expect((await client.readSong()).equals(songBytes)).toBe(true);
      } finally {
        await server.server.close();
      }
    } finally {
      await rm(linked, { recursive: true, force: true });
    }
  });

  it('refuses a song replaced by a symlink to a file outside the folder', async () => {
    await rm(path.join(music, 'a.mp3'));
    await symlink(path.join(base, 'outside/secret.mp3'), path.join(music, 'a.mp3'));
    await expectRefused(0);
  });

  it('refuses a song whose folder was replaced by a symlink to outside', async () => {
    await rename(path.join(music, 'album'), path.join(music, 'old'));
    await symlink(path.join(base, 'outside'), path.join(music, 'album'));
    await expectRefused(1);
  });

  it('refuses a song replaced by a link to outside, or its folder, once its head is cached', async () => {
    await sleep(SETTLE_MS + 100); // the files' versions settle, so their heads may be cached
    for (const id of [0, 1, 2]) {
      const client = await connect();
      client.send(`play<NEXT;>${id}<NEXT;><END;>`);
      expect((await client.readSong()).equals(songBytes)).toBe(true);
    }
    const versions = await Promise.all(
      ['a.mp3', 'album/c.mp3', 'b.mp3'].map((name) =>
        stat(path.join(music, name), { bigint: true }),
      ),
    );
    for (const version of versions) expect(processSongHeads.get(version)).not.toBeNull();
    // Started from its cached head, before its open is done (provenHead.ts): the same bytes.
    const again = await connect();
    again.send('play<NEXT;>2<NEXT;><END;>');
    expect((await again.readSong()).equals(songBytes)).toBe(true);
    await rm(path.join(music, 'a.mp3'));
    await symlink(path.join(base, 'outside/secret.mp3'), path.join(music, 'a.mp3'));
    await rename(path.join(music, 'album'), path.join(music, 'old'));
    await symlink(path.join(base, 'outside'), path.join(music, 'album'));
    await expectRefused(0);
    await expectRefused(1);
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO at once, four times, while another stream goes on intact',
    async () => {
      const fifo = path.join(music, 'b.mp3');
      await rm(fifo);
      execFileSync('mkfifo', [fifo]);
      try {
        // Four plays: once, each would have held one of the four threads of Node's file pool.
        await Promise.all([2, 2, 2, 2].map((id) => expectRefused(id)));
        const listener = await connect();
        listener.send('play<NEXT;>3<NEXT;><END;>');
        expect((await listener.readSong(10_000)).equals(songBytes)).toBe(true);
      } finally {
        // Frees any thread an opener left waiting for a writer (synchronously: the pool may be full).
        try {
          closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // No opener is waiting.
        }
      }
    },
  );
});
