import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFrameHeader, planSongSeek } from '../../src/library';
import { parseMetadata } from '../../src/protocol';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';
import { bytesWithDelimiters, makeTempLibrary } from './tempLibrary';

describe('list and play against the bundled music', () => {
  let running: RunningServer;
  let client: RawClient;

  // One server for the file (it keeps nothing between connections), a client for each test.
  beforeAll(async () => {
    running = await startTestServer({ pacing: false });
  });
  afterAll(async () => {
    await running.server.close();
  });
  beforeEach(async () => {
    client = await RawClient.connect(running.port);
  });
  afterEach(() => {
    client.destroy();
  });

  it('answers a plain list with the seed text', async () => {
    client.send('list<NEXT;><END;>');
    const reply = await client.nextPacket();
    expect(reply.body.toString('utf8')).toBe(
      'list<NEXT;>{sid: 0 title: Harbor Lights}\n{sid: 1 title: Glass Tide}\n' +
        '{sid: 2 title: Night Ferry}<NEXT;>',
    );
  });

  it('adds the metadata field when asked with meta', async () => {
    client.send('list<NEXT;>meta<NEXT;><END;>');
    const reply = await client.nextPacket();
    expect(reply.type).toBe('list');
    expect(reply.fields).toHaveLength(4); // the fourth names the extensions (PROTOCOL §17)
    expect(reply.fields[1].toString()).toMatch(/^\{sid: 0 title: Harbor Lights\}\n/);
    const songs = parseMetadata(reply.fields[2].toString('utf8'));
    expect(
      songs.map(({ id, title, artist, album, hasCover }) => [id, title, artist, album, hasCover]),
    ).toEqual([
      [0, 'Harbor Lights', 'Tidewave Ensemble', 'Tidewave Sampler', true],
      [1, 'Glass Tide', 'Tidewave Ensemble', 'Tidewave Sampler', true],
      [2, 'Night Ferry', 'Tidewave Ensemble', 'Tidewave Sampler', true],
    ]);
    for (const song of songs) expect(song.durationSeconds).toBeGreaterThan(25);
  });

  it('answers the plain list when the extra field is not meta', async () => {
    client.send('list<NEXT;>something<NEXT;><END;>');
    expect((await client.nextPacket()).fields).toHaveLength(2);
  });

  it('plays every song byte for byte, then the end-of-song marker', async () => {
    for (const song of running.server.library.songs) {
      client.send(`play<NEXT;>${song.id}<NEXT;><END;>`);
      const received = await client.readSong();
      expect(received.equals(await readFile(song.absolutePath)), song.title).toBe(true);
    }
  });

  it('starts from the start, ID3 tag and cover included, when asked for 0 seconds', async () => {
    const song = running.server.library.songs[0];
    client.send('play<NEXT;>0<NEXT;>0<NEXT;><END;>');
    const received = await client.readSong();
    expect(received.subarray(0, 3).toString('latin1')).toBe('ID3');
    expect(received.equals(await readFile(song.absolutePath))).toBe(true);
  });

  it('seeks a few frames before the requested time and says which sample the data starts at', async () => {
    const song = running.server.library.songs[0];
    const file = await readFile(song.absolutePath);
    const plan = await planSongSeek(song.absolutePath, 10);
    client.send('play<NEXT;>0<NEXT;>10<NEXT;><END;>');
    const start = await client.nextPacket();
    expect(start.fields.map((field) => field.toString())).toEqual([
      'start',
      String(plan.firstSample),
      String(plan.sampleRate),
      String(plan.totalSamples),
    ]);
    expect(plan.firstSample).toBeLessThan(10 * plan.sampleRate);
    const received = await client.readSong();
    expect(parseFrameHeader(received, 0)).not.toBeNull();
    expect(received.equals(file.subarray(plan.byteOffset))).toBe(true);
  });

  it('logs each request with the client address', async () => {
    client.send('play<NEXT;>2<NEXT;><END;>');
    await client.readSong();
    client.send('play<NEXT;>0<NEXT;>10<NEXT;><END;>');
    expect((await client.nextPacket()).type).toBe('start');
    await client.readSong();
    const name = `client 127.0.0.1:${client.socket.localPort}`;
    expect(running.logLines.filter((line) => line.startsWith(`${name} `))).toEqual([
      `${name} connected`,
      `${name} play 2 (Night Ferry)`,
      `${name} finished song 2`,
      `${name} play 0 (Harbor Lights) from 10 s`,
      `${name} finished song 0`,
    ]);
  });
});

describe('song data that holds the delimiters', () => {
  it('arrives intact', async () => {
    const bytes = bytesWithDelimiters(200_000);
    const library = await makeTempLibrary({ 'tricky.mp3': bytes });
    const running = await startTestServer({ folder: library.folder, pacing: false });
    const client = await RawClient.connect(running.port);
    try {
      client.send('play<NEXT;>0<NEXT;><END;>');
      expect((await client.readSong()).equals(bytes)).toBe(true);
    } finally {
      client.destroy();
      await running.server.close();
      await library.remove();
    }
  });
});
