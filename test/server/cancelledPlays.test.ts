import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDescriptors } from '../support/openDescriptors';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';
import { makeTempLibrary, type TempLibrary } from './tempLibrary';

const REQUESTS = 2_000;
const QUICK_PACING = { burstSeconds: 0.5, rateFactor: 30, maxLeadSeconds: 3600 };

/** Samples `openDescriptors` between event-loop turns until stopped; keeps the peaks. */
function watchDescriptors(files: string[]): { stop: () => number[] } {
  const peaks = files.map(() => 0);
  let running = true;
  const sample = () => {
    if (!running) return;
    openDescriptors(files).forEach((count, i) => (peaks[i] = Math.max(peaks[i], count)));
    setImmediate(sample);
  };
  sample();
  return {
    stop: () => {
      running = false;
      return peaks;
    },
  };
}

describe.runIf(process.platform === 'linux')('plays cancelled before they stream', () => {
  let library: TempLibrary;
  let running: RunningServer;
  let files: string[];
  let listenerSong: Buffer;
  let attackerSong: Buffer;

  beforeAll(async () => {
    listenerSong = randomBytes(2_000_000);
    attackerSong = randomBytes(500_000);
    library = await makeTempLibrary({ 'a.mp3': listenerSong, 'b.mp3': attackerSong });
    files = await Promise.all(
      ['a.mp3', 'b.mp3'].map((f) => realpath(path.join(library.folder, f))),
    );
    running = await startTestServer({ folder: library.folder, pacing: QUICK_PACING });
  });
  afterAll(async () => {
    await running.server.close();
    await library.remove();
  });

  async function attack(requests: string, expectedStops: number): Promise<number[]> {
    const listener = await RawClient.connect(running.port);
    const attacker = await RawClient.connect(running.port);
    const watch = watchDescriptors(files);
    try {
      listener.send('play<NEXT;>0<NEXT;><END;>');
      attacker.send(requests);
      const stops = await attacker.readUntil('stop', 10_000).then(async (seen) => {
        let count = seen.filter((p) => p.type === 'stop').length;
        while (count < expectedStops) if ((await attacker.nextPacket()).type === 'stop') count++;
        return count;
      });
      expect(stops).toBe(expectedStops);
      // The attacker's connection still plays a song whole.
      attacker.send('play<NEXT;>1<NEXT;><END;>');
      expect((await attacker.readSong(20_000)).equals(attackerSong)).toBe(true);
      // A well-behaved listener on another connection gets its song byte for byte.
      expect((await listener.readSong(20_000)).equals(listenerSong)).toBe(true);
    } finally {
      listener.destroy();
      attacker.destroy();
    }
    return watch.stop();
  }

  it(`opens at most one file for ${REQUESTS} plays in one write`, async () => {
    const plays = 'play<NEXT;>1<NEXT;><END;>'.repeat(REQUESTS);
    // A stop at the end, to know when all the plays have been handled.
    const [listenerPeak, attackerPeak] = await attack(`${plays}stop<NEXT;><END;>`, 1);
    console.log(
      `${REQUESTS} plays: at most ${attackerPeak} descriptors open on the song, ${listenerPeak} on the listener's`,
    );
    expect(attackerPeak).toBeLessThanOrEqual(1);
    expect(listenerPeak).toBeLessThanOrEqual(1);
  });

  it(`opens at most one file for ${REQUESTS} play+stop pairs in one write`, async () => {
    const pairs = 'play<NEXT;>1<NEXT;><END;>stop<NEXT;><END;>'.repeat(REQUESTS);
    const [listenerPeak, attackerPeak] = await attack(pairs, REQUESTS);
    console.log(`${REQUESTS} play+stop: at most ${attackerPeak} descriptors open on the song`);
    expect(attackerPeak).toBeLessThanOrEqual(1);
    expect(listenerPeak).toBeLessThanOrEqual(1);
  });

  it('closes every song file once the connections are gone', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openDescriptors(files)).toEqual([0, 0]);
  });
});
