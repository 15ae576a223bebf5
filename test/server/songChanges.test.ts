import { randomBytes } from 'node:crypto';
import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Packet } from '../../src/protocol';
import { useTestServers } from '../support/serverHarness';
import { playData } from '../support/rawClient';
import { makeTempLibrary } from './tempLibrary';

const SONG_BYTES = 1024 * 1024;
/**
 * Random bytes have no duration, so the server assumes 40 kB/s: this sends the song in about
 * 2.5 s, long enough to change it while it streams.
 */
const PACING = { burstSeconds: 0.5, rateFactor: 10, maxLeadSeconds: 3600 };

describe('a song that changes while it streams', () => {
  const servers = useTestServers();
  let song: string;
  let original: Buffer;

  beforeEach(async () => {
    original = randomBytes(SONG_BYTES);
    const library = await makeTempLibrary({
      'song.mp3': original,
      'other.mp3': randomBytes(50_000),
    });
    servers.onCleanup(() => library.remove());
    song = path.join(library.folder, 'song.mp3');
    await servers.start({ folder: library.folder, pacing: PACING });
  });

  /** Plays the song, lets `change` run after the first packet, and returns all packets to the end. */
  async function playWhile(change: () => Promise<void>): Promise<Packet[]> {
    const client = await servers.raw();
    client.send('play<NEXT;>1<NEXT;><END;>');
    const first = await client.nextPacket();
    await change();
    const rest: Packet[] = [];
    for (;;) {
      const packet = await client.nextPacket(10_000);
      rest.push(packet);
      if (packet.type !== 'play' || packet.fields.length === 1) break;
    }
    // The connection is still usable.
    client.send('play<NEXT;>0<NEXT;><END;>');
    expect((await client.readSong()).length).toBe(50_000);
    return [first, ...rest];
  }

  function expectEndedInError(packets: Packet[]): void {
    const last = packets[packets.length - 1];
    expect(last.type).toBe('error');
    expect(last.fields[1].toString()).toBe('could not stream song 1');
    // Everything before it was song data, and none of it an end marker.
    for (const packet of packets.slice(0, -1)) playData(packet);
  }

  it('ends a truncated song with an error, not the end marker', async () => {
    const packets = await playWhile(() => truncate(song, 100_000));
    expectEndedInError(packets);
    const sent = Buffer.concat(packets.slice(0, -1).map(playData));
    expect(sent.equals(original.subarray(0, sent.length))).toBe(true);
    expect(
      servers.running.logLines.some((line) => /could not stream song 1: ended early/.test(line)),
    ).toBe(true);
  });

  it('ends a song overwritten in place at the same size with an error', async () => {
    const packets = await playWhile(() => writeFile(song, randomBytes(SONG_BYTES)));
    expectEndedInError(packets);
  });

  it('ends a song that grew with an error', async () => {
    const packets = await playWhile(() => writeFile(song, randomBytes(1000), { flag: 'a' }));
    expectEndedInError(packets);
    expect(servers.running.logLines.some((line) => /size changed/.test(line))).toBe(true);
  });

  it('still ends an unchanged song with the end marker', async () => {
    const packets = await playWhile(async () => {});
    expect(packets[packets.length - 1].fields.length).toBe(1);
    const sent = Buffer.concat(packets.slice(0, -1).map(playData));
    expect(sent.equals(original)).toBe(true);
  });
});
