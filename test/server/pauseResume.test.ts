import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client/clientSession';
import { PAUSE_FEATURE, type Packet } from '../../src/protocol';
import { FALLBACK_BYTES_PER_SECOND, MAX_BATCH_BYTES } from '../../src/server/streamPacer';
import { startSeedServer } from '../support/seedServer';
import { useTestServers, waitFor } from '../support/serverHarness';
import { startThrottledProxy } from '../support/throttledProxy';
import { playData, type RawClient } from '../support/rawClient';
import { makeTempLibrary } from './tempLibrary';

/** The bench's slow link: 2 Mbit/s with 50 ms each way. */
const LINK = { bitsPerSecond: 2_000_000, delayMs: 50 };
/** A short burst and lead, so that an ignored pause shows within two seconds. */
const PACING = { burstSeconds: 0.5, maxLeadSeconds: 1 };
/** One write's worth of play packets with their framing: what may be under way at a pause. */
const ONE_BATCH = MAX_BATCH_BYTES + 4 * 32;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the pause extension (PROTOCOL §17)', () => {
  const servers = useTestServers();

  async function playThroughLink(): Promise<RawClient> {
    const running = await servers.start({ pacing: PACING });
    const proxy = await startThrottledProxy({ ...LINK, targetPort: running.port });
    servers.onCleanup(() => proxy.close());
    const client = await servers.raw({ port: proxy.port });
    client.send('play<NEXT;>0<NEXT;><END;>');
    await client.nextPacket();
    return client;
  }

  it('holds the song where it is while paused: no more bytes however long, then goes on', async () => {
    const raw = await playThroughLink();
    await sleep(700);
    raw.send('pause<NEXT;><END;>');
    await sleep(500); // what was under way crosses the link
    const atPause = raw.playBytes;
    await sleep(2_000);
    // An ignored pause would have let 2 s of song (over 40 KB here) through by now.
    expect(raw.playBytes - atPause).toBeLessThanOrEqual(ONE_BATCH);
    raw.send('resume<NEXT;><END;>');
    await waitFor(() => raw.playBytes > atPause + ONE_BATCH, 5_000);
    raw.send('stop<NEXT;><END;>');
    await raw.readUntil('stop', 5_000);
  });

  it('queues no more ahead of a stop reply after a long pause than after a short one', async () => {
    const raw = await playThroughLink();
    await sleep(700);
    raw.send('pause<NEXT;><END;>');
    await sleep(300);
    const shortPause = raw.playBytes;
    await sleep(2_500);
    raw.send('stop<NEXT;><END;>');
    await raw.readUntil('stop', 5_000);
    // Everything before the stop reply, counted at the reply: bounded by what a short pause saw.
    expect(raw.playBytes - shortPause).toBeLessThanOrEqual(ONE_BATCH);
  });

  it('ends with a new play, which starts unpaused', async () => {
    // Song 1 fits in its burst (0.5 s at the fallback rate is 20,000 bytes) and is larger than a
    // batch: unpaused it all goes out at once, while a held song sends at most one batch.
    const song0 = randomBytes(60 * FALLBACK_BYTES_PER_SECOND);
    const song1 = randomBytes(18_000);
    expect(song1.length).toBeGreaterThan(ONE_BATCH);
    expect(song1.length).toBeLessThan(PACING.burstSeconds * FALLBACK_BYTES_PER_SECOND);
    const library = await makeTempLibrary({ '0 long.mp3': song0, '1 short.mp3': song1 });
    servers.onCleanup(() => library.remove());
    await servers.start({ folder: library.folder, pacing: PACING });
    const raw = await servers.raw();
    raw.send('play<NEXT;>0<NEXT;><END;>');
    const first = playData(await raw.nextPacket());
    // No resume: the new play alone must end the hold (a play switches with no marker, §9).
    raw.send('pause<NEXT;><END;>play<NEXT;>1<NEXT;><END;>');
    // Everything up to song 1's end marker: what song 0 sent before the switch, then song 1
    // whole. A play that inherited the pause would send at most a batch of it and never its end.
    const sent = Buffer.concat([first, await raw.readSong()]);
    const ofSong0 = sent.length - song1.length;
    expect(sent.subarray(ofSong0).equals(song1)).toBe(true);
    expect(sent.subarray(0, ofSong0).equals(song0.subarray(0, ofSong0))).toBe(true);
  });

  it('lets a held song go on once its peer half-closes: the song ends with its marker, then the close', async () => {
    // A peer that has shut its side can no longer send `resume`: a held song waited for good,
    // and with it the connection and its song file (seen while modelling half-closes for
    // test/server/hostilePeerProperty.test.ts).
    const song = randomBytes(60_000);
    const library = await makeTempLibrary({ 'a.mp3': song });
    servers.onCleanup(() => library.remove());
    await servers.start({ folder: library.folder, pacing: PACING });
    const raw = await servers.raw();
    raw.socket.end('play<NEXT;>0<NEXT;><END;>pause<NEXT;><END;>');
    expect((await raw.readSong()).equals(song)).toBe(true);
    await raw.closed;
    await waitFor(() => servers.running.server.connectionCount === 0);
  });

  it('is advertised in the metadata list only, as a fourth field', async () => {
    await servers.start();
    const raw = await servers.raw();
    raw.send('list<NEXT;><END;>list<NEXT;>meta<NEXT;><END;>');
    const plain: Packet = await raw.nextPacket();
    const meta: Packet = await raw.nextPacket();
    expect(plain.fields).toHaveLength(2);
    expect(meta.fields[3]?.toString('latin1').split(' ')).toContain(PAUSE_FEATURE);
  });

  it('is never sent to a seed-era server, even when the listener pauses or the reader is full', async () => {
    const seed = await startSeedServer([{ title: 'Long', bytes: Buffer.alloc(2_000_000, 0x55) }]);
    servers.onCleanup(() => seed.close());
    const session = await ClientSession.connect({
      host: '127.0.0.1',
      port: seed.port,
      songHighWaterMark: 16 * 1024,
    });
    servers.onCleanup(() => session.close());
    await session.list();
    const stream = session.play(0);
    stream.on('error', () => {});
    session.setPaused(true);
    await sleep(1_500); // the unread stream stays full for longer than the flow-control delay
    session.setPaused(false);
    expect(seed.requests.some((request) => /pause|resume/.test(request))).toBe(false);
    expect(seed.requests).toContain('play 0');
  });

  it('is sent by the client session when the listener pauses, and stops the bytes', async () => {
    await servers.start({ pacing: PACING });
    const session = await servers.session();
    await session.list();
    let received = 0;
    const stream = session.play(0);
    stream.on('data', (chunk: Buffer) => (received += chunk.length));
    await waitFor(() => received > 0, 5_000);
    session.setPaused(true);
    await sleep(300);
    const atPause = received;
    await sleep(1_500);
    expect(received - atPause).toBeLessThanOrEqual(ONE_BATCH);
    session.setPaused(false);
    await waitFor(() => received > atPause + ONE_BATCH, 5_000);
  });
});
