import { randomBytes } from 'node:crypto';
import { link, mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_BYTES_PER_SECOND } from '../../src/server';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../support/mp3Fixtures';
import { startTestServer, type RunningServer } from '../support/serverHarness';

const LINKED_FILES = 2_000;
/** Random bytes have no duration, so the server paces them at 40 kB/s: 8 s of "audio". */
const SONG_SECONDS = 8;
/**
 * A small burst and lead, so that a stall of the event loop longer than the lead shows as the
 * client running dry (the defaults would hide several seconds of stall).
 */
const PACING = { burstSeconds: 0.5, rateFactor: 1.5, maxLeadSeconds: 1.5 };

describe('a rescan of thousands of files while a client streams', () => {
  let dir: string;
  let running: RunningServer;

  beforeAll(async () => {
    dir = await makeTempDir();
    const music = path.join(dir, 'music');
    await mkdir(music);
    await writeFile(
      path.join(music, '0 song.mp3'),
      randomBytes(SONG_SECONDS * FALLBACK_BYTES_PER_SECOND),
    );
    running = await startTestServer({ folder: music, pacing: PACING });
    // Added after the first scan: hard links of a few tiny tagged MP3s, fast to make.
    const sources = [];
    for (let i = 0; i < 4; i++) {
      const source = path.join(dir, `source${i}.mp3`);
      const tags = { title: `Song ${i}`, artist: 'Linked', album: `Album ${i}` };
      await writeFile(source, withId3Tag(encodeSineMp3({ seconds: 0.1 }), tags));
      sources.push(source);
    }
    for (let a = 0; a < LINKED_FILES / 100; a++) {
      const album = path.join(music, `Artist ${a}`);
      await mkdir(album);
      for (let s = 0; s < 100; s++) await link(sources[s % 4], path.join(album, `${s}.mp3`));
    }
  }, 60_000);
  afterAll(async () => {
    await running?.server.close();
    await removeDir(dir);
  });

  it('never lets the stream fall behind real time', async () => {
    const socket = connect({ port: running.port, host: '127.0.0.1' });
    const arrivals: { at: number; bytes: number }[] = [];
    let received = 0;
    const ended = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        arrivals.push({ at: performance.now(), bytes: received });
        if (chunk.includes('play<NEXT;><END;>')) resolve();
      });
    });
    socket.write('play<NEXT;>0<NEXT;><END;>');
    let scanned = 0;
    let scanEnd = Infinity;
    const scan = running.server.rescan().then((library) => {
      scanned = library.songs.length;
      scanEnd = performance.now();
    });
    await ended;
    socket.destroy();
    await scan;
    expect(scanned).toBe(LINKED_FILES + 1);

    // Playback starts at the first packet. Just before each arrival, the client must still
    // have had audio left: what it had received covered the time since it started.
    const start = arrivals[0].at;
    const rate = FALLBACK_BYTES_PER_SECOND;
    let worstLead = Infinity;
    for (let i = 1; i < arrivals.length; i++) {
      const elapsed = (arrivals[i].at - start) / 1000;
      worstLead = Math.min(worstLead, arrivals[i - 1].bytes / rate - elapsed);
    }
    expect(worstLead).toBeGreaterThan(0);
    // The scan ran during much of the stream, or the test proves nothing.
    const duringScan = arrivals.filter(({ at }) => at < scanEnd).length;
    expect(duringScan).toBeGreaterThan(arrivals.length / 4);
  }, 60_000);
});
