import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LibraryError } from '../../src/library';
import { createLibraryServer, ServerStartError } from '../../src/server';
import { useTestServers, waitFor } from '../support/serverHarness';
import { makeTempLibrary } from './tempLibrary';

describe('many and departing clients', () => {
  const servers = useTestServers();

  it('streams to 50 clients at once, each byte for byte', async () => {
    const running = await servers.start({ pacing: false });
    const { songs } = running.server.library;
    const files = await Promise.all(songs.map((song) => readFile(song.absolutePath)));
    const sessions = Array.from({ length: 50 }, async (_, index) => {
      const client = await servers.raw();
      const id = index % songs.length;
      client.send(`play<NEXT;>${id}<NEXT;><END;>`);
      return (await client.readSong(20_000)).equals(files[id]);
    });
    expect(await Promise.all(sessions)).toEqual(Array(50).fill(true));
    expect(running.server.connectionCount).toBe(50);
  });

  it('frees a client that vanishes mid-song, and serves the next one', async () => {
    const running = await servers.start({ pacing: { burstSeconds: 1, rateFactor: 2 } });
    const leaver = await servers.raw();
    leaver.send('play<NEXT;>0<NEXT;><END;>');
    await leaver.nextPacket();
    leaver.socket.resetAndDestroy();
    await waitFor(() => running.server.connectionCount === 0);

    const next = await servers.raw();
    next.send('list<NEXT;><END;>');
    expect((await next.nextPacket()).type).toBe('list');
    next.destroy();
    await waitFor(() => running.server.connectionCount === 0);
  });

  it('close() drops streaming clients and resolves promptly', async () => {
    const running = await servers.start({ pacing: { burstSeconds: 1, rateFactor: 1 } });
    const listener = await servers.raw();
    listener.send('play<NEXT;>1<NEXT;><END;>');
    await listener.nextPacket();
    await running.server.close();
    await listener.closed;
    expect(running.server.connectionCount).toBe(0);
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
