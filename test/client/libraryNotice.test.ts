import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSession, type LibraryChange } from '../../src/client';
import { FrameParser, SERVER_MAX_PACKET_BYTES, serverMessages } from '../../src/protocol';
import { LibraryReloader } from '../../src/server';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { makeTempLibrary, type TempLibrary } from '../server/tempLibrary';
import { SongCollector } from './songCollector';

const META = JSON.stringify({ version: 1, songs: [{ id: 0, title: 'Only', hasCover: false }] });
const PACING = { burstSeconds: 0.5, rateFactor: 10, maxLeadSeconds: 3600 };

describe('ClientSession and the changed notice', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('emits the notice, and never takes it for the reply to a list still waiting', async () => {
    // A server that says `changed` just before answering each list, as a rescan may make ours do.
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      const parser = new FrameParser(SERVER_MAX_PACKET_BYTES);
      socket.on('data', (chunk: Buffer) => {
        for (const packet of parser.push(chunk)) {
          if (packet.type !== 'list') continue;
          socket.write(serverMessages.changed(7));
          socket.write(serverMessages.list('{sid: 0 title: Only}', META));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const port = (server.address() as { port: number }).port;
    const logged: string[] = [];
    const session = await ClientSession.connect({
      host: '127.0.0.1',
      port,
      log: (line) => logged.push(line),
    });
    cleanups.push(() => session.close());
    const changes: LibraryChange[] = [];
    session.on('changed', (change) => changes.push(change));
    const list = await session.list();
    expect(list.hasMetadata).toBe(true);
    expect(list.songs.map((song) => song.title)).toEqual(['Only']);
    expect(changes).toEqual([{ songCount: 7 }]);
    expect(logged.filter((line) => /unexpected/i.test(line))).toEqual([]);
  });

  it('keeps a song streaming byte-exact while a notice arrives', async () => {
    const songBytes = randomBytes(600_000);
    const library: TempLibrary = await makeTempLibrary({ 'a.mp3': songBytes });
    cleanups.push(() => library.remove());
    const running: RunningServer = await startTestServer({
      folder: library.folder,
      pacing: PACING,
    });
    cleanups.push(() => running.server.close());
    const reloader = new LibraryReloader(running.server, { quietMs: 200 });
    await reloader.ready;
    cleanups.push(() => reloader.close());

    const session = await ClientSession.connect({ host: '127.0.0.1', port: running.port });
    cleanups.push(() => session.close());
    const changed = new Promise<LibraryChange>((resolve) => session.once('changed', resolve));
    await session.list();
    const song = new SongCollector(session.play(0));
    await song.reached(1);
    await writeFile(path.join(library.folder, 'b.mp3'), randomBytes(5_000));
    expect(await changed).toEqual({ songCount: 2 });
    expect(song.stream.readableEnded).toBe(false); // the notice came mid-song
    expect((await song.stream.outcome()).reason).toBe('complete');
    expect(song.bytes.equals(songBytes)).toBe(true);
    expect((await session.list()).songs).toHaveLength(2);
  });
});
