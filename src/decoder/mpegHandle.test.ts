import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MPEGDecoder } from 'mpg123-decoder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renewMpegHandle } from './mpegHandle';

const MUSIC_DIR = fileURLToPath(new URL('../../music', import.meta.url));
// The bundled song with a 27 KB cover tag: mpg123 keeps a tag's bytes in the handle's memory.
const SONG = readFileSync(
  join(MUSIC_DIR, readdirSync(MUSIC_DIR).find((name) => name.includes('Glass Tide')) ?? ''),
);

/** What a test may read of the instance's own allocator. */
interface Heap {
  malloc(bytes: number): number;
  free(pointer: number): void;
}

function heapOf(mpeg: MPEGDecoder): Heap {
  return (mpeg as unknown as { _common: { wasm: Heap } })._common.wasm;
}

describe('renewMpegHandle', () => {
  let mpeg: MPEGDecoder;
  beforeEach(async () => {
    mpeg = new MPEGDecoder();
    await mpeg.ready;
  });
  afterEach(() => mpeg.free());

  it('finds the internals of the pinned mpg123-decoder', () => {
    expect(renewMpegHandle(mpeg)).toBe(true);
  });

  it('starts a song afresh: the same samples as a new instance, after a song cut short', () => {
    const fresh = mpeg.decode(SONG.subarray(0, 200_000));
    mpeg.decode(SONG.subarray(0, 60_001)); // the next song, cut short mid-frame
    expect(renewMpegHandle(mpeg)).toBe(true);
    const again = mpeg.decode(SONG.subarray(0, 200_000));
    expect(again.samplesDecoded).toBe(fresh.samplesDecoded);
    expect(again.channelData[0]).toEqual(fresh.channelData[0]);
    expect(again.channelData[1]).toEqual(fresh.channelData[1]);
  });

  it('leaks nothing: a thousand songs later the allocator hands out the same memory', () => {
    const probe = () => {
      const pointer = heapOf(mpeg).malloc(64);
      heapOf(mpeg).free(pointer);
      return pointer;
    };
    mpeg.decode(SONG.subarray(0, 40_000));
    renewMpegHandle(mpeg);
    const before = probe();
    for (let song = 0; song < 1000; song++) {
      mpeg.decode(SONG.subarray(0, 40_000)); // its tag, and its first frames
      renewMpegHandle(mpeg);
    }
    // A handle left behind each time (mpg123's is about 100 KB) would have moved this far on.
    expect(Math.abs(probe() - before)).toBeLessThan(64 * 1024);
  });
});
