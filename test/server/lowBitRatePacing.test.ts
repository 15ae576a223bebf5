import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSineMp3 } from '../support/mp3Fixtures';
import { MAX_DATA_BYTES } from '../../src/protocol';
import { DEFAULT_BURST_SECONDS } from '../../src/server';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { playData, RawClient } from '../support/rawClient';
import { makeTempLibrary, type TempLibrary } from './tempLibrary';

/** How long the test listens: the burst, then a few paced packets. */
const LISTEN_MS = 4_000;
/** Arrivals closer together than this count as one batch. */
const SAME_BATCH_MS = 250;

interface Batch {
  atMs: number;
  bytes: number;
}

/** Groups data arrivals into batches: arrivals within `SAME_BATCH_MS` of the previous one. */
function batchesOf(arrivals: Batch[]): Batch[] {
  const batches: Batch[] = [];
  let lastAt = -Infinity;
  for (const arrival of arrivals) {
    const last = batches[batches.length - 1];
    if (last !== undefined && arrival.atMs - lastAt < SAME_BATCH_MS) last.bytes += arrival.bytes;
    else batches.push({ ...arrival });
    lastAt = arrival.atMs;
  }
  return batches;
}

describe('pacing a 16 kbit/s song', () => {
  let library: TempLibrary;
  let running: RunningServer;

  beforeAll(async () => {
    const mp3 = encodeSineMp3({ seconds: 20, sampleRate: 16_000, kbps: 16 });
    library = await makeTempLibrary({ 'low.mp3': mp3 });
    running = await startTestServer({ folder: library.folder }); // the default pacing
  });
  afterAll(async () => {
    await running.server.close();
    await library.remove();
  });

  it('sends the documented burst, then a packet at a time at the paced rate', async () => {
    const song = running.server.library.songs[0];
    const bytesPerSecond = song.sizeBytes / (song.durationSeconds ?? 1);
    expect(bytesPerSecond).toBeGreaterThan(1_900);
    expect(bytesPerSecond).toBeLessThan(2_100);

    const client = await RawClient.connect(running.port);
    const arrivals: Batch[] = [];
    try {
      const startedAt = performance.now();
      client.send('play<NEXT;>0<NEXT;><END;>');
      for (;;) {
        const left = LISTEN_MS - (performance.now() - startedAt);
        if (left <= 0) break;
        const packet = await client.nextPacket(left).catch(() => null);
        if (packet === null) break;
        arrivals.push({ atMs: performance.now() - startedAt, bytes: playData(packet).length });
      }
    } finally {
      client.destroy();
    }
    const [burst, ...later] = batchesOf(arrivals);
    const seconds = (bytes: number) => (bytes / bytesPerSecond).toFixed(2);
    console.log(
      `16 kbit/s: burst ${seconds(burst.bytes)} s of audio, then ` +
        later.map((b) => `${seconds(b.bytes)} s at ${Math.round(b.atMs)} ms`).join(', '),
    );
    // The first burst is the documented seconds of audio, give or take one packet.
    expect(burst.bytes).toBeLessThanOrEqual(
      DEFAULT_BURST_SECONDS * bytesPerSecond + MAX_DATA_BYTES,
    );
    expect(burst.bytes).toBeGreaterThanOrEqual(
      DEFAULT_BURST_SECONDS * bytesPerSecond - MAX_DATA_BYTES,
    );
    // After it, one packet (its 2 s of audio: packets are not cut smaller) per batch, at 1.5x
    // the song's rate, that is every 1.4 s: seconds apart, not a 16 KiB lump every 5 s.
    expect(later.length).toBeGreaterThanOrEqual(2);
    for (const batch of later) expect(batch.bytes).toBeLessThanOrEqual(MAX_DATA_BYTES);
    const gaps = later.map((batch, i) => batch.atMs - (i === 0 ? 0 : later[i - 1].atMs));
    expect(Math.max(...gaps)).toBeLessThan(2 * (MAX_DATA_BYTES / bytesPerSecond) * 1000);
  });
});
