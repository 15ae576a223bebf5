import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetadata } from '../../src/protocol';
import { FALLBACK_BYTES_PER_SECOND } from '../../src/server';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../support/mp3Fixtures';
import { linkSongs, seedLibraryState } from '../support/seedLibraryState';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';

/** Files the rescan finds: most known from the saved state, the rest new (read during it). */
const KNOWN_FILES = 19_000;
const NEW_FILES = 1_000;
const PER_FOLDER = 100;
/**
 * Random bytes have no duration, so the server paces them at 40 kB/s: a minute of "audio", so
 * that the stream outlasts the rescan however long a loaded machine makes it (the test stops
 * listening soon after the rescan ends). With 8 s the stream ended first in 4 of 14 runs with
 * two CPU hogs at load 7-13 (rescans of 5-6 s), and the test proved nothing.
 */
const SONG_SECONDS = 60;
/**
 * A small burst and lead, so that a stall of the event loop longer than the lead shows as the
 * client running dry (the defaults would hide several seconds of stall).
 */
const PACING = { burstSeconds: 0.5, rateFactor: 1.5, maxLeadSeconds: 1.5 };

describe('a rescan of 20,000 files while a client streams', () => {
  let dir: string;
  let music: string;
  let sources: string[];
  let running: RunningServer;

  beforeAll(async () => {
    dir = await makeTempDir();
    music = path.join(dir, 'music');
    await mkdir(music);
    await writeFile(
      path.join(music, '0 song.mp3'),
      randomBytes(SONG_SECONDS * FALLBACK_BYTES_PER_SECOND),
    );
    sources = [];
    for (let i = 0; i < 4; i++) {
      const source = path.join(dir, `source${i}.mp3`);
      const tags = { title: `Song ${i}`, artist: 'Linked', album: `Album ${i}` };
      await writeFile(source, withId3Tag(encodeSineMp3({ seconds: 0.1 }), tags));
      sources.push(source);
    }
    // A state saved by an earlier run that knew the first 19,000: the rescan reads only the rest.
    const plan = { perFolder: PER_FOLDER, folderName: (a: number) => `Artist ${a}` };
    const known = linkSongs(music, sources, { ...plan, count: KNOWN_FILES });
    const stateDir = path.join(dir, 'state');
    await seedLibraryState(stateDir, music, sources, known);
    running = await startTestServer({ folder: music, pacing: PACING, stateDir });
    expect(running.server.library.songs).toHaveLength(KNOWN_FILES + 1);
    linkSongs(music, sources, { ...plan, first: KNOWN_FILES, count: NEW_FILES }); // new since the start
  }, 60_000);
  afterAll(async () => {
    await running?.server.close();
    await removeDir(dir);
  });

  it('never lets the stream fall behind real time, and answers a list at once', async () => {
    const streamed = running.server.library.songs.find((s) => s.relativePath === '0 song.mp3')!;
    const socket = connect({ port: running.port, host: '127.0.0.1' });
    const arrivals: { at: number; bytes: number }[] = [];
    let received = 0;
    const lister = await RawClient.connect(running.port);
    // The rescan starts once the stream runs a second ahead: just after a song starts there is a
    // short stall of its own (seen without any rescan), which is not what this test is about.
    let streaming: () => void = () => undefined;
    const ahead = new Promise<void>((resolve) => (streaming = resolve));
    let scanEnd = Infinity;
    // Listened to until an arrival comes a lead's length after the rescan ended: a stall the
    // rescan caused shows as the client running dry by then. (Or until the song ends.)
    const listenedLongEnough = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        arrivals.push({ at: performance.now(), bytes: received });
        const lead =
          received / FALLBACK_BYTES_PER_SECOND - (performance.now() - arrivals[0].at) / 1000;
        if (lead > 1) streaming();
        if (performance.now() > scanEnd + PACING.maxLeadSeconds * 1000) resolve();
        if (chunk.includes('play<NEXT;><END;>')) resolve();
      });
    });
    socket.write(`play<NEXT;>${streamed.id}<NEXT;><END;>`);
    await ahead;
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    let scanned = 0;
    const scanStart = performance.now();
    const scan = running.server.rescan().then((library) => {
      scanned = library.songs.length;
      scanEnd = performance.now();
    });
    // A list during the rescan is answered from the last complete scan (PROTOCOL §4.1.1).
    await new Promise((resolve) => setTimeout(resolve, 200));
    lister.send('list<NEXT;>meta<NEXT;><END;>');
    const during = (await lister.readUntil('list', 30_000)).at(-1)!;
    const listedAt = performance.now();
    await listenedLongEnough;
    socket.destroy();
    await scan;
    stalls.disable();
    lister.send('list<NEXT;>meta<NEXT;><END;>');
    // A `changed` notice (PROTOCOL §5.2) may come first: the rescan changed the list.
    const after = (await lister.readUntil('list', 30_000)).at(-1)!;
    lister.destroy();

    // Playback starts at the first packet. Just before each arrival from the rescan's start on,
    // the client must still have had audio left: what it had received covered the time since
    // it started. The arrivals before it are the song's start, with its dip of its own to 0.2 s
    // of lead (PERFORMANCE.md, "the 0.2 s stall just after a stream starts"), which the rescan
    // waits out (`ahead`) as not this test's matter; counted, it failed 2 of 16 runs with two
    // CPU hogs (load 13-14), each before the rescan had begun.
    const start = arrivals[0].at;
    const rate = FALLBACK_BYTES_PER_SECOND;
    let worstLead = Infinity;
    let worstAt = 0;
    for (let i = 1; i < arrivals.length; i++) {
      if (arrivals[i].at < scanStart) continue;
      const elapsed = (arrivals[i].at - start) / 1000;
      const lead = arrivals[i - 1].bytes / rate - elapsed;
      if (lead < worstLead) [worstLead, worstAt] = [lead, elapsed];
    }
    expect(scanned).toBe(KNOWN_FILES + NEW_FILES + 1);
    expect(listedAt).toBeLessThan(scanEnd);
    expect(parseMetadata(during.fields[2].toString('utf8'))).toHaveLength(KNOWN_FILES + 1);
    expect(parseMetadata(after.fields[2].toString('utf8'))).toHaveLength(scanned);

    // The longest the event loop was held, for the failure message: a lead lost to a stall.
    const longestStallMs = Math.round(stalls.max / 1e6);
    const seconds = (at: number) => ((at - start) / 1000).toFixed(2);
    const where =
      `worst lead ${worstLead.toFixed(2)} s at ${worstAt.toFixed(2)} s; scan from ` +
      `${seconds(scanStart)} s to ${seconds(scanEnd)} s; longest event-loop stall ${longestStallMs} ms`;
    expect(worstLead, where).toBeGreaterThan(0);
    // The whole scan ran while the stream did, and the stream had to deliver through it, or the
    // test proves nothing. Not a share of the stream: on a faster machine the scan is shorter
    // (1.8 s here, with steady batches 5 arrivals), which proves no less.
    const duringScan = arrivals.filter(({ at }) => at > scanStart && at < scanEnd).length;
    expect(scanEnd, where).toBeLessThan(arrivals.at(-1)!.at);
    expect(duringScan, where).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
