import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { makeFormatFixtures } from '../support/formatFixtures';
import { parsePlainList } from '../../src/protocol';
import { SeedClient } from '../support/seedClient';
import {
  BUNDLED_MUSIC,
  startTestServer,
  waitFor,
  type RunningServer,
} from '../support/serverHarness';

/** PROTOCOL.md §4.1: the plain list holds the MP3 songs only, with the metadata list's ids. */
describe('the plain list in a library of mixed formats', () => {
  let dir: string;
  let running: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-plain-list-'));
    await makeFormatFixtures(dir);
    await copyFile(join(BUNDLED_MUSIC, '01 - Harbor Lights.mp3'), join(dir, 'harbor.mp3'));
    running = await startTestServer({ folder: dir, pacing: false });
  });
  afterAll(async () => {
    await running.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows a seed-era client the MP3 songs only, with the ids of the full list', async () => {
    const { songs } = running.server.library;
    const mp3s = songs.filter((s) => s.format === 'mp3');
    expect(mp3s.map((s) => s.relativePath)).toEqual(['harbor.mp3']);
    expect(mp3s[0].id).toBeGreaterThan(0); // FLAC songs sort before it: the id is not 0

    const seed = await SeedClient.connect(running.port);
    try {
      seed.list();
      await waitFor(() => seed.printed.length === 1);
      expect(parsePlainList(seed.printed[0])).toEqual(
        mp3s.map((s) => ({ id: s.id, title: s.title })),
      );
    } finally {
      seed.socket.destroy();
    }
  });

  it('gives a Tidewave client every song in the metadata list, ids unchanged', async () => {
    const session = await ClientSession.connect({ host: '127.0.0.1', port: running.port });
    try {
      const list = await session.list();
      expect(list.hasMetadata).toBe(true);
      expect(list.songs.map((s) => s.id)).toEqual(running.server.library.songs.map((s) => s.id));
      const harbor = running.server.library.songs.find((s) => s.relativePath === 'harbor.mp3');
      expect(list.songs.find((s) => s.id === harbor?.id)?.title).toBe(harbor?.title);
    } finally {
      session.close();
    }
  });
});
