import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFalseSyncSong, type FalseSyncSong } from '../../test/support/flacFalseSync';
import { flacFrameOffsets } from '../../test/support/flacFrameOffsets';
import { FlacFrameSplitter } from './flacFrameSplitter';

const run = promisify(execFile);
const BLOCK = 1152;
const SECONDS = 3;
const FRAMES = Math.ceil((SECONDS * 44100) / BLOCK);

function split(bytes: Uint8Array, slice: number): Uint8Array[] {
  const splitter = new FlacFrameSplitter();
  const frames: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += slice) {
    frames.push(...splitter.push(bytes.subarray(at, at + slice)));
  }
  return [...frames, ...splitter.end()];
}

/** Slices of the given sizes, over and over; whether any push took a frame end unproven. */
function splitInSizes(bytes: Uint8Array, sizes: number[]): { frames: Uint8Array[]; fast: boolean } {
  const splitter = new FlacFrameSplitter();
  const frames: Uint8Array[] = [];
  let fast = false;
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    frames.push(...splitter.push(bytes.subarray(at, at + size)));
    fast ||= splitter.unprovenCuts;
    at += size;
  }
  return { frames: [...frames, ...splitter.end()], fast };
}

const lengths = (frames: Uint8Array[]) => frames.map((frame) => frame.length);

describe('FlacFrameSplitter', () => {
  let dir: string;
  /** Noise encoded by `flac` in 1152-sample frames, behind a 300 KB padding block. */
  let song: Uint8Array;
  /** Where its frames start, by `flac -a`. */
  let offsets: number[];
  /** The frame lengths those give. */
  let expected: number[];
  /** 24-bit/192 kHz 6-channel noise in flac's default 4096-sample frames, and its frame lengths. */
  let hires: Uint8Array;
  let hiresExpected: number[];
  let falseSync: FalseSyncSong;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-flac-frames-'));
    const wav = join(dir, 'noise.wav');
    await run('sox', [
      ...['-n', '-r', '44100', '-c', '2', '-b', '16', wav],
      ...['synth', String(SECONDS), 'pinknoise', 'sine', '220', 'gain', '-9'],
    ]);
    const flac = join(dir, 'noise.flac');
    await run('flac', ['-s', '-f', '-b', String(BLOCK), '--padding=300000', '-o', flac, wav]);
    song = new Uint8Array(await readFile(flac));
    offsets = await flacFrameOffsets(flac);
    expected = offsets.map((offset, i) => (offsets[i + 1] ?? song.length) - offset);

    const hiresWav = join(dir, 'hires.wav');
    await run('sox', [
      ...['-n', '-r', '192000', '-c', '6', '-b', '24', hiresWav],
      ...['synth', '0.3', 'pinknoise', 'sine', '220', 'gain', '-9'],
    ]);
    await run('flac', ['-s', '-f', '-o', join(dir, 'hires.flac'), hiresWav]);
    hires = new Uint8Array(await readFile(join(dir, 'hires.flac')));
    const hiresOffsets = await flacFrameOffsets(join(dir, 'hires.flac'));
    hiresExpected = hiresOffsets.map((at, i) => (hiresOffsets[i + 1] ?? hires.length) - at);
    falseSync = await makeFalseSyncSong(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('cuts a stream into its frames, whole and in order, however it arrives', () => {
    expect(offsets).toHaveLength(FRAMES);
    expect(offsets[0]).toBeGreaterThan(300_000); // the padding block is skipped, not kept
    const whole = split(song, song.length);
    expect(lengths(whole)).toEqual(expected);
    expect(Buffer.concat(whole).equals(song.subarray(offsets[0]))).toBe(true);
    for (const slice of [1, 5, 1000, 4096, 70_000]) {
      expect(lengths(split(song, slice)), `slices of ${slice}`).toEqual(expected);
    }
  });

  it('hands a damaged frame on alone and the frames after it as before', () => {
    for (const slice of [4096, song.length]) {
      const damaged = song.slice();
      damaged[offsets[5] + 300] ^= 0x55; // inside the sixth frame's audio, past its header
      expect(lengths(split(damaged, slice)), `slices of ${slice}`).toEqual(expected);
      // The last frame damaged: still its own frame at the end.
      const lastDamaged = song.slice();
      lastDamaged[song.length - 10] ^= 0x55;
      expect(lengths(split(lastDamaged, slice))).toEqual(expected);
    }
  });

  it('cuts real songs into their frames by successor headers alone, however they are sliced', () => {
    const sizes = fc.array(fc.integer({ min: 200, max: 40_000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(sizes, (slices) => {
        for (const [bytes, want] of [
          [song, expected],
          [hires, hiresExpected],
        ] as const) {
          const { frames, fast } = splitInSizes(bytes, slices);
          expect(lengths(frames)).toEqual(want);
          expect(fast).toBe(true); // the CRC-16 was not what found these ends
        }
      }),
      { numRuns: 30 },
    );
  });

  it('cuts again with every end proven when a successor header inside a frame misled it', () => {
    const { bytes, offsets: at, frame, copyAt } = falseSync;
    const want = at.map((offset, i) => (at[i + 1] ?? bytes.length) - offset);
    const splitter = new FlacFrameSplitter();
    const first = splitter.push(bytes);
    expect(splitter.unprovenCuts).toBe(true);
    // Trusting the header copied into frame 5's audio cuts frame 5 there: libFLAC would
    // report it (a lost sync), and the decoder then hands the frames back.
    expect(first[frame].length).toBe(copyAt - at[frame]);
    const again = splitter.retry(first);
    expect(splitter.unprovenCuts).toBe(false);
    expect(lengths([...again, ...splitter.end()])).toEqual(want);
  });

  it('says when the bytes are not a FLAC stream', () => {
    expect(() => new FlacFrameSplitter().push(new TextEncoder().encode('RIFF....WAVE'))).toThrow(
      /not a FLAC stream/,
    );
  });
});
