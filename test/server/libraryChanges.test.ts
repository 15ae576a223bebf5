import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../src/protocol';
import { LibraryReloader, type LibraryReloaderOptions } from '../../src/server';
import { SeedClient } from '../support/seedClient';
import { useTestServers, waitFor, type RunningServer } from '../support/serverHarness';
import { playData, type RawClient } from '../support/rawClient';
import { makeTempLibrary, type TempLibrary } from './tempLibrary';

/**
 * The watcher's quiet window. The slow copy pauses 60 ms between pieces, so any window over that
 * makes one burst of it; a whole second keeps a busy machine's stall of the test's own event
 * loop (once 300 ms did not: a rescan came after three of the album's four files, in CI under
 * load) from splitting the burst.
 */
const QUIET_MS = 1000;
/** Random bytes have no duration: at 40 kB/s × 10, a 1 MB song streams for about 2.5 s. */
const PACING = { burstSeconds: 0.5, rateFactor: 10, maxLeadSeconds: 3600 };

/** Writes `bytes` in pieces with pauses, as a slow copy does, so one file makes many events. */
async function copySlowly(file: string, bytes: Buffer, pieces = 4, pauseMs = 60): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const step = Math.ceil(bytes.length / pieces);
    for (let at = 0; at < bytes.length; at += step) {
      await handle.write(bytes.subarray(at, at + step));
      await sleep(pauseMs);
    }
  } finally {
    await handle.close();
  }
}

function songCountOf(listReply: Packet): number {
  return (JSON.parse(listReply.fields[2].toString('utf8')) as { songs: unknown[] }).songs.length;
}

describe('a watched library folder', () => {
  const servers = useTestServers();
  let library: TempLibrary;
  let reloader: LibraryReloader;

  /** This test's library folder, removed after it. */
  async function makeLibrary(files: Record<string, Buffer>): Promise<TempLibrary> {
    library = await makeTempLibrary(files);
    servers.onCleanup(() => library.remove());
    return library;
  }

  /** Watches the folder of this test's server; the watcher closes after the test. */
  function watch(running: RunningServer, options: LibraryReloaderOptions): LibraryReloader {
    reloader = new LibraryReloader(running.server, options);
    servers.onCleanup(() => reloader.close());
    return reloader;
  }

  async function start(files: Record<string, Buffer>): Promise<void> {
    const { folder } = await makeLibrary(files);
    const running = await servers.start({ folder, pacing: PACING });
    await watch(running, { quietMs: QUIET_MS, log: (line) => running.logLines.push(line) }).ready;
  }

  async function metadataClient(): Promise<RawClient> {
    const client = await servers.raw();
    client.send('list<NEXT;>meta<NEXT;><END;>');
    expect((await client.nextPacket()).type).toBe('list');
    return client;
  }

  it('picks up an album copied in with one rescan, then a deleted song; seed clients hear nothing', async () => {
    await start({ 'single.mp3': randomBytes(20_000) });
    const tidewave = await metadataClient();
    const seed = await SeedClient.connect(servers.running.port);
    servers.onCleanup(() => seed.destroy());
    seed.list();
    await waitFor(() => seed.printed.length === 1);

    const album = path.join(library.folder, 'Artist', 'Album');
    await mkdir(album, { recursive: true });
    for (let track = 1; track <= 4; track++) {
      await copySlowly(path.join(album, `0${track} Track.mp3`), randomBytes(30_000));
    }
    const notice = await tidewave.nextPacket(10_000);
    expect(notice.type).toBe('changed');
    expect(notice.fields[1].toString()).toBe('5');
    expect(reloader.rescans).toBe(1);
    tidewave.send('list<NEXT;>meta<NEXT;><END;>');
    expect(songCountOf(await tidewave.nextPacket())).toBe(5);

    await rm(path.join(album, '02 Track.mp3'));
    const second = await tidewave.nextPacket(10_000);
    expect([second.type, second.fields[1].toString()]).toEqual(['changed', '4']);
    expect(reloader.rescans).toBe(2);

    // The seed client read its list and nothing else, and its receive thread is alive.
    seed.list();
    await waitFor(() => seed.printed.length === 2);
    expect(seed.reads.map((read) => read.type)).toEqual(['list', 'list']);
    expect(seed.receiverError).toBeNull();
    expect(seed.printed[1].split('\n')).toHaveLength(4);
  });

  it('sends a notice between whole packets of a song streaming, which arrives byte-exact', async () => {
    const song = randomBytes(1024 * 1024);
    await start({ 'a.mp3': song });
    const client = await metadataClient();
    client.send('play<NEXT;>0<NEXT;><END;>');
    const packets = [await client.nextPacket()];
    await writeFile(path.join(library.folder, 'b.mp3'), randomBytes(10_000));
    for (;;) {
      const packet = await client.nextPacket(10_000);
      packets.push(packet);
      if (packet.type === 'play' && packet.fields.length === 1) break;
    }
    const notices = packets.filter((packet) => packet.type === 'changed');
    expect(notices.map((packet) => packet.fields[1].toString())).toEqual(['2']);
    // The notice came before the song was over, and the song's bytes are all there, unchanged.
    expect(packets.indexOf(notices[0])).toBeLessThan(packets.length - 2);
    const data = packets.filter((packet) => packet.type === 'play' && packet.fields.length === 2);
    expect(Buffer.concat(data.map(playData)).equals(song)).toBe(true);
  });

  it('finishes a song deleted while it streams, then lists it no more', async () => {
    const song = randomBytes(1024 * 1024);
    await start({ 'a.mp3': song, 'b.mp3': randomBytes(10_000) });
    const client = await metadataClient();
    client.send('play<NEXT;>0<NEXT;><END;>');
    const packets = [await client.nextPacket()];
    await rm(path.join(library.folder, 'a.mp3'));
    for (;;) {
      const packet = await client.nextPacket(10_000);
      packets.push(packet);
      if (packet.type === 'play' && packet.fields.length === 1) break;
    }
    expect(packets.filter((p) => p.type === 'changed').map((p) => p.fields[1].toString())).toEqual([
      '1',
    ]);
    const data = packets.filter((packet) => packet.type === 'play' && packet.fields.length === 2);
    expect(Buffer.concat(data.map(playData)).equals(song)).toBe(true);
    client.send('list<NEXT;>meta<NEXT;><END;>');
    expect(songCountOf(await client.nextPacket())).toBe(1);
  });

  it('holds at most the newest notice for a client that does not read', async () => {
    const song = randomBytes(4 * 1024 * 1024);
    const { folder } = await makeLibrary({ 'a.mp3': song });
    const running = await servers.start({ folder, pacing: false });
    watch(running, { quietMs: 60_000 }); // changes come by hand
    const client = await metadataClient();
    client.socket.pause();
    client.send('play<NEXT;>0<NEXT;><END;>');
    await waitFor(() => running.server.stats().queuedBytes > 0);
    const one = running.server.library;
    const two = { ...one, songs: [...one.songs, { ...one.songs[0], id: 1, title: 'Copy' }] };
    for (let change = 0; change < 50; change++) {
      running.server.replaceLibrary(change % 2 === 0 ? two : one);
    }
    client.socket.resume();
    const packets: Packet[] = [];
    for (;;) {
      const packet = await client.nextPacket(10_000);
      packets.push(packet);
      if (packet.type === 'play' && packet.fields.length === 1) break;
    }
    const notices = packets.filter((packet) => packet.type === 'changed');
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.length).toBeLessThanOrEqual(2);
    expect(notices[notices.length - 1].fields[1].toString()).toBe('1'); // the newest count
    const data = packets.filter((packet) => packet.type === 'play' && packet.fields.length === 2);
    expect(Buffer.concat(data.map(playData)).equals(song)).toBe(true);
  });
});
