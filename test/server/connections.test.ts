import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryError } from '../../src/library';
import { createLibraryServer, ServerStartError } from '../../src/server';
import { startTestServer, waitFor, type RunningServer } from '../support/serverHarness';
import { RawClient } from './rawClient';
import { makeTempLibrary } from './tempLibrary';

describe('many and departing clients', () => {
  let running: RunningServer | undefined;
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await running?.server.close();
    running = undefined;
  });

  it('streams to 50 clients at once, each byte for byte', async () => {
    running = await startTestServer({ pacing: false });
    const { songs } = running.server.library;
    const files = await Promise.all(songs.map((song) => readFile(song.absolutePath)));
    const sessions = Array.from({ length: 50 }, async (_, index) => {
      const client = await RawClient.connect(running!.port);
      clients.push(client);
      const id = index % songs.length;
      client.send(`play<NEXT;>${id}<NEXT;><END;>`);
      return (await client.readSong(20_000)).equals(files[id]);
    });
    expect(await Promise.all(sessions)).toEqual(Array(50).fill(true));
    expect(running.server.connectionCount).toBe(50);
  });

  it('frees a client that vanishes mid-song, and serves the next one', async () => {
    running = await startTestServer({ pacing: { burstSeconds: 1, rateFactor: 2 } });
    const leaver = await RawClient.connect(running.port);
    leaver.send('play<NEXT;>0<NEXT;><END;>');
    await leaver.nextPacket();
    leaver.socket.resetAndDestroy();
    await waitFor(() => running!.server.connectionCount === 0);

    const next = await RawClient.connect(running.port);
    clients.push(next);
    next.send('list<NEXT;><END;>');
    expect((await next.nextPacket()).type).toBe('list');
    next.destroy();
    await waitFor(() => running!.server.connectionCount === 0);
  });

  it('close() drops streaming clients and resolves promptly', async () => {
    running = await startTestServer({ pacing: { burstSeconds: 1, rateFactor: 1 } });
    const listener = await RawClient.connect(running.port);
    clients.push(listener);
    listener.send('play<NEXT;>1<NEXT;><END;>');
    await listener.nextPacket();
    await running.server.close();
    await listener.closed;
    expect(running.server.connectionCount).toBe(0);
    running = undefined;
  });
});

describe('starting up', () => {
  it('fails with the library error for a missing folder', async () => {
    const start = createLibraryServer({ folder: '/no/such/music', port: 0 });
    await expect(start).rejects.toThrow(LibraryError);
    await expect(start).rejects.toThrow('Music folder not found: /no/such/music');
  });

  it('fails with the library error for a folder without songs', async () => {
    const library = await makeTempLibrary({ 'notes.txt': Buffer.from('no songs here') });
    try {
      await expect(createLibraryServer({ folder: library.folder, port: 0 })).rejects.toThrow(
        `No songs (MP3, FLAC, Ogg Vorbis, Opus or WAV files) in folder: ${library.folder}`,
      );
    } finally {
      await library.remove();
    }
  });

  it('says so when the port is in use', async () => {
    const occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const { port } = occupier.address() as AddressInfo;
    const server = await createLibraryServer({ folder: 'music', port });
    try {
      const listening = server.listen();
      await expect(listening).rejects.toThrow(ServerStartError);
      await expect(listening).rejects.toThrow(`Port ${port} is already in use on 127.0.0.1`);
    } finally {
      await server.close();
      await new Promise((resolve) => occupier.close(resolve));
    }
  });
});
