import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { serverMessages } from '../../src/protocol';
import type { PacingOptions } from '../../src/server';
import { SeedClient } from '../support/seedClient';
import { useTestServers, waitFor } from '../support/serverHarness';
import { makeTempLibrary } from './tempLibrary';

/** Fast enough for short tests, paced enough that a song is still streaming when it is stopped. */
const QUICK_PACING: PacingOptions = { burstSeconds: 0.5, rateFactor: 30, maxLeadSeconds: 3600 };
/** With nothing playing, the seed client's second between stop and play changes nothing. */
const SHORT_PAUSE_MS = 50;
const END_MARKER_BYTES = serverMessages.endOfSong().length;

/** What a seed user reads in the printed list: the lines `{sid: N title: NAME}`. */
function seedListTitles(printed: string): Array<[number, string]> {
  return [...printed.matchAll(/^\{sid: (\d+) title: (.*)\}$/gm)].map((m) => [Number(m[1]), m[2]]);
}

describe('a seed-era client (client.py) against our server', () => {
  const servers = useTestServers();
  /** This test's seed client (the helpers below speak through it). */
  let client: SeedClient | undefined;

  async function start(pacing: PacingOptions | false, folder?: string) {
    const running = await servers.start({ pacing, ...(folder ? { folder } : {}) });
    const seed = (client = await SeedClient.connect(running.port));
    servers.onCleanup(() => seed.destroy());
    const files = await Promise.all(
      running.server.library.songs.map((s) => readFile(s.absolutePath)),
    );
    return { running, client: seed, files };
  }

  /** Plays `songId` the seed's way and waits until the client has read the whole song. */
  async function playWhole(songId: number, pauseMs = SHORT_PAUSE_MS): Promise<Buffer> {
    const { server, logLines } = servers.running;
    const finished = () => logLines.filter((l) => l.endsWith(` finished song ${songId}`)).length;
    const before = finished();
    await client!.play(songId, pauseMs);
    await waitFor(() => finished() > before, 10_000);
    const { socket } = client!;
    await waitFor(
      () => server.stats().queuedBytes === 0 && socket.bytesRead === server.stats().bytesSent,
    );
    return client!.songBuffer;
  }

  /**
   * The song's bytes exactly, plus `<END;>` when the end-of-song marker came in a read of its
   * own; when it shared the last data packet's read, the seed client dropped it as a third piece.
   */
  function expectSong(received: Buffer, file: Buffer): void {
    const markerReadAlone = client!.reads.at(-1)?.bytes === END_MARKER_BYTES;
    const expected = markerReadAlone ? Buffer.concat([file, Buffer.from('<END;>')]) : file;
    expect(received.length).toBe(expected.length);
    expect(received.equals(expected)).toBe(true);
  }

  it('prints the list, whose lines give the bundled songs by id and name', async () => {
    const { running, client } = await start(false);
    client.list();
    await waitFor(() => client.printed.length === 1);
    expect(client.printed[0]).toBe(
      '{sid: 0 title: Harbor Lights}\n{sid: 1 title: Glass Tide}\n{sid: 2 title: Night Ferry}',
    );
    expect(seedListTitles(client.printed[0])).toEqual(
      running.server.library.songs.map((song) => [song.id, song.title]),
    );
  });

  it('gets every song byte for byte, each read one whole packet', async () => {
    // Paced, as the server streams by default. Unpaced, its 60 KiB writes can outrun a reader on
    // a loaded machine: the kernel then delivers one in two pieces, and a recv(4096) reader loses
    // packets (PROTOCOL.md section 13).
    const { running, client, files } = await start(QUICK_PACING);
    for (const song of running.server.library.songs) {
      expectSong(await playWhole(song.id), files[song.id]);
    }
    // Every play packet but a song's last is exactly 4096 bytes, the seed client's read size.
    expect(client.reads.every((read) => read.type === 'stop' || read.type === 'play')).toBe(true);
    expect(client.receiverError).toBeNull();
  });

  it('skips the stop reply; after its pause the next song arrives alone and whole', async () => {
    const { client, files } = await start(QUICK_PACING);
    await client.play(0, SHORT_PAUSE_MS);
    await waitFor(() => client.songBuffer.length > 50_000);
    client.stop();
    const stopReply = { type: 'stop', bytes: serverMessages.stop().length };
    await waitFor(() => client.reads.filter((r) => r.type === 'stop').length === 2);
    expect(client.reads.at(-1)).toEqual(stopReply);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.reads.at(-1)).toEqual(stopReply); // nothing of song 0 after the reply
    expect(client.songBuffer.length).toBe(0);

    // `play 2` as the seed does it, with its one-second pause.
    expectSong(await playWhole(2, 1_000), files[2]);
    expect(client.receiverError).toBeNull();
  });

  it('ignores the error packet for an unknown id, and the connection stays usable', async () => {
    const { running, client } = await start(false);
    await client.play(7, SHORT_PAUSE_MS);
    const error = serverMessages.error('unknown song id 7');
    await waitFor(() => client.reads.some((r) => r.type === 'error'));
    expect(client.reads.at(-1)).toEqual({ type: 'error', bytes: error.length });
    expect(client.songBuffer.length).toBe(0);
    expect(client.receiverError).toBeNull();
    client.list();
    await waitFor(() => client.printed.length === 1);
    expect(running.logLines).toContainEqual(expect.stringMatching(/ unknown song id 7$/));
  });

  it('quits mid-song: the seed client exits at once and the server lets the connection go', async () => {
    const { running, client } = await start(QUICK_PACING);
    await client.play(1, SHORT_PAUSE_MS);
    await waitFor(() => client.songBuffer.length > 0);
    client.quit();
    await client.closed;
    await waitFor(() => running.server.connectionCount === 0);
    // Its exit with song data unread resets the connection, which may reach the server first.
    const lines = running.logLines.map((line) => line.replace(/^client [\d.:]+ /, ''));
    expect(lines.slice(0, 3)).toEqual(['connected', 'stop', 'play 1 (Glass Tide)']);
    expect(lines.at(-1)).toBe('disconnected');
    expect(lines.slice(3, -1).every((line) => /^(quit|error: E[A-Z]+)$/.test(line))).toBe(true);
  });

  it('quits: a seed client that stays ignores the reply and sees the server close', async () => {
    const { running, client } = await start(false);
    client.quit(false);
    await client.closed;
    expect(client.reads).toEqual([
      { type: 'quit', bytes: serverMessages.quit().length },
      { type: '', bytes: 0 }, // the end of the connection, which ends the seed's receive thread
    ]);
    expect(client.receiverError).toBe('empty read (connection closed)');
    await waitFor(() => running.server.connectionCount === 0);
  });

  it('prints only the first read of a list reply longer than 4096 bytes', async () => {
    const names = Array.from(
      { length: 40 },
      (_, i) => `${String(i).padStart(2, '0')} ${'x'.repeat(200)}`,
    );
    const library = await makeTempLibrary(
      Object.fromEntries(names.map((name) => [`${name}.mp3`, Buffer.from('not audio')])),
    );
    servers.onCleanup(() => library.remove());
    const { client } = await start(false, library.folder);
    client.list();
    await waitFor(() => client.receiverError !== null);
    expect(client.printed).toHaveLength(1);
    expect(Buffer.byteLength(client.printed[0])).toBe(4096 - 'list<NEXT;>'.length);
    expect(seedListTitles(client.printed[0])).toEqual(
      names.slice(0, 18).map((name, id) => [id, name]),
    );
    // The next read holds no <NEXT;>: the seed's receive thread dies, as with a seed server.
    expect(client.receiverError).toBe('no <NEXT;>');
  });
});
