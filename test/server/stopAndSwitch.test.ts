import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Packet } from '../../src/protocol';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { playData, RawClient } from '../support/rawClient';

/** Fast enough for short tests, paced enough that a song is still streaming when we stop it. */
const QUICK_PACING = { burstSeconds: 0.5, rateFactor: 30, maxLeadSeconds: 3600 };

describe('stop and switching songs', () => {
  let running: RunningServer;
  let files: Buffer[];
  const clients: RawClient[] = [];

  beforeAll(async () => {
    running = await startTestServer({ pacing: QUICK_PACING });
    files = await Promise.all(running.server.library.songs.map((s) => readFile(s.absolutePath)));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await running.server.close();
  });

  async function connect(): Promise<RawClient> {
    const client = await RawClient.connect(running.port);
    clients.push(client);
    return client;
  }

  /** Asserts `packets` are play data continuing `file` from `offset`; returns the new offset. */
  function expectContinuation(packets: Packet[], file: Buffer, offset: number): number {
    for (const packet of packets) {
      const data = playData(packet);
      expect(data.equals(file.subarray(offset, offset + data.length))).toBe(true);
      offset += data.length;
    }
    return offset;
  }

  it('answers stop even when nothing plays', async () => {
    const client = await connect();
    client.send('stop<NEXT;><END;>');
    expect((await client.nextPacket()).body.toString()).toBe('stop<NEXT;>');
  });

  it('after the stop reply sends nothing of the stopped song', async () => {
    const client = await connect();
    client.send('play<NEXT;>0<NEXT;><END;>');
    const first = await client.nextPacket();
    client.send('stop<NEXT;><END;>');
    const untilStop = await client.readUntil('stop');
    const oldSong = [first, ...untilStop.slice(0, -1)];
    const sent = expectContinuation(oldSong, files[0], 0);
    // Stopped mid-song: the old song neither finished nor sent its end marker.
    expect(sent).toBeLessThan(files[0].length);

    client.send('play<NEXT;>1<NEXT;><END;>');
    expect((await client.readSong()).equals(files[1])).toBe(true);
  });

  it('switches at once on play while a song streams', async () => {
    const client = await connect();
    client.send('play<NEXT;>0<NEXT;><END;>');
    let offset = expectContinuation([await client.nextPacket()], files[0], 0);
    client.send('play<NEXT;>2<NEXT;><END;>');
    // Packets already on their way continue song 0; the first that does not starts song 2.
    let packet = await client.nextPacket();
    while (playData(packet).equals(files[0].subarray(offset, offset + playData(packet).length))) {
      offset += playData(packet).length;
      packet = await client.nextPacket();
    }
    expect(offset).toBeLessThan(files[0].length);
    const rest = await client.readSong();
    expect(Buffer.concat([playData(packet), rest]).equals(files[2])).toBe(true);
  });

  it('with stop and play in one write, splits the songs exactly at the stop reply', async () => {
    const client = await connect();
    client.send('play<NEXT;>1<NEXT;><END;>');
    await client.nextPacket();
    client.send('stop<NEXT;><END;>play<NEXT;>0<NEXT;>10<NEXT;><END;>');
    const untilStop = await client.readUntil('stop');
    for (const packet of untilStop.slice(0, -1)) expect(packet.fields).toHaveLength(2);
    expect((await client.nextPacket()).type).toBe('start'); // a seek's first packet (PROTOCOL §7)
    const seeked = await client.readSong();
    expect(files[0].subarray(files[0].length - seeked.length).equals(seeked)).toBe(true);
    expect(seeked.length).toBeLessThan(files[0].length * 0.75);
  });

  it('cancels streaming when the client quits', async () => {
    const client = await connect();
    client.send('play<NEXT;>0<NEXT;><END;>');
    await client.nextPacket();
    client.send('quit<NEXT;><END;>');
    const packets = await client.readUntil('quit');
    expect(packets.at(-1)?.body.toString()).toBe('quit<NEXT;>');
    await client.closed;
    expect(running.logLines).toContainEqual(expect.stringMatching(/ quit$/));
  });
});
